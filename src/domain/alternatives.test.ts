/**
 * Unit tests for alternatives on delay (src/domain/alternatives.ts).
 *
 * SPEC §1: "On delay, the table first looks for alternatives within the locations of the Woondeal
 * (bring projects forward, change a programme so that more homes are built)". Seed `001 § Afspraak 3B`:
 * "Op de versnellingstafel wordt bij vertraging gekeken naar mogelijkheden binnen de locaties zoals
 * opgenomen in de Woondeal (denk aan projecten naar voren halen of programma aanpassen zodat meer
 * woningen gerealiseerd worden)". SPEC §2: harde plancapaciteit = onherroepelijk + vastgesteld; phases
 * and milestones; knelpunten. The readiness points are design (alternatives.ts):
 *   plan status: onherroepelijk 4, vastgesteld 3, in_voorbereiding 1, visie 0, onbekend 0
 *   phase: initiatief 0, haalbaarheid 0, planvorming 1, planologische_procedure 2, vergunning 3, realisatie 2, opgeleverd 0
 *   +1 without open knelpunten, else −1 per open knelpunt and −1 more per escalated open one
 *   −1 per pending milestone delayed beyond the tolerance
 */
import { describe, expect, it } from 'vitest';
import { dashboardProject as project, milestone } from '../../test/helpers/builders.ts';
import { proposeAlternatives, readiness } from './alternatives.ts';
import type { Segment } from './codes.ts';
import type { DashboardProject } from './dashboard.ts';
import type { Jaarschijf } from './project.ts';

const js = (year: number, homes: number, segment: Segment = 'middenhuur'): Jaarschijf => ({ year, segment, homes });
const open = (escalated = false) => ({ category: 'netcongestie' as const, escalated, resolvedDate: null });
const resolved = (escalated = false) => ({ category: 'stikstof' as const, escalated, resolvedDate: '2026-01-01' });
const late = (months: 5 | 16 = 5) => milestone('M09', { baselineDate: '2026-01-01', forecastDate: months === 5 ? '2026-06-01' : '2027-05-01' });

