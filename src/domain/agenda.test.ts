/**
 * The table's meeting agenda (src/domain/agenda.ts). SPEC §1 (the secretary needs "delays, knelpunten, alternatives; a
 * report for the table meeting"), SPEC §2 "Knelpunt" (escalated to table), "Phases and milestones" (serious delay beyond
 * 12 months), "Quarterly round" (who has delivered); `001 § Afspraak 3B` (progress per project discussed at the table;
 * on delay alternatives are put forward).
 */
import { describe, expect, it } from 'vitest';
import { buildAgenda, type AgendaInput, type AgendaKnelpunt, type AgendaMilestone, type AgendaProject } from './agenda.ts';

const TODAY = '2026-12-01';
const ms = (code: AgendaMilestone['code'], baselineDate: string, forecastDate: string, actualDate: string | null = null): AgendaMilestone => ({
  code,
  ownerSide: 'privaat',
  baselineDate,
  forecastDate,
  actualDate,
});
const kp = (fields: Partial<AgendaKnelpunt> = {}): AgendaKnelpunt => ({
  id: 'k1',
  category: 'netcongestie',
  description: 'Geen aansluiting op het net voor 2029',
  owner: null,
  raisedDate: '2026-09-01',
  escalated: true,
  resolvedDate: null,
  ...fields,
});
const project = (id: string, name: string, fields: Partial<AgendaProject> = {}): AgendaProject => ({
  id,
  name,
  gemeenteCode: 'GM0363',
  gemeenteName: 'Amsterdam',
  milestones: [],
  knelpunten: [],
  ...fields,
});
const input = (fields: Partial<AgendaInput> = {}): AgendaInput => ({
  projects: [],
  round: { quarterLabel: '4e kwartaal 2026', deadline: '2026-12-15', open: true },
  undelivered: [],
  proposals: [],
  today: TODAY,
  ...fields,
});
const section = (i: AgendaInput, key: string) => buildAgenda(i).find((s) => s.key === key)!;

describe('the agenda has five numbered sections, always present', () => {
  it('in a fixed order; an empty section says so', () => {
    const sections = buildAgenda(input());
    expect(sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Geëscaleerde knelpunten',
      '2 Ernstig vertraagde projecten',
      '3 Verstreken prognoses',
      '4 Partijen die nog niet hebben geleverd',
      '5 Voorstellen van gemeenten voor alternatieven',
    ]);
    expect(sections.every((s) => s.items.length === 0 && s.empty.length > 0)).toBe(true);
    expect(section(input({ round: null }), 'levering').empty).toBe('Deze tafel heeft nog geen kwartaalronde.');
  });
});

describe('SPEC §2 "Knelpunt": open knelpunten escalated to the table', () => {
  it('lists exactly the open escalated ones, oldest first, each with its project and why', () => {
    const projects = [
      project('p1', 'Oostpoort', {
        knelpunten: [
          kp({ id: 'a', raisedDate: '2026-10-01' }),
          kp({ id: 'b', escalated: false }),
          kp({ id: 'c', resolvedDate: '2026-11-01', resolution: 'opgelost' } as Partial<AgendaKnelpunt>),
        ],
      }),
      project('p2', 'Buiksloterham', { knelpunten: [kp({ id: 'd', category: 'stikstof', description: 'Vergunning stikstof', owner: 'Provincie' })] }),
    ];
    const s = section(input({ projects }), 'knelpunten');
    expect(s.items.map((i) => [i.number, i.subject, i.projects.map((p) => p.id)])).toEqual([
      ['1.1', 'Buiksloterham (Amsterdam)', ['p2']],
      ['1.2', 'Oostpoort (Amsterdam)', ['p1']],
    ]);
    expect(s.items[0]!.why).toBe('Stikstof: Vergunning stikstof. Gemeld op 1 september 2026 en naar de tafel geëscaleerd. Aan zet: Provincie.');
  });

  it('uses the escalation date and reason where they are recorded', () => {
    const projects = [
      project('p1', 'Oostpoort', { knelpunten: [kp({ escalatedDate: '2026-11-20', escalationReason: 'Netbeheerder reageert niet' })] }),
    ];
    expect(section(input({ projects }), 'knelpunten').items[0]!.why).toBe(
      'Netcongestie: Geen aansluiting op het net voor 2029. Geëscaleerd op 20 november 2026: Netbeheerder reageert niet.',
    );
  });
});

