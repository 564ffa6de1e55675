/**
 * The agenda of a table's quarterly meeting (issue 12 item 7), built from what the monitor knows. SPEC §1: the table
 * secretary needs "delays, knelpunten, alternatives; a report for the table meeting"; SPEC §2 "Quarterly round": the
 * parties update, then the table meets; `001 § Afspraak 3B`: with the PPM "spreken partijen over de voortgang van
 * individuele woningbouwprojecten", on delay "worden alternatieve mogelijkheden en alternatieve projecten aangedragen".
 *
 * Five sections, always in this order and always present (an empty one says so, so a printed agenda shows that
 * nothing is pending): escalated open knelpunten, seriously delayed projects, expired forecasts, parties that have not
 * delivered in the round, and the gemeenten's proposals for alternatives. Items are numbered "section.item".
 */
import { LABELS, type KnelpuntCategory, type MilestoneCode, type OwnerSide } from './codes.ts';
import { DEFAULT_TOLERANCE, milestoneDelay, type DelayTolerance } from './delay.ts';
import { expiredForecasts } from './forecast-expired.ts';
import { formatDatum, milestoneName } from './format-nl.ts';
import { PROPOSAL_KIND_LABELS, type ProposalKind } from './alternative-proposal.ts';

/** A project as an agenda item names it (each item links to the project page). */
export interface AgendaProjectRef {
  id: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
}

export interface AgendaKnelpunt {
  id: string;
  category: KnelpuntCategory;
  description: string;
  owner: string | null;
  raisedDate: string;
  escalated: boolean;
  resolvedDate: string | null;
  /** When and why it was escalated to the table, where recorded (null: not recorded). */
  escalatedDate?: string | null;
  escalationReason?: string | null;
}

export interface AgendaMilestone {
  code: MilestoneCode;
  ownerSide: OwnerSide;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
}

export interface AgendaProject extends AgendaProjectRef {
  milestones: readonly AgendaMilestone[];
  knelpunten: readonly AgendaKnelpunt[];
}

/** A party that has not delivered all its projects in the round (src/domain/round.ts remindersOf). */
export interface AgendaParty {
  organisationId: string;
  name: string;
  total: number;
  outstanding: number;
  projects: readonly AgendaProjectRef[];
}

export interface AgendaProposal {
  id: string;
  kind: ProposalKind;
  title: string;
  description: string | null;
  homes: number;
  year: number;
  gemeenteName: string;
  project: AgendaProjectRef | null;
}

export interface AgendaRound {
  quarterLabel: string;
  deadline: string;
  open: boolean;
}

export type AgendaSectionKey = 'knelpunten' | 'vertraagd' | 'prognoses' | 'levering' | 'alternatieven';

export interface AgendaItem {
  /** "2.3": section 2, item 3. */
  number: string;
  /** What is discussed, in a few words (a project, a party, a proposal). */
  subject: string;
  /** Why it is on the agenda, in plain Dutch. */
  why: string;
  /** The projects the item is about, each linked on the page. */
  projects: AgendaProjectRef[];
}

export interface AgendaSection {
  key: AgendaSectionKey;
  number: number;
  title: string;
  items: AgendaItem[];
  /** Shown instead of items when there are none. */
  empty: string;
}

export interface AgendaInput {
  projects: readonly AgendaProject[];
  /** The round the agenda is for (open, or else the latest); null: the table has no round. */
  round: AgendaRound | null;
  /** Parties that have not delivered in `round` (empty without a round). */
  undelivered: readonly AgendaParty[];
  /** Open (not withdrawn) proposals of the gemeenten. */
  proposals: readonly AgendaProposal[];
  today: string;
  tolerance?: DelayTolerance;
}

const ref = (p: AgendaProjectRef): AgendaProjectRef => ({ id: p.id, name: p.name, gemeenteCode: p.gemeenteCode, gemeenteName: p.gemeenteName });
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
const months = (n: number) => `${n} ${n === 1 ? 'maand' : 'maanden'}`;
const homes = (n: number) => `${n.toLocaleString('nl-NL')} ${n === 1 ? 'woning' : 'woningen'}`;

/** Open knelpunten escalated to the table, oldest escalation first. SPEC §2 "Knelpunt" (escalated to table). */
function escalatedKnelpunten(projects: readonly AgendaProject[]): Array<Omit<AgendaItem, 'number'>> {
  const rows = projects.flatMap((p) => p.knelpunten.filter((k) => k.escalated && !k.resolvedDate).map((k) => ({ p, k })));
  rows.sort((a, b) => (a.k.escalatedDate ?? a.k.raisedDate).localeCompare(b.k.escalatedDate ?? b.k.raisedDate) || byName(a.p, b.p));
  return rows.map(({ p, k }) => {
    const parts = [`${LABELS[k.category]}: ${k.description.trim()}`];
    if (k.escalatedDate && k.escalationReason?.trim()) parts.push(`Geëscaleerd op ${formatDatum(k.escalatedDate)}: ${k.escalationReason.trim()}`);
    else if (k.escalatedDate) parts.push(`Geëscaleerd op ${formatDatum(k.escalatedDate)}.`);
    else parts.push(`Gemeld op ${formatDatum(k.raisedDate)} en naar de tafel geëscaleerd.`);
    if (k.owner?.trim()) parts.push(`Aan zet: ${k.owner.trim()}.`);
    return { subject: `${p.name} (${p.gemeenteName})`, why: parts.map(sentence).join(' '), projects: [ref(p)] };
  });
}