// SPEC §1, 001 § Afspraak 3B: alternatives within the woondeal — readiness to accelerate (design points).
describe('SPEC §1, 001 § Afspraak 3B: readiness of a project to be accelerated', () => {
  const table: Array<{ case: string; p: DashboardProject; score: number; reasons: string[] }> = [
    {
      // 4 + 3 + 1
      case: 'an onherroepelijk plan in vergunning without knelpunten scores 8',
      p: project({ id: 'a', name: 'A', planStatus: 'onherroepelijk', phase: 'vergunning' }),
      score: 8,
      reasons: ['Plan onherroepelijk', 'Fase: vergunning', 'Geen open knelpunten'],
    },
    {
      // 3 + 2 − (2 open + 1 escalated) = 2; the resolved knelpunt does not count
      case: 'open knelpunten cost a point each and escalated ones a point more, resolved ones nothing',
      p: project({ id: 'b', name: 'B', planStatus: 'vastgesteld', phase: 'realisatie', knelpunten: [open(), open(true), resolved(true)] }),
      score: 2,
      reasons: ['Plan vastgesteld', 'Fase: realisatie', '2 open knelpunt(en)'],
    },
    {
      // 3 + 2 + 1 (only resolved knelpunten count as none open)
      case: 'a project whose knelpunten are all resolved gets the no-knelpunten point',
      p: project({ id: 'b2', name: 'B2', planStatus: 'vastgesteld', phase: 'realisatie', knelpunten: [resolved(), resolved(true)] }),
      score: 6,
      reasons: ['Plan vastgesteld', 'Fase: realisatie', 'Geen open knelpunten'],
    },
    {
      // 1 + 2 + 1 − 2 delayed pending milestones = 2; the achieved late one does not count
      case: 'each delayed pending milestone costs a point, an achieved late one nothing',
      p: project({
        id: 'c',
        name: 'C',
        planStatus: 'in_voorbereiding',
        phase: 'planologische_procedure',
        milestones: [
          late(5),
          milestone('M06', { baselineDate: '2026-01-01', forecastDate: '2027-05-01' }),
          milestone('M03', { baselineDate: '2025-01-01', forecastDate: '2026-01-01', actualDate: '2026-01-01' }),
          milestone('M05', { baselineDate: '2026-01-01', forecastDate: '2026-04-01' }), // exactly 3 months: within tolerance
        ],
      }),
      score: 2,
      reasons: ['Plan in voorbereiding', 'Fase: planologische procedure', 'Geen open knelpunten', '2 mijlpaal/mijlpalen vertraagd'],
    },
    {
      // 0 + 0 + 1
      case: 'a vision in the initiative phase scores only the no-knelpunten point',
      p: project({ id: 'd', name: 'D', planStatus: 'visie', phase: 'initiatief' }),
      score: 1,
      reasons: ['Plan visie / potentie', 'Fase: initiatief', 'Geen open knelpunten'],
    },
    {
      // 0 + 1 − 1 open − 1 escalated − 1 delayed = −2
      case: 'a score can be negative',
      p: project({ id: 'e', name: 'E', planStatus: 'onbekend', phase: 'planvorming', knelpunten: [open(true)], milestones: [late(16)] }),
      score: -2,
      reasons: ['Plan onbekend', 'Fase: planvorming', '1 open knelpunt(en)', '1 mijlpaal/mijlpalen vertraagd'],
    },
  ];
  it.each(table)('$case', ({ p, score, reasons }) => {
    expect(readiness(p)).toEqual({ score, reasons });
  });

  it('applies a custom tolerance to the delayed milestones', () => {
    // forecast 2 months after baseline: on time by default (3 months), delayed with a 1-month tolerance
    const p = project({
      id: 'f',
      name: 'F',
      planStatus: 'vastgesteld',
      phase: 'vergunning',
      milestones: [milestone('M09', { baselineDate: '2026-01-01', forecastDate: '2026-03-01' })],
    });
    expect(readiness(p).score).toBe(7); // 3 + 3 + 1
    expect(readiness(p, { toleranceMonths: 1, seriousMonths: 12 }).score).toBe(6); // 7 − 1
  });
});

