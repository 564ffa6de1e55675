/**
 * Jaarschijven as a stacked bar chart (echarts, only the parts used are bundled). Segments also get
 * a fill pattern (decal), so they can be told apart without colour; the table next to it holds
 * the same figures for screen readers.
 */
import { BarChart } from 'echarts/charts';
import { useMemo } from 'react';
import type { Jaarschijf } from '../../api/types.ts';
import { EChart, registerEchartsPart, yearChartOption } from '../../components/EChart.tsx';
import { formatNumber, label, SEGMENTS } from '../../labels.ts';

registerEchartsPart([BarChart]);

/** Colours per segment, each with at least 3:1 contrast against white (WCAG 1.4.11). */
export const SEGMENT_COLOURS: Record<string, string> = {
  sociale_huur: '#01689b',
  middenhuur: '#39870c',
  betaalbare_koop: '#a90061',
  vrije_sector_huur: '#8f5e00',
  vrije_sector_koop: '#5a4a9c',
};

/**
 * The bars to draw: only whole years the register accepts (2000–2100) and whole, non-negative numbers
 * of homes, so one odd row stored earlier cannot stretch the axis or put NaN in the chart (issue 8).
 */
export function chartData(jaarschijven: readonly Jaarschijf[]): {
  years: number[];
  segments: string[];
  homes: (year: number, segment: string) => number;
} {
  const rows = jaarschijven.filter((j) => Number.isInteger(j.year) && j.year >= 2000 && j.year <= 2100 && Number.isFinite(j.homes) && j.homes >= 0);
  const years = [...new Set(rows.map((j) => j.year))].sort((a, b) => a - b);
  const segments = SEGMENTS.filter((s) => rows.some((j) => j.segment === s));
  const homes = (year: number, segment: string) => rows.filter((j) => j.year === year && j.segment === segment).reduce((sum, j) => sum + j.homes, 0);
  return { years, segments, homes };
}

export function JaarschijvenChart({ jaarschijven, description }: { jaarschijven: Jaarschijf[]; description: string }) {
  const option = useMemo(() => {
    const { years, segments, homes } = chartData(jaarschijven);
    return yearChartOption({
      description,
      decal: true,
      years,
      yAxisName: 'Woningen',
      grid: { left: 56, right: 16, top: 36, bottom: 64 },
      tooltip: { valueFormatter: (v: unknown) => (Number.isFinite(Number(v)) ? `${formatNumber(Number(v))} woningen` : 'onbekend') },
      series: segments.map((s) => ({
        name: label(s),
        type: 'bar',
        stack: 'woningen',
        barMaxWidth: 72,
        itemStyle: { color: SEGMENT_COLOURS[s] },
        data: years.map((y) => homes(y, s)),
      })),
    });
  }, [jaarschijven, description]);

  return <EChart option={option} className="wbm-chart" testId="jaarschijven-chart" />;
}