/** Milestones still to come more than the serious threshold behind their baseline; worst first. SPEC §2 (serious: beyond 12 months). */
function seriouslyDelayed(projects: readonly AgendaProject[], tolerance: DelayTolerance): Array<Omit<AgendaItem, 'number'> & { worst: number }> {
  const items = projects.flatMap((p) => {
    const late = p.milestones
      .filter((m) => m.actualDate === null)
      .map((m) => ({ m, d: milestoneDelay(m, tolerance) }))
      .filter((x) => x.d.severity === 'ernstig')
      .sort((a, b) => b.d.months - a.d.months || a.m.code.localeCompare(b.m.code));
    if (late.length === 0) return [];
    const why = late
      .map(
        ({ m, d }) =>
          `${milestoneName(m.code)}: ${months(d.months)} later dan gepland (prognose ${formatDatum(m.forecastDate!)}, baseline ${formatDatum(m.baselineDate!)})`,
      )
      .join('; ');
    return [{ subject: `${p.name} (${p.gemeenteName})`, why: `${why}.`, projects: [ref(p)], worst: late[0]!.d.months, name: p.name }];
  });
  items.sort((a, b) => b.worst - a.worst || byName(a, b));
  return items.map(({ name: _n, ...rest }) => rest);
}

/** Forecasts already passed without an actual date: the data is stale. src/domain/forecast-expired.ts. */
function staleForecasts(projects: readonly AgendaProject[], today: string): Array<Omit<AgendaItem, 'number'>> {
  const items = projects.flatMap((p) => {
    const expired = expiredForecasts(p.milestones, today).sort((a, b) => a.forecastDate.localeCompare(b.forecastDate));
    if (expired.length === 0) return [];
    const list = expired.map((m) => `${milestoneName(m.code)} (prognose ${formatDatum(m.forecastDate)})`).join(', ');
    const one = expired.length === 1;
    return [
      {
        subject: `${p.name} (${p.gemeenteName})`,
        why: `De prognose van ${list} ${one ? 'is' : 'zijn'} verstreken zonder werkelijke datum: bijwerken of de datum van realisatie invullen.`,
        projects: [ref(p)],
        first: expired[0]!.forecastDate,
        name: p.name,
      },
    ];
  });
  items.sort((a, b) => a.first.localeCompare(b.first) || byName(a, b));
  return items.map(({ first: _f, name: _n, ...rest }) => rest);
}

/** Parties that have not delivered all their projects in the round, most outstanding first. SPEC §2 "Quarterly round". */
function undeliveredParties(parties: readonly AgendaParty[], round: AgendaRound | null): Array<Omit<AgendaItem, 'number'>> {
  if (!round) return [];
  const sorted = [...parties].filter((o) => o.outstanding > 0).sort((a, b) => b.outstanding - a.outstanding || byName(a, b));
  return sorted.map((o) => ({
    subject: o.name,
    why:
      `${o.outstanding} van ${o.total} ${o.total === 1 ? 'project' : 'projecten'} nog niet bijgewerkt of bevestigd ` +
      `in de kwartaalronde van het ${round.quarterLabel} (deadline ${formatDatum(round.deadline)}).`,
    projects: [...o.projects].sort(byName).map(ref),
  }));
}

/** The gemeenten's proposals, earliest year first, then most homes. `001 § Afspraak 3B` "Aandragen alternatieve projecten". */
function proposalItems(proposals: readonly AgendaProposal[]): Array<Omit<AgendaItem, 'number'>> {
  const sorted = [...proposals].sort((a, b) => a.year - b.year || b.homes - a.homes || a.title.localeCompare(b.title, 'nl'));
  return sorted.map((p) => {
    const parts = [`${PROPOSAL_KIND_LABELS[p.kind]} van gemeente ${p.gemeenteName}: ${homes(p.homes)} in ${p.year}.`];
    if (p.description?.trim()) parts.push(sentence(p.description.trim()));
    return { subject: p.title.trim(), why: parts.join(' '), projects: p.project ? [ref(p.project)] : [] };
  });
}

/** A text that ends like a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The agenda: the five sections in order, items numbered per section. */
export function buildAgenda(input: AgendaInput): AgendaSection[] {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  const raw: Array<Omit<AgendaSection, 'number' | 'items'> & { items: Array<Omit<AgendaItem, 'number'>> }> = [
    {
      key: 'knelpunten',
      title: 'Geëscaleerde knelpunten',
      items: escalatedKnelpunten(input.projects),
      empty: 'Er zijn geen open knelpunten naar de tafel geëscaleerd.',
    },
    {
      key: 'vertraagd',
      title: 'Ernstig vertraagde projecten',
      items: seriouslyDelayed(input.projects, tolerance).map(({ worst: _w, ...rest }) => rest),
      empty: `Geen project heeft een mijlpaal die meer dan ${months(tolerance.seriousMonths)} later is dan gepland.`,
    },
    {
      key: 'prognoses',
      title: 'Verstreken prognoses',
      items: staleForecasts(input.projects, input.today),
      empty: 'Geen project heeft een prognose die is verstreken zonder werkelijke datum.',
    },
    {
      key: 'levering',
      title: 'Partijen die nog niet hebben geleverd',
      items: undeliveredParties(input.undelivered, input.round),
      empty: input.round
        ? `Alle partijen hebben geleverd in de kwartaalronde van het ${input.round.quarterLabel}.`
        : 'Deze tafel heeft nog geen kwartaalronde.',
    },
    {
      key: 'alternatieven',
      title: 'Voorstellen van gemeenten voor alternatieven',
      items: proposalItems(input.proposals),
      empty: 'Er zijn geen voorstellen van gemeenten.',
    },
  ];
  return raw.map((s, i) => ({ ...s, number: i + 1, items: s.items.map((item, j) => ({ number: `${i + 1}.${j + 1}`, ...item })) }));
}
