/**
 * "Mijn kwartaalronde" in words (pure): the state and attention tags of a project, the summary of a round,
 * and a confirmation shown at once. The rules themselves are the server's (src/domain/my-round.ts).
 */
import { kwartaalLabel, isKwartaal } from '../../../../src/domain/kwartaal.ts';
import { countMyRound, deadlineInWords, type MyRoundState } from '../../../../src/domain/my-round.ts';
import { formatDate, formatDateShort, formatNumber, milestoneLabel } from '../../labels.ts';
import type { MyRound as MyRoundData, MyRoundProject as MyRoundProjectData, MyRounds as MyRoundsData } from '../../api/types.ts';

export { deadlineInWords };

export type TagKind = 'open' | 'ok' | 'alert';
export interface Tag {
  text: string;
  kind: TagKind;
  /** Read by screen readers after the text (which milestones, for instance). */
  detail?: string;
}

export const STATE_TAGS: Record<MyRoundState, Tag> = {
  te_doen: { text: 'Te doen', kind: 'open' },
  bijgewerkt: { text: 'Bijgewerkt', kind: 'ok' },
  bevestigd: { text: 'Bevestigd', kind: 'ok' },
};

/** The state tag, with when it was delivered. */
export function stateTag(p: Pick<MyRoundProjectData, 'state' | 'deliveredAt'>): Tag {
  const tag = STATE_TAGS[p.state];
  return p.deliveredAt ? { ...tag, detail: `op ${formatDateShort(p.deliveredAt.slice(0, 10))}` } : tag;
}

/** "Let op" tags: Prognose verstreken, Vertraagd or Ernstig vertraagd, Open knelpunt. */
export function attentionTags(a: MyRoundProjectData['attention']): Tag[] {
  const tags: Tag[] = [];
  if (a.expiredForecasts.length > 0) {
    tags.push({
      text: 'Prognose verstreken',
      kind: 'alert',
      detail: a.expiredForecasts.map((m) => `${milestoneLabel(m.code)} (${formatDateShort(m.forecastDate)})`).join(', '),
    });
  }
  if (a.delay === 'ernstig') tags.push({ text: 'Ernstig vertraagd', kind: 'alert' });
  if (a.delay === 'vertraagd') tags.push({ text: 'Vertraagd', kind: 'open' });
  if (a.openKnelpunten === 1) tags.push({ text: 'Open knelpunt', kind: 'open' });
  if (a.openKnelpunten > 1) tags.push({ text: `${formatNumber(a.openKnelpunten)} open knelpunten`, kind: 'open' });
  return tags;
}

/** "Kwartaalronde 4e kwartaal 2026 – Amsterdam e.o." */
export function roundTitle(r: Pick<MyRoundData, 'quarter' | 'regionName'>): string {
  return `Kwartaalronde ${isKwartaal(r.quarter) ? kwartaalLabel(r.quarter) : r.quarter} – ${r.regionName}`;
}

/** "Kwartaalronde 4e kwartaal 2026 van Amsterdam e.o. is open tot 15 januari 2027." */
export function openRoundSentence(r: Pick<MyRoundData, 'quarter' | 'regionName' | 'deadline'>): string {
  return `Kwartaalronde ${isKwartaal(r.quarter) ? kwartaalLabel(r.quarter) : r.quarter} van ${r.regionName} is open tot ${formatDate(r.deadline)}.`;
}

/** "Van uw 6 projecten zijn er 3 te doen, 1 bijgewerkt en 2 bevestigd." */
export function summarySentence(c: MyRoundData['counts']): string {
  const of = c.total === 1 ? 'Van uw 1 project is er' : `Van uw ${formatNumber(c.total)} projecten zijn er`;
  return `${of} ${formatNumber(c.teDoen)} te doen, ${formatNumber(c.bijgewerkt)} bijgewerkt en ${formatNumber(c.bevestigd)} bevestigd.`;
}

/** The answer after confirming one project: that project confirmed, the counts again (shown at once, before the refresh). */
export function withConfirmed(data: MyRoundsData, roundId: string, projectId: string, at: string): MyRoundsData {
  return {
    ...data,
    rounds: data.rounds.map((r) => {
      if (r.id !== roundId) return r;
      const projects = r.projects.map((p) =>
        p.id === projectId && p.state === 'te_doen' ? { ...p, state: 'bevestigd' as const, deliveredAt: at } : p,
      );
      return { ...r, projects, counts: countMyRound(projects) };
    }),
  };
}

/**
 * Keep the rows where they were while the page is open: a confirmed project keeps its place instead of
 * jumping to the end (focus and eyes stay on it). `shown`: the position of each project when the page first
 * showed the list; projects that came later go last, in the server's order.
 */
export function inShownOrder<T extends { id: string }>(rows: readonly T[], shown: ReadonlyMap<string, number>): T[] {
  const position = (r: T, i: number) => shown.get(r.id) ?? shown.size + i;
  return rows
    .map((r, i) => ({ r, at: position(r, i) }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.r);
}

/** The positions of the rows as first shown (for inShownOrder). */
export function shownOrder(rows: readonly { id: string }[]): Map<string, number> {
  return new Map(rows.map((r, i) => [r.id, i]));
}
