/**
 * National production per year: realised new construction (CBS, real figures) as bars and the expected
 * completions from the monitor's jaarschijven (demo data when the register holds demo projects) as a line, the
 * P10–P90 band of the simulation as a shaded area, and the target of 100,000 a year as a dashed line. Each
 * series differs in shape, not only colour; the table next to the chart holds the same figures.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { useMemo } from 'react';
import type { NationalProductionYear } from '../../api/types.ts';
import { EChart, registerEchartsPart, targetLineSeries, yearChartOption } from '../../components/EChart.tsx';
import { formatNumber } from '../../labels.ts';

registerEchartsPart([BarChart, LineChart]);

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11); the band is decoration next to the table. */
export const PRODUCTION_COLOURS = { cbs: '#154273', expected: '#a35a00', band: 'rgba(163, 90, 0, 0.18)', target: '#1a1a1a' };

const round = (v: number | null) => (v === null ? null : Math.round(v));

export function ProductionChart({
  years,
  description,
  onRendered,
}: {
  years: NationalProductionYear[];
  description: string;
  onRendered?: () => void;
}) {
  const option = useMemo(() => {
    const hasForecast = (y: NationalProductionYear) => y.expected > 0 || y.p50 !== null;
    return yearChartOption({
      description,
      years: years.map((y) => y.year),
      yAxisName: 'Woningen per jaar',
      grid: { left: 72, right: 16, top: 32, bottom: 56 },
      tooltip: {
        formatter: (params: unknown) => {
          const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
          const y = years[index];
          if (!y) return '';
          const lines = [`<strong>${y.year}</strong>`];
          if (y.realisedCbs !== null) lines.push(`Gerealiseerd (CBS): ${formatNumber(y.realisedCbs)}`);
          if (hasForecast(y))
            lines.push(
              `Gepland (jaarschijven): ${formatNumber(Math.round(y.planned))}`,
              `Verwacht (mediaan): ${formatNumber(Math.round(y.expected))}`,
            );
          if (y.p10 !== null && y.p90 !== null)
            lines.push(`Bandbreedte P10–P90: ${formatNumber(Math.round(y.p10))} – ${formatNumber(Math.round(y.p90))}`);
          if (y.target !== null) lines.push(`Doel: ${formatNumber(Math.round(y.target))}`);
          return lines.join('<br>');
        },
      },
      legend: { data: ['Gerealiseerd (CBS)', 'Verwacht (mediaan)', 'Bandbreedte P10–P90', 'Doel'] },
      series: [
        {
          name: 'Gerealiseerd (CBS)',
          type: 'bar',
          barMaxWidth: 40,
          itemStyle: { color: PRODUCTION_COLOURS.cbs },
          data: years.map((y) => y.realisedCbs),
        },
        {
          name: 'Verwacht (mediaan)',
          type: 'line',
          symbol: 'circle',
          symbolSize: 8,
          z: 4,
          lineStyle: { color: PRODUCTION_COLOURS.expected, width: 3 },
          itemStyle: { color: PRODUCTION_COLOURS.expected },
          data: years.map((y) => (hasForecast(y) ? Math.round(y.expected) : null)),
        },
        {
          name: 'P10',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          tooltip: { show: false },
          data: years.map((y) => round(y.p10)),
        },
        {
          name: 'Bandbreedte P10–P90',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          itemStyle: { color: PRODUCTION_COLOURS.expected },
          areaStyle: { color: PRODUCTION_COLOURS.band },
          data: years.map((y) => (y.p10 === null || y.p90 === null ? null : Math.round(y.p90 - y.p10))),
        },
        targetLineSeries(
          'Doel',
          PRODUCTION_COLOURS.target,
          years.map((y) => round(y.target)),
        ),
      ],
    });
  }, [years, description]);

  return <EChart option={option} className="wbm-chart wbm-chart--national" testId="production-chart" onRendered={onRendered} />;
}