// SPEC §1, 001 § Afspraak 3B: alternatives within the woondeal — "projecten naar voren halen of programma aanpassen".
describe('SPEC §1, 001 § Afspraak 3B: alternatives within the woondeal on delay', () => {
  /*
   * Shortfall in 2027, delayed project X. Hand-computed:
   *   A Anemoonweg   in_voorbereiding, planologische_procedure, 2027:20 2028:30 2029:10 → later 40, naar_voren_halen, 1+2+1 = 4
   *   B Beukenlaan   onherroepelijk, vergunning, 2028:50 → later 50, naar_voren_halen (wins over programma_uitbreiden), 4+3+1 = 8
   *   C Cederhof     vastgesteld, realisatie, 2027:40 only → later 0; realisatie is after start bouw → none
   *   D Dennenrode   vastgesteld, vergunning, 2026:10 → later 0; hard plan before start bouw → programma_uitbreiden, 3+3+1 = 7
   *   E Essenhof     opgeleverd, onherroepelijk, 2030:10 → excluded (completed)
   *   F Fazantenhof  rood, onherroepelijk, vergunning, 2028:100 → excluded (red)
   *   G Gaasperhof   visie, initiatief, 2029:100 → later 100 but too early a phase, not hard → none
   *   H Heidepark    onherroepelijk, planvorming, no jaarschijven → programma_uitbreiden, 4+1+1 = 6
   *   I Iepenlaan    in_voorbereiding, planvorming, 2028:20 → planvorming cannot bring forward, not hard → none
   *   J Jasmijnhof   in_voorbereiding, vergunning, 2027:25 → homes in the year itself are not "later", not hard → none
   *   K Kastanjehof  vastgesteld, planologische_procedure, oranje, 1 open escalated knelpunt, 2028:15 2026:5 → later 15, naar_voren_halen, 3+2−2 = 3
   *   X Xanten       onherroepelijk, vergunning, 2028:200 → the delayed project itself: excluded; else 8 with later 200
   * Ranking (score, then homesLater, then name): B 8/50, D 7/0, H 6/0, A 4/40, K 3/15
   */
  const P = {
    A: project({
      id: 'A',
      name: 'Anemoonweg',
      planStatus: 'in_voorbereiding',
      phase: 'planologische_procedure',
      jaarschijven: [js(2027, 20), js(2028, 30), js(2029, 10)],
    }),
    B: project({
      id: 'B',
      name: 'Beukenlaan',
      gemeenteCode: 'GM0002',
      planStatus: 'onherroepelijk',
      phase: 'vergunning',
      jaarschijven: [js(2028, 50, 'sociale_huur')],
    }),
    C: project({
      id: 'C',
      name: 'Cederhof',
      planStatus: 'vastgesteld',
      phase: 'realisatie',
      status: 'oranje',
      knelpunten: [open()],
      jaarschijven: [js(2027, 40)],
    }),
    D: project({ id: 'D', name: 'Dennenrode', planStatus: 'vastgesteld', phase: 'vergunning', jaarschijven: [js(2026, 10)] }),
    E: project({ id: 'E', name: 'Essenhof', planStatus: 'onherroepelijk', phase: 'opgeleverd', jaarschijven: [js(2030, 10)] }),
    F: project({ id: 'F', name: 'Fazantenhof', planStatus: 'onherroepelijk', phase: 'vergunning', status: 'rood', jaarschijven: [js(2028, 100)] }),
    G: project({ id: 'G', name: 'Gaasperhof', planStatus: 'visie', phase: 'initiatief', jaarschijven: [js(2029, 100)] }),
    H: project({ id: 'H', name: 'Heidepark', planStatus: 'onherroepelijk', phase: 'planvorming' }),
    I: project({ id: 'I', name: 'Iepenlaan', planStatus: 'in_voorbereiding', phase: 'planvorming', jaarschijven: [js(2028, 20)] }),
    J: project({ id: 'J', name: 'Jasmijnhof', planStatus: 'in_voorbereiding', phase: 'vergunning', jaarschijven: [js(2027, 25)] }),
    K: project({
      id: 'K',
      name: 'Kastanjehof',
      planStatus: 'vastgesteld',
      phase: 'planologische_procedure',
      status: 'oranje',
      knelpunten: [open(true)],
      jaarschijven: [js(2028, 15), js(2026, 5)],
    }),
    X: project({ id: 'X', name: 'Xanten', planStatus: 'onherroepelijk', phase: 'vergunning', jaarschijven: [js(2028, 200)] }),
  };
  const ALL = Object.values(P);
  const ranked = proposeAlternatives(ALL, { year: 2027, excludeProjectId: 'X' });

  it('ranks the candidates by score, then homes planned later, then name', () => {
    expect(ranked.map((a) => [a.projectId, a.kind, a.score, a.homesLater])).toEqual([
      ['B', 'naar_voren_halen', 8, 50],
      ['D', 'programma_uitbreiden', 7, 0],
      ['H', 'programma_uitbreiden', 6, 0],
      ['A', 'naar_voren_halen', 4, 40],
      ['K', 'naar_voren_halen', 3, 15],
    ]);
  });

  const excluded: Array<{ case: string; id: string }> = [
    { case: 'a completed project is never an alternative', id: 'E' },
    { case: 'a red project is never an alternative, however ready its plan', id: 'F' },
    { case: 'the delayed project itself is left out', id: 'X' },
    { case: 'a project in realisatie without later homes cannot be brought forward or enlarged', id: 'C' },
    { case: 'a project in the initiative phase cannot be brought forward even with later homes', id: 'G' },
    { case: 'a soft plan in planvorming cannot be brought forward', id: 'I' },
    { case: 'homes planned in the shortfall year itself do not count as later homes', id: 'J' },
  ];
  it.each(excluded)('$case', ({ id }) => {
    expect(ranked.map((a) => a.projectId)).not.toContain(id);
  });

  it('includes the would-be delayed project when no project is excluded, ranked by its later homes on a tie', () => {
    // X and B both score 8; X has 200 later homes against B's 50
    const all = proposeAlternatives(ALL, { year: 2027 });
    expect(all.slice(0, 2).map((a) => [a.projectId, a.score, a.homesLater])).toEqual([
      ['X', 8, 200],
      ['B', 8, 50],
    ]);
  });

  it('leaves the list unchanged when the excluded id is not among the projects', () => {
    const withoutX = ALL.filter((p) => p.id !== 'X');
    expect(proposeAlternatives(withoutX, { year: 2027, excludeProjectId: 'nope' })).toEqual(ranked);
  });

  it('puts the bring-forward question first in the reasons, followed by the readiness reasons', () => {
    const b = ranked.find((a) => a.projectId === 'B')!;
    expect(b).toEqual({
      projectId: 'B',
      projectName: 'Beukenlaan',
      gemeenteCode: 'GM0002',
      kind: 'naar_voren_halen',
      score: 8,
      homesLater: 50,
      reasons: ['50 woningen gepland na 2027: naar voren halen?', 'Plan onherroepelijk', 'Fase: vergunning', 'Geen open knelpunten'],
    });
  });

  it('puts the enlarge-the-programme question first for a hard plan before start bouw', () => {
    const d = ranked.find((a) => a.projectId === 'D')!;
    expect(d.reasons).toEqual(['Hard plan vóór start bouw: programma uitbreiden?', 'Plan vastgesteld', 'Fase: vergunning', 'Geen open knelpunten']);
  });

  it('counts only the homes after the year as later homes', () => {
    // A: 2028:30 + 2029:10 = 40 (2027:20 not later); K: 2028:15 (2026:5 not later)
    expect(ranked.find((a) => a.projectId === 'A')!.homesLater).toBe(40);
    expect(ranked.find((a) => a.projectId === 'K')!.homesLater).toBe(15);
  });

  it('depends on the shortfall year: a later year leaves fewer homes to bring forward', () => {
    // year 2028: A later = 10 (2029); B later = 0 → B is a hard plan before start bouw → programma_uitbreiden
    const y2028 = proposeAlternatives(ALL, { year: 2028, excludeProjectId: 'X' });
    expect(y2028.find((a) => a.projectId === 'A')).toMatchObject({ kind: 'naar_voren_halen', homesLater: 10 });
    expect(y2028.find((a) => a.projectId === 'B')).toMatchObject({ kind: 'programma_uitbreiden', homesLater: 0 });
    // K (vastgesteld, planologische_procedure) has nothing after 2028 but is a hard plan → programma_uitbreiden
    expect(y2028.find((a) => a.projectId === 'K')).toMatchObject({ kind: 'programma_uitbreiden', homesLater: 0 });
  });

  const phaseTable: Array<{ case: string; p: DashboardProject; kind: string | null }> = [
    {
      case: 'a soft plan in planologische procedure with later homes is brought forward',
      p: project({ id: 'p', name: 'P', planStatus: 'in_voorbereiding', phase: 'planologische_procedure', jaarschijven: [js(2030, 1)] }),
      kind: 'naar_voren_halen',
    },
    {
      case: 'a soft plan in vergunning with later homes is brought forward',
      p: project({ id: 'p', name: 'P', planStatus: 'onbekend', phase: 'vergunning', jaarschijven: [js(2030, 1)] }),
      kind: 'naar_voren_halen',
    },
    {
      case: 'a soft plan in realisatie with later homes is brought forward',
      p: project({ id: 'p', name: 'P', planStatus: 'visie', phase: 'realisatie', jaarschijven: [js(2030, 1)] }),
      kind: 'naar_voren_halen',
    },
    {
      case: 'a hard plan in haalbaarheid is not yet an alternative',
      p: project({ id: 'p', name: 'P', planStatus: 'onherroepelijk', phase: 'haalbaarheid', jaarschijven: [js(2030, 1)] }),
      kind: null,
    },
    {
      case: 'a hard plan in planologische procedure without later homes is enlarged',
      p: project({ id: 'p', name: 'P', planStatus: 'onherroepelijk', phase: 'planologische_procedure' }),
      kind: 'programma_uitbreiden',
    },
    {
      case: 'a hard plan in realisatie without later homes is not enlarged (already past start bouw)',
      p: project({ id: 'p', name: 'P', planStatus: 'onherroepelijk', phase: 'realisatie' }),
      kind: null,
    },
    {
      case: 'a plan in voorbereiding in vergunning without later homes is not enlarged',
      p: project({ id: 'p', name: 'P', planStatus: 'in_voorbereiding', phase: 'vergunning' }),
      kind: null,
    },
    {
      case: 'an oranje project is still a candidate',
      p: project({ id: 'p', name: 'P', planStatus: 'vastgesteld', phase: 'vergunning', status: 'oranje' }),
      kind: 'programma_uitbreiden',
    },
  ];
  it.each(phaseTable)('$case', ({ p, kind }) => {
    const result = proposeAlternatives([p], { year: 2027 });
    expect(result.map((a) => a.kind)).toEqual(kind === null ? [] : [kind]);
  });

  it('orders full ties (same score and later homes) by name', () => {
    // Zwaluw and Merel: both vastgesteld, vergunning, no knelpunten → 7, both 10 later homes
    const twin = (id: string, name: string) => project({ id, name, planStatus: 'vastgesteld', phase: 'vergunning', jaarschijven: [js(2030, 10)] });
    const result = proposeAlternatives([twin('z', 'Zwaluw'), twin('m', 'Merel')], { year: 2027 });
    expect(result.map((a) => [a.projectName, a.score, a.homesLater])).toEqual([
      ['Merel', 7, 10],
      ['Zwaluw', 7, 10],
    ]);
  });

  it('orders an equal score by more later homes before the name', () => {
    // Aap 7/10, Zebra 7/90 → Zebra first despite the name
    const a = project({ id: 'a', name: 'Aap', planStatus: 'vastgesteld', phase: 'vergunning', jaarschijven: [js(2030, 10)] });
    const z = project({ id: 'z', name: 'Zebra', planStatus: 'vastgesteld', phase: 'vergunning', jaarschijven: [js(2030, 90)] });
    expect(proposeAlternatives([a, z], { year: 2027 }).map((x) => x.projectName)).toEqual(['Zebra', 'Aap']);
  });

  const limits = [
    { case: 'a limit of 2 keeps the two best candidates', limit: 2, ids: ['B', 'D'] },
    { case: 'a limit of 0 returns nothing', limit: 0, ids: [] },
    { case: 'a limit above the number of candidates returns them all', limit: 50, ids: ['B', 'D', 'H', 'A', 'K'] },
  ];
  it.each(limits)('$case', ({ limit, ids }) => {
    expect(proposeAlternatives(ALL, { year: 2027, excludeProjectId: 'X', limit }).map((a) => a.projectId)).toEqual(ids);
  });

  it('returns at most 20 candidates by default', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      project({ id: `n${i}`, name: `N${String(i).padStart(2, '0')}`, planStatus: 'vastgesteld', phase: 'vergunning' }),
    );
    const result = proposeAlternatives(many, { year: 2027 });
    expect(result).toHaveLength(20);
    expect(result[0]?.projectName).toBe('N00');
  });

  it('returns nothing for an empty project set', () => {
    expect(proposeAlternatives([], { year: 2027 })).toEqual([]);
  });

  it('passes the tolerance on to the readiness score', () => {
    // D with a milestone 2 months late: 7 by default, 6 with a 1-month tolerance
    const d = { ...P.D, milestones: [milestone('M09', { baselineDate: '2026-01-01', forecastDate: '2026-03-01' })] };
    expect(proposeAlternatives([d], { year: 2027 })[0]?.score).toBe(7);
    expect(proposeAlternatives([d], { year: 2027, tolerance: { toleranceMonths: 1, seriousMonths: 12 } })[0]?.score).toBe(6);
  });

  it('gives the same answer when asked twice (reasons are not shared between calls)', () => {
    expect(proposeAlternatives(ALL, { year: 2027, excludeProjectId: 'X' })).toEqual(ranked);
  });
});
