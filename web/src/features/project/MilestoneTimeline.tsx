/**
 * Milestones M01–M12 on one time axis: baseline (open diamond), forecast (circle) and actual date
 * (filled square), with a line from baseline to the date that counts coloured by delay severity.
 * The figure is decorative for screen readers: the milestone table holds the same information.
 */
import type { DelaySeverity, Milestone } from '../../api/types.ts';
import { formatDate } from '../../labels.ts';

const ROW = 30;
const LEFT = 56;
const WIDTH = 880;
const RIGHT = 16;
const TOP = 28;

const SEVERITY_COLOURS: Record<DelaySeverity, string> = { geen: '#39870c', vertraagd: '#b35c00', ernstig: '#c0101a' };

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function MilestoneTimeline({ milestones, today = new Date().toISOString().slice(0, 10) }: { milestones: Milestone[]; today?: string }) {
  const dates = milestones.flatMap((m) => [m.baselineDate, m.forecastDate, m.actualDate]).filter((d): d is string => Boolean(d));
  if (dates.length === 0) return null;
  const times = dates.map(toTime);
  const startYear = new Date(Math.min(...times)).getUTCFullYear();
  const endYear = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const t0 = Date.UTC(startYear, 0, 1);
  const t1 = Date.UTC(endYear, 0, 1);
  const x = (iso: string) => LEFT + ((toTime(iso) - t0) / (t1 - t0)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + milestones.length * ROW + 8;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
  const step = Math.ceil(years.length / 12);
  const todayInRange = toTime(today) >= t0 && toTime(today) <= t1;

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
        {milestones.map((m, i) => {
          const y = TOP + i * ROW + ROW / 2;
          const effective = m.actualDate ?? m.forecastDate;
          const colour = SEVERITY_COLOURS[m.delay.severity];
          return (
            <g key={m.code}>
              <text x={8} y={y + 4} fontSize="13" fill="#1a1a1a" fontWeight="bold">
                {m.code}
              </text>
              {m.baselineDate && effective && <line x1={x(m.baselineDate)} x2={x(effective)} y1={y} y2={y} stroke={colour} strokeWidth={3} />}
              {m.baselineDate && (
                <path
                  d={`M ${x(m.baselineDate)} ${y - 7} l 7 7 l -7 7 l -7 -7 z`}
                  fill="#fff"
                  stroke="#1a1a1a"
                  strokeWidth={2}
                >
                  <title>Basisplanning {formatDate(m.baselineDate)}</title>
                </path>
              )}
              {m.forecastDate && !m.actualDate && <circle cx={x(m.forecastDate)} cy={y} r={6} fill={colour} stroke="#1a1a1a" strokeWidth={1} />}
              {m.actualDate && <rect x={x(m.actualDate) - 6} y={y - 6} width={12} height={12} fill="#1a1a1a" />}
            </g>
          );
        })}
      </svg>
      <figcaption className="wbm-legend">
        <span className="wbm-legend__item">
          <svg width="16" height="16" aria-hidden="true" viewBox="0 0 16 16">
            <path d="M 8 1 l 7 7 l -7 7 l -7 -7 z" fill="#fff" stroke="#1a1a1a" strokeWidth={2} />
          </svg>
          Basisplanning
        </span>
        <span className="wbm-legend__item">
          <svg width="16" height="16" aria-hidden="true" viewBox="0 0 16 16">
            <circle cx="8" cy="8" r="6" fill="#39870c" stroke="#1a1a1a" />
          </svg>
          Prognose
        </span>
        <span className="wbm-legend__item">
          <svg width="16" height="16" aria-hidden="true" viewBox="0 0 16 16">
            <rect x="2" y="2" width="12" height="12" fill="#1a1a1a" />
          </svg>
          Gerealiseerd
        </span>
        <span className="wbm-legend__item">
          <span className="wbm-legend__line" style={{ background: SEVERITY_COLOURS.geen }} aria-hidden="true" /> Op tijd
        </span>
        <span className="wbm-legend__item">
          <span className="wbm-legend__line" style={{ background: SEVERITY_COLOURS.vertraagd }} aria-hidden="true" /> Vertraagd
        </span>
        <span className="wbm-legend__item">
          <span className="wbm-legend__line" style={{ background: SEVERITY_COLOURS.ernstig }} aria-hidden="true" /> Ernstig vertraagd
        </span>
      </figcaption>
    </figure>
  );
}
