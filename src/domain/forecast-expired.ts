/**
 * A forecast that has already passed without an actual date ("prognose verstreken"). SPEC §2 "Phases
 * and milestones": each milestone has a baseline, a forecast and an actual date; a forecast date is
 * what the owner expects to happen. Once that date lies before today and no actual date is recorded,
 * the forecast says nothing any more: either the milestone was achieved (record the actual date) or it
 * moved (record a new forecast). SPEC §2 "Quarterly round": each party updates its projects every
 * quarter, so such a project cannot be confirmed "unchanged" — confirming would pass stale data on.
 */
import type { OwnerSide } from './codes.ts';
import { milestoneDefinition, type MilestoneCode } from './codes.ts';
import type { IsoDate } from './dates.ts';
import { formatDatum } from './format-nl.ts';
import type { Issue } from './errors.ts';
import type { Milestone } from './project.ts';

export type MilestoneDates = Pick<Milestone, 'code' | 'ownerSide' | 'forecastDate' | 'actualDate'>;

/** True when the milestone's forecast lies before `today` and it has no actual date. */
export function forecastExpired(m: Pick<Milestone, 'forecastDate' | 'actualDate'>, today: IsoDate): boolean {
  return m.actualDate === null && m.forecastDate !== null && m.forecastDate < today;
}

export interface ExpiredForecast {
  code: MilestoneCode;
  ownerSide: OwnerSide;
  forecastDate: IsoDate;
}

/** The project-level summary: every milestone whose forecast has expired, in milestone order. */
export function expiredForecasts(milestones: readonly MilestoneDates[], today: IsoDate): ExpiredForecast[] {
  return milestones
    .filter((m) => forecastExpired(m, today))
    .map((m) => ({ code: m.code, ownerSide: m.ownerSide, forecastDate: m.forecastDate! }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The milestones a side answers for: its own and the shared ones (SPEC §2 milestone table "owner"). */
export function ownedBySide(ownerSide: OwnerSide, side: 'publiek' | 'privaat'): boolean {
  return ownerSide === side || ownerSide === 'beide';
}

/**
 * May this side confirm the project unchanged? Not while one of its milestones has an expired
 * forecast: the Dutch message names the project and each milestone, with what to do.
 */
export function checkConfirmUnchanged(
  project: { name: string; milestones: readonly MilestoneDates[] },
  side: 'publiek' | 'privaat' | 'alle',
  today: IsoDate,
  path: string,
): Issue[] {
  const expired = expiredForecasts(project.milestones, today).filter((m) => side === 'alle' || ownedBySide(m.ownerSide, side));
  if (expired.length === 0) return [];
  const named = expired.map((m) => `${m.code} ${milestoneDefinition(m.code).label} (prognose ${formatDatum(m.forecastDate)})`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} en ${named[named.length - 1]}`;
  return [
    {
      path,
      code: 'forecast_expired',
      message:
        `${project.name} kan niet als ongewijzigd worden bevestigd: de prognose van ${list} is verstreken en er is geen werkelijke datum. ` +
        'Vul eerst een nieuwe prognose of de werkelijke datum in.',
    },
  ];
}
