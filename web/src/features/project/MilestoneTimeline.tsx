/**
 * Milestones M01–M12 on one time axis: baseline (open diamond), forecast (circle) and actual date
 * (filled square), with a line from baseline to the date that counts coloured by delay severity.
 * The figure is decorative for screen readers: the milestone table holds the same information.
 *
 * Robust to odd data stored before dates were checked (issue 8): the axis spans only plausible years
 * (POLICY.plausibleDates); a date outside is drawn at the edge, and anything that is not a calendar
 * date is left out, so no coordinate is ever NaN.
 */
import { dateForAxis } from '../../../../src/domain/plausibility.ts';
import type { ReactNode } from 'react';
import type { DelaySeverity, Milestone } from '../../api/types.ts';
import { formatDate } from '../../labels.ts';

const ROW = 30;
const LEFT = 56;
const WIDTH = 880;
const RIGHT = 16;
const TOP = 28;

const SEVERITY_COLOURS: Record<DelaySeverity, string> = { geen: '#39870c', vertraagd: '#b35c00', ernstig: '#c0101a' };

/** The marks of the time line as the legend shows them. */
const MARK_LEGEND: [text: string, mark: ReactNode][] = [
  ['Basisplanning', <path d="M 8 1 l 7 7 l -7 7 l -7 -7 z" fill="#fff" stroke="#1a1a1a" strokeWidth={2} />],
  ['Prognose', <circle cx="8" cy="8" r="6" fill="#39870c" stroke="#1a1a1a" />],
  ['Gerealiseerd', <rect x="2" y="2" width="12" height="12" fill="#1a1a1a" />],
];

const SEVERITY_LEGEND: [DelaySeverity, string][] = [
  ['geen', 'Op tijd'],
  ['vertraagd', 'Vertraagd'],
  ['ernstig', 'Ernstig vertraagd'],
];

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** A milestone with its dates as drawn: inside the plausible window, or null when not a date. */
function drawable(m: Milestone) {
  const base = dateForAxis(m.baselineDate);
  const forecast = dateForAxis(m.forecastDate);
  const actual = dateForAxis(m.actualDate);
  return { base, forecast, actual, effective: actual ?? forecast };
}

/** Tooltip text of a date, saying so when it lies outside the time line. */
function dateTitle(label: string, original: string | null, drawn: { clamped: boolean }): string {
  return drawn.clamped ? `${label} ${formatDate(original)} (buiten de tijdlijn)` : `${label} ${formatDate(original)}`;
}

export function MilestoneTimeline({ milestones, today = new Date().toISOString().slice(0, 10) }: { milestones: Milestone[]; today?: string }) {
  const rows = milestones.map((m) => ({ m, d: drawable(m) }));
  const drawn = rows.flatMap(({ d }) => [d.base, d.forecast, d.actual]).flatMap((v) => (v ? [v] : []));
  if (drawn.length === 0) return null;
  // The axis follows the ordinary dates; an odd one (outside the window) sits at the edge.
  const ordinary = drawn.filter((v) => !v.clamped);
  const times = (ordinary.length > 0 ? ordinary : drawn).map((v) => toTime(v.date));
  const startYear = new Date(Math.min(...times)).getUTCFullYear();
  const endYear = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const t0 = Date.UTC(startYear, 0, 1);
  const t1 = Date.UTC(endYear, 0, 1);
  const x = (iso: string) => {
    const at = LEFT + ((toTime(iso) - t0) / (t1 - t0)) * (WIDTH - LEFT - RIGHT);
    return Number.isFinite(at) ? Math.min(WIDTH - RIGHT, Math.max(LEFT, at)) : LEFT;
  };
  const height = TOP + milestones.length * ROW + 8;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
  const step = Math.ceil(years.length / 12);
  const todayTime = toTime(today);
  const todayInRange = Number.isFinite(todayTime) && todayTime >= t0 && todayTime <= t1;

  return (
    <figure className="wbm-figure wbm-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="presentation" aria-hidden="true" focusable="false" data-testid="milestone-timeline">
        {years.map((y, i) => {
          const xi = x(`${y}-01-01`);
          return (
            <g key={y}>
              <line x1={xi} x2={xi} y1={TOP - 8} y2={height - 4} stroke="#d0d5dd" />
              {i % step === 0 && y < endYear && (
                <text x={xi + 4} y={TOP - 12} fontSize="12" fill="#333">
                  {y}
                </text>
              )}
            </g>
          );
        })}
        {todayInRange && (
          <g>
            <line x1={x(today)} x2={x(today)} y1={TOP - 8} y2={height - 4} stroke="#154273" strokeDasharray="4 3" />
            <text x={x(today) + 4} y={height - 6} fontSize="11" fill="#154273">
              vandaag
            </text>
          </g>
        )}
        {rows.map(({ m, d }, i) => {
          const y = TOP + i * ROW + ROW / 2;
          const colour = SEVERITY_COLOURS[m.delay.severity] ?? SEVERITY_COLOURS.geen;
          return (
            <g key={m.code}>
              <text x={8} y={y + 4} fontSize="13" fill="#1a1a1a" fontWeight="bold">
                {m.code}
              </text>
              {d.base && d.effective && <line x1={x(d.base.date)} x2={x(d.effective.date)} y1={y} y2={y} stroke={colour} strokeWidth={3} />}
              {d.base && (
                <path d={`M ${x(d.base.date)} ${y - 7} l 7 7 l -7 7 l -7 -7 z`} fill="#fff" stroke="#1a1a1a" strokeWidth={2}>
                  <title>{dateTitle('Basisplanning', m.baselineDate, d.base)}</title>
                </path>
              )}
              {d.forecast && !d.actual && (
                <circle cx={x(d.forecast.date)} cy={y} r={6} fill={colour} stroke="#1a1a1a" strokeWidth={1}>
                  <title>{dateTitle('Prognose', m.forecastDate, d.forecast)}</title>
                </circle>
              )}
              {d.actual && (
                <rect x={x(d.actual.date) - 6} y={y - 6} width={12} height={12} fill="#1a1a1a">
                  <title>{dateTitle('Gerealiseerd', m.actualDate, d.actual)}</title>
                </rect>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="wbm-legend">
        {MARK_LEGEND.map(([text, mark]) => (
          <span className="wbm-legend__item" key={text}>
            <svg width="16" height="16" aria-hidden="true" viewBox="0 0 16 16">
              {mark}
            </svg>
            {text}
          </span>
        ))}
        {SEVERITY_LEGEND.map(([severity, text]) => (
          <span className="wbm-legend__item" key={severity}>
            <span className="wbm-legend__line" style={{ background: SEVERITY_COLOURS[severity] }} aria-hidden="true" /> {text}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
