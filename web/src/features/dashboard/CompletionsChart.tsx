/**
 * Expected completions per year (from the jaarschijven) against the region's target: stacked bars for
 * hard and soft plans, the target as a stepped line. Bars also differ by fill pattern (decal) and the
 * table next to the chart holds the same figures, so nothing depends on colour or on seeing the chart.
 * The screen uses the canvas renderer; the printable report uses SVG, which prints sharply (the report
 * registers it, see registerEchartsPart).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { useMemo } from 'react';
import type { DashboardYear } from '../../api/types.ts';
import { EChart, registerEchartsPart, targetLineSeries, yearChartOption } from '../../components/EChart.tsx';
import { formatNumber } from '../../labels.ts';

// The SVG renderer (for print) is registered by the Tafelrapport only: the screen does not need it.
registerEchartsPart([BarChart, LineChart]);

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
  const clickable = Boolean(onYearClick);
  const option = useMemo(() => {
    const bars = (name: string, color: string, homes: (y: DashboardYear) => number) => ({
      name,
      type: 'bar',
      stack: 'verwacht',
      barMaxWidth: 64,
      cursor: clickable ? 'pointer' : 'default',
      itemStyle: { color },
      data: perYear.map(homes),
    });
    const hasTarget = perYear.some((y) => y.target !== null);
    return yearChartOption({
      description,
      decal: true,
      years: perYear.map((y) => y.year),
      yAxisName: 'Woningen',
      grid: { left: 64, right: 16, top: 32, bottom: 56 },
      tooltip: { valueFormatter: (v: unknown) => (v == null ? 'onbekend' : `${formatNumber(Math.round(Number(v)))} woningen`) },
      series: [
        bars('Harde plannen', CHART_COLOURS.hard, (y) => y.expectedHard),
        bars('Zachte plannen', CHART_COLOURS.soft, (y) => y.expected - y.expectedHard),
        ...(hasTarget
          ? [
              targetLineSeries(
                'Opgave',
                CHART_COLOURS.target,
                perYear.map((y) => (y.target === null ? null : Math.round(y.target))),
              ),
            ]
          : []),
      ],
    });
  }, [perYear, description, clickable]);

  const onClick = (index: number) => {
    const year = perYear[index]?.year;
    if (year !== undefined) onYearClick?.(year);
  };

  return (
    <EChart
      option={option}
      className="wbm-chart wbm-chart--completions"
      testId="completions-chart"
      renderer={renderer}
      width={width}
      height={height}
      onRendered={onRendered}
      onClick={onClick}
    />
  );
}
