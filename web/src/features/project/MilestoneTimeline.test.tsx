// @vitest-environment jsdom
/**
 * The milestone time line stays sane with odd data stored before dates were checked (issue 8: a
 * forecast in year 9999 drew the axis to the year 9341 with NaN coordinates). SPEC §2 "Phases and
 * milestones": baseline, forecast and actual date per milestone.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Milestone } from '../../api/types.ts';
import { MilestoneTimeline } from './MilestoneTimeline.tsx';

afterEach(cleanup);

const ms = (rows: Array<[string, string | null, string | null, string | null]>) =>
  rows.map(([code, baselineDate, forecastDate, actualDate]) => ({
    code,
    ownerSide: 'privaat',
    baselineDate,
    forecastDate,
    actualDate,
    homes: null,
    delay: { months: 0, severity: 'geen' },
  })) as unknown as Milestone[];

function numbersIn(svg: Element): string[] {
  return [...svg.querySelectorAll('*')].flatMap((el) => ['x', 'x1', 'x2', 'cx', 'y', 'd'].map((a) => el.getAttribute(a) ?? '')).filter(Boolean);
}

describe('MilestoneTimeline with odd dates', () => {
  it('keeps the axis to the ordinary years and draws year 9999 at the edge, without NaN', () => {
    const { getByTestId } = render(
      <MilestoneTimeline
        today="2026-12-01"
        milestones={ms([
          ['M11', '2026-06-01', '2027-01-15', null],
          ['M12', '2028-06-01', '9999-12-31', null],
          ['M10', null, null, '9999-12-31'],
        ])}
      />,
    );
    const svg = getByTestId('milestone-timeline');
    const years = [...svg.querySelectorAll('text')].map((t) => t.textContent).filter((t) => /^\d{4}$/.test(t ?? ''));
    expect(years[0]).toBe('2026');
    expect(Number(years[years.length - 1])).toBeLessThanOrEqual(2029);
    expect(numbersIn(svg).some((v) => v.includes('NaN'))).toBe(false);
    const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    for (const c of svg.querySelectorAll('circle')) expect(Number(c.getAttribute('cx'))).toBeLessThanOrEqual(width);
    expect(svg.textContent).toContain('buiten de tijdlijn');
  });

  it('leaves out what is not a date and draws nothing when no date remains', () => {
    const { container } = render(<MilestoneTimeline today="2026-12-01" milestones={ms([['M12', 'not-a-date', '2027-02-31', null]])} />);
    expect(container.querySelector('svg')).toBeNull();
  });
});
