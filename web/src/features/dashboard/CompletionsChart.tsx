/**
 * Expected completions per year (from the jaarschijven) against the region's target: stacked bars for
 * hard and soft plans, the target as a stepped line. Bars also differ by fill pattern (decal) and the
 * table next to the chart holds the same figures, so nothing depends on colour or on seeing the chart.
 * The screen uses the canvas renderer; the printable report uses SVG, which prints sharply (the report
 * registers it, see registerEchartsPart).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DashboardYear } from '../../api/types.ts';
import { formatNumber } from '../../labels.ts';

// The SVG renderer (for print) is registered by the Tafelrapport only: the screen does not need it.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** Registers an extra part of echarts (the report adds the SVG renderer). */
export const registerEchartsPart = echarts.use;

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11). */
export const CHART_COLOURS = { hard: '#154273', soft: '#5b86b3', target: '#1a1a1a' };

export interface CompletionsChartProps {
  perYear: DashboardYear[];
  /** Text alternative read by screen readers (the table next to it has the figures). */
  description: string;
  renderer: 'canvas' | 'svg';
  /** Called with the year of a clicked bar (drill-down). */
  onYearClick?: (year: number) => void;
  /** Called once the chart has been drawn completely. */
  onRendered?: () => void;
  /** Fixed size for print; otherwise the size of the container. */
  width?: number;
  height?: number;
}

export function CompletionsChart({ perYear, description, renderer, onYearClick, onRendered, width, height }: CompletionsChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onYearClick, onRendered });
  handlers.current = { onYearClick, onRendered };

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer, width, height });
    // setOption draws synchronously and fires 'finished' inside it: listen first.
    chart.on('click', (params) => {
      const year = perYear[params.dataIndex as number]?.year;
      if (year !== undefined) handlers.current.onYearClick?.(year);
    });
    let reported = false;
    chart.on('finished', () => {
      if (reported) return;
      reported = true;
      handlers.current.onRendered?.();
    });
    const years = perYear.map((y) => String(y.year));
    const hasTarget = perYear.some((y) => y.target !== null);
    chart.setOption({
      aria: { enabled: true, label: { description }, decal: { show: true } },
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (v == null ? 'onbekend' : `${formatNumber(Math.round(Number(v)))} woningen`) },
      legend: { bottom: 0, textStyle: { color: '#1a1a1a' } },
      grid: { left: 64, right: 16, top: 32, bottom: 56 },
      xAxis: { type: 'category', data: years, axisLabel: { color: '#1a1a1a' } },
      yAxis: { type: 'value', name: 'Woningen', axisLabel: { color: '#1a1a1a', formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          name: 'Harde plannen',
          type: 'bar',
          stack: 'verwacht',
          barMaxWidth: 64,
          cursor: onYearClick ? 'pointer' : 'default',
          itemStyle: { color: CHART_COLOURS.hard },
          data: perYear.map((y) => y.expectedHard),
        },
        {
          name: 'Zachte plannen',
          type: 'bar',
          stack: 'verwacht',
          barMaxWidth: 64,
          cursor: onYearClick ? 'pointer' : 'default',
          itemStyle: { color: CHART_COLOURS.soft },
          data: perYear.map((y) => y.expected - y.expectedHard),
        },
        ...(hasTarget
          ? [
              {
                name: 'Opgave',
                type: 'line',
                step: 'middle',
                symbol: 'rect',
                symbolSize: 8,
                lineStyle: { color: CHART_COLOURS.target, width: 2, type: 'dashed' },
                itemStyle: { color: CHART_COLOURS.target },
                data: perYear.map((y) => (y.target === null ? null : Math.round(y.target))),
              },
            ]
          : []),
      ],
    });
    const resize = () => chart.resize();
    if (!width) window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // The handlers are read through a ref: a new callback must not redraw the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [perYear, description, renderer, width, height]);

  return <div ref={ref} className="wbm-chart wbm-chart--completions" data-testid="completions-chart" />;
}