describe('SPEC §2 "Phases and milestones": seriously delayed projects (beyond 12 months)', () => {
  it('lists projects with a milestone still to come more than 12 months late, worst first; 12 months exactly or achieved ones are not', () => {
    const projects = [
      project('p1', 'Twaalf', { milestones: [ms('M11', '2026-01-01', '2027-01-01')] }),
      project('p2', 'Dertien', { milestones: [ms('M11', '2026-01-01', '2027-02-15')] }),
      project('p3', 'Twintig', { milestones: [ms('M08', '2025-01-01', '2026-03-15', null), ms('M12', '2027-01-01', '2028-09-01')] }),
      project('p4', 'Gehaald', { milestones: [ms('M11', '2024-01-01', '2026-06-01', '2026-06-01')] }),
    ];
    const s = section(input({ projects }), 'vertraagd');
    expect(s.items.map((i) => i.projects[0]!.id)).toEqual(['p3', 'p2']);
    expect(s.items[0]!.why).toMatch(
      /^Oplevering \(M12\): 20 maanden later dan gepland \(prognose 1 september 2028, baseline 1 januari 2027\); Aanvraag .*\(M08\): 14 maanden/,
    );
  });
});

describe('stale data: forecasts that passed without an actual date (src/domain/forecast-expired.ts)', () => {
  it('lists projects with an expired forecast, the oldest first', () => {
    const projects = [
      project('p1', 'Later', { milestones: [ms('M09', '2026-01-01', '2026-11-01')] }),
      project('p2', 'Eerder', { milestones: [ms('M08', '2026-01-01', '2026-03-01'), ms('M09', '2026-01-01', '2026-05-01')] }),
      project('p3', 'Toekomst', { milestones: [ms('M09', '2026-01-01', '2027-01-01')] }),
    ];
    const s = section(input({ projects }), 'prognoses');
    expect(s.items.map((i) => i.projects[0]!.id)).toEqual(['p2', 'p1']);
    expect(s.items[0]!.why).toMatch(/prognose van .*\(M08\) \(prognose 1 maart 2026\), .*\(M09\) \(prognose 1 mei 2026\) zijn verstreken/);
  });
});

describe('SPEC §2 "Quarterly round": parties that have not delivered', () => {
  it('one item per party with outstanding projects, most outstanding first, with the deadline', () => {
    const ref = (id: string, name: string) => ({ id, name, gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam' });
    const undelivered = [
      { organisationId: 'o1', name: 'Bouwbedrijf A', total: 3, outstanding: 1, projects: [ref('p1', 'Oostpoort')] },
      { organisationId: 'o2', name: 'Gemeente Amsterdam', total: 5, outstanding: 2, projects: [ref('p3', 'Zuidas'), ref('p2', 'Buiksloterham')] },
      { organisationId: 'o3', name: 'Klaar', total: 2, outstanding: 0, projects: [] },
    ];
    const s = section(input({ undelivered }), 'levering');
    expect(s.items.map((i) => [i.number, i.subject, i.projects.map((p) => p.name)])).toEqual([
      ['4.1', 'Gemeente Amsterdam', ['Buiksloterham', 'Zuidas']],
      ['4.2', 'Bouwbedrijf A', ['Oostpoort']],
    ]);
    expect(s.items[0]!.why).toBe(
      '2 van 5 projecten nog niet bijgewerkt of bevestigd in de kwartaalronde van het 4e kwartaal 2026 (deadline 15 december 2026).',
    );
  });
});

describe('`001 § Afspraak 3B`: the gemeenten’s proposals for alternatives', () => {
  it('earliest year first, then most homes; with the project when one is named', () => {
    const proposals = [
      {
        id: 'a',
        kind: 'alternatief_project' as const,
        title: 'Flexwoningen',
        description: null,
        homes: 80,
        year: 2028,
        gemeenteName: 'Diemen',
        project: null,
      },
      {
        id: 'b',
        kind: 'versnelling' as const,
        title: 'Oostpoort eerder',
        description: 'Start bouw een jaar eerder',
        homes: 200,
        year: 2027,
        gemeenteName: 'Amsterdam',
        project: { id: 'p1', name: 'Oostpoort', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam' },
      },
    ];
    const s = section(input({ proposals }), 'alternatieven');
    expect(s.items.map((i) => [i.number, i.subject, i.projects.map((p) => p.id)])).toEqual([
      ['5.1', 'Oostpoort eerder', ['p1']],
      ['5.2', 'Flexwoningen', []],
    ]);
    expect(s.items[0]!.why).toBe('Versnelling van een project van gemeente Amsterdam: 200 woningen in 2027. Start bouw een jaar eerder.');
  });
});
