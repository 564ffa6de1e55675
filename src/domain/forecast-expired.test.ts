/**
 * Unit tests for expired forecasts (src/domain/forecast-expired.ts). SPEC §2 "Phases and milestones":
 * every milestone has a baseline, a forecast and an actual date; SPEC §2 "Quarterly round": each party
 * updates every quarter — a forecast already in the past without an actual date is stale and the
 * project cannot be confirmed unchanged (issue 8 item 3).
 */
import { describe, expect, it } from 'vitest';
import { checkConfirmUnchanged, expiredForecasts, forecastExpired, type MilestoneDates } from './forecast-expired.ts';

const TODAY = '2026-12-01';
const m = (
  code: MilestoneDates['code'],
  ownerSide: MilestoneDates['ownerSide'],
  forecastDate: string | null,
  actualDate: string | null = null,
): MilestoneDates => ({
  code,
  ownerSide,
  forecastDate,
  actualDate,
});

describe('SPEC §2 "Phases and milestones": a forecast that has passed without an actual date', () => {
  it('is expired when the forecast lies before today and there is no actual date', () => {
    expect(forecastExpired(m('M11', 'privaat', '2026-07-01'), TODAY)).toBe(true);
    expect(forecastExpired(m('M11', 'privaat', '2026-11-30'), TODAY)).toBe(true);
  });

  it('is not expired on or after today, once achieved, or without a forecast', () => {
    expect(forecastExpired(m('M11', 'privaat', TODAY), TODAY)).toBe(false);
    expect(forecastExpired(m('M11', 'privaat', '2027-01-01'), TODAY)).toBe(false);
    expect(forecastExpired(m('M11', 'privaat', '2026-07-01', '2026-07-03'), TODAY)).toBe(false);
    expect(forecastExpired(m('M11', 'privaat', null), TODAY)).toBe(false);
  });

  it('summarises a project: every expired milestone, in milestone order', () => {
    const milestones = [
      m('M11', 'privaat', '2026-07-01'),
      m('M06', 'publiek', '2025-04-01', '2025-04-15'),
      m('M09', 'publiek', '2026-02-01'),
      m('M12', 'privaat', '2028-09-01'),
    ];
    expect(expiredForecasts(milestones, TODAY)).toEqual([
      { code: 'M09', ownerSide: 'publiek', forecastDate: '2026-02-01' },
      { code: 'M11', ownerSide: 'privaat', forecastDate: '2026-07-01' },
    ]);
  });
});

describe('SPEC §2 "Quarterly round": a project with an expired forecast cannot be confirmed unchanged', () => {
  const project = {
    name: 'Hart van Zuid',
    milestones: [m('M09', 'publiek', '2026-02-01'), m('M11', 'privaat', '2026-07-01'), m('M04', 'beide', '2027-03-01')],
  };

  it('refuses, naming the project and the milestone with its forecast, and saying what to do', () => {
    expect(checkConfirmUnchanged(project, 'privaat', TODAY, 'projectIds[0]')).toEqual([
      {
        path: 'projectIds[0]',
        code: 'forecast_expired',
        message:
          'Hart van Zuid kan niet als ongewijzigd worden bevestigd: de prognose van M11 Start bouw (prognose 1 juli 2026) is verstreken en er is geen werkelijke datum. ' +
          'Vul eerst een nieuwe prognose of de werkelijke datum in.',
      },
    ]);
  });

  it("each side answers for its own milestones (and the shared ones): the gemeente's expired M09 does not block the market party", () => {
    expect(checkConfirmUnchanged(project, 'publiek', TODAY, 'p')[0]?.message).toContain('M09 Omgevingsvergunning verleend');
    expect(checkConfirmUnchanged(project, 'publiek', TODAY, 'p')[0]?.message).not.toContain('M11');
    expect(checkConfirmUnchanged({ ...project, milestones: [m('M09', 'publiek', '2026-02-01')] }, 'privaat', TODAY, 'p')).toEqual([]);
    expect(checkConfirmUnchanged({ ...project, milestones: [m('M04', 'beide', '2026-02-01')] }, 'privaat', TODAY, 'p')).toHaveLength(1);
  });

  it('lists several expired milestones in one message', () => {
    expect(checkConfirmUnchanged(project, 'alle', TODAY, 'p')[0]?.message).toContain(
      'M09 Omgevingsvergunning verleend (prognose 1 februari 2026) en M11 Start bouw (prognose 1 juli 2026)',
    );
  });

  it('accepts once the forecast is renewed or the actual date recorded', () => {
    const updated = { name: 'Hart van Zuid', milestones: [m('M09', 'publiek', '2026-02-01', '2026-02-10'), m('M11', 'privaat', '2027-03-01')] };
    expect(checkConfirmUnchanged(updated, 'alle', TODAY, 'p')).toEqual([]);
  });
});
