/**
 * One echarts chart, as every chart of the app draws it (only the parts used are bundled): on a canvas,
 * or as SVG for print; at the size of its container and redrawn when the window resizes, or at a fixed
 * size. No animation, an axis tooltip, the legend at the bottom and a text alternative (aria); a table
 * next to each chart holds the same figures, so nothing depends on seeing the chart.
 */
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../labels.ts';

echarts.use([GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** Registers more parts of echarts: each chart its series types; the printable report the SVG renderer. */
export const registerEchartsPart = echarts.use;

export type ChartOption = echarts.EChartsCoreOption;

/** Text colour of axes and legend. */
const INK = '#1a1a1a';

/**
 * The option of a chart with one bar or point per year: `description` is read by screen readers; `decal`
 * gives the series fill patterns, so they can be told apart without colour.
 */
export function yearChartOption({
  description,
  decal = false,
  years,
  yAxisName,
  grid,
  tooltip,
  legend,
  series,
}: {
  description: string;
  decal?: boolean;
  years: readonly number[];
  yAxisName: string;
  grid: { left: number; right: number; top: number; bottom: number };
  /** Added to the axis tooltip: how values are written. */
  tooltip: Record<string, unknown>;
  /** Added to the legend (e.g. which series it lists). */
  legend?: Record<string, unknown>;
  series: Record<string, unknown>[];
}): ChartOption {
  return {
    aria: { enabled: true, label: { description }, ...(decal ? { decal: { show: true } } : {}) },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...tooltip },
    legend: { bottom: 0, textStyle: { color: INK }, ...legend },
    grid,
    xAxis: { type: 'category', data: years.map(String), axisLabel: { color: INK } },
    yAxis: { type: 'value', name: yAxisName, axisLabel: { color: INK, formatter: (v: number) => formatNumber(v) } },
    series,
  };
}

/** A target per year (the opgave, the national goal) as a stepped dashed line with square points. */
export function targetLineSeries(name: string, colour: string, data: (number | null)[]): Record<string, unknown> {
  return {
    name,
    type: 'line',
    step: 'middle',
    symbol: 'rect',
    symbolSize: 8,
    lineStyle: { color: colour, width: 2, type: 'dashed' },
    itemStyle: { color: colour },
    data,
  };
}

export interface EChartProps {
  /** What to draw; a new object redraws the chart (memoise it). */
  option: ChartOption;
  className: string;
  testId: string;
  renderer?: 'canvas' | 'svg';
  /** Fixed size (print); otherwise the size of the container. */
  width?: number;
  height?: number;
  /** Called once the chart has been drawn completely. */
  onRendered?: () => void;
  /** Called with the index of a clicked bar or point. */
  onClick?: (dataIndex: number) => void;
}

export function EChart({ option, className, testId, renderer = 'canvas', width, height, onRendered, onClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The handlers are read through a ref: a new callback must not redraw the chart.
  const handlers = useRef({ onRendered, onClick });
  useEffect(() => {
    handlers.current = { onRendered, onClick };
  });

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer, width, height });
    // setOption draws synchronously and fires 'finished' inside it: listen first.
    chart.on('click', (params) => handlers.current.onClick?.(params.dataIndex));
    let reported = false;
    chart.on('finished', () => {
      if (reported) return;
      reported = true;
      handlers.current.onRendered?.();
    });
    chart.setOption(option);
    const resize = () => chart.resize();
    if (!width) window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, renderer, width, height]);

  return <div ref={ref} className={className} data-testid={testId} />;
}
