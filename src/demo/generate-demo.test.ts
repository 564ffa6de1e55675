import { describe, expect, it } from 'vitest';
import { at, present, take } from '../../test/helpers/present.ts';
import { KNELPUNT_CATEGORIES, MILESTONES, PHASES, SEGMENTS, type Phase } from '../domain/codes.ts';
import { checkProject } from '../domain/consistency.ts';
import { milestoneDelay } from '../domain/delay.ts';
import { deriveProject } from '../domain/derive.ts';
import { checkKnelpuntDates, checkMilestoneDates } from '../domain/plausibility.ts';
import type { Knelpunt } from '../domain/project.ts';
import { generateDemo, type DemoDataset, type DemoGemeente } from './generate-demo.ts';
import { pointInPrepared, preparePolygon } from './geometry.ts';

const ASOF = '2025-10-01';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function square(lon: number, lat: number, size: number): number[][] {
  return [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
}

const GEMEENTEN: DemoGemeente[] = [
  { code: 'GM0363', name: 'Amsterdam', provincieCode: 'PV27', weight: 40, geometry: { type: 'Polygon', coordinates: [square(4.75, 52.3, 0.2)] } },
  {
    code: 'GM0599',
    name: 'Rotterdam',
    provincieCode: 'PV28',
    weight: 25,
    // A square with a hole in the middle.
    geometry: { type: 'Polygon', coordinates: [square(4.3, 51.85, 0.3), square(4.4, 51.95, 0.1)] },
  },
  {
    code: 'GM0344',
    name: 'Utrecht',
    provincieCode: 'PV26',
    weight: 20,
    geometry: { type: 'MultiPolygon', coordinates: [[square(5.0, 52.05, 0.1)], [square(5.2, 52.05, 0.05)]] },
  },
  {
    code: 'GM0014',
    name: 'Groningen',
    provincieCode: 'PV20',
    weight: 10,
    // A triangle: half its bbox lies outside.
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [6.5, 53.2],
          [6.7, 53.2],
          [6.5, 53.3],
          [6.5, 53.2],
        ],
      ],
    },
  },
  { code: 'GM1680', name: 'Aa en Hunze', provincieCode: 'PV22', weight: 5, geometry: null },
];

function knelpuntenByProject(knelpunten: readonly Knelpunt[]): Map<string, Knelpunt[]> {
  const map = new Map<string, Knelpunt[]>();
  for (const k of knelpunten) {
    const list = map.get(k.projectId) ?? [];
    list.push(k);
    map.set(k.projectId, list);
  }
  return map;
}

describe('generateDemo', () => {
  const data: DemoDataset = generateDemo(GEMEENTEN, { projects: 2000, seed: 7, asOf: ASOF });
  const byProject = knelpuntenByProject(data.knelpunten);
  const derived = data.projects.map((p) => deriveProject(p, byProject.get(p.id) ?? []));

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateDemo(GEMEENTEN, { projects: 300, seed: 123, asOf: ASOF });
    const b = generateDemo(GEMEENTEN, { projects: 300, seed: 123, asOf: ASOF });
    const c = generateDemo(GEMEENTEN, { projects: 300, seed: 124, asOf: ASOF });
    expect(b).toEqual(a);
    expect(c.projects).not.toEqual(a.projects);
    expect(c.organisations.map((o) => o.id)).not.toEqual(a.organisations.map((o) => o.id));
  });

  it('gives the first n projects of a larger dataset the same content as a dataset of n', () => {
    const small = generateDemo(GEMEENTEN, { projects: 50, seed: 9, asOf: ASOF });
    const large = generateDemo(GEMEENTEN, { projects: 120, seed: 9, asOf: ASOF });
    expect(large.projects.slice(0, 50)).toEqual(small.projects);
    expect(large.organisations).toEqual(small.organisations);
  });

  it('generates valid projects: no consistency errors or warnings', () => {
    expect(data.projects).toHaveLength(2000);
    const failures = data.projects
      .map((p) => ({ id: p.id, result: checkProject(p) }))
      .filter((f) => f.result.errors.length > 0 || f.result.warnings.length > 0);
    expect(failures).toEqual([]);
  });

  it('marks every project synthetic, with a demo description and deterministic UUID v4 ids', () => {
    const ids = new Set<string>();
    for (const p of data.projects) {
      expect(p.synthetic).toBe(true);
      expect(p.description).toMatch(/^Verzonnen demoproject/);
      expect(p.name.length).toBeGreaterThan(3);
      expect(p.id).toMatch(UUID_V4);
      ids.add(p.id);
    }
    for (const o of data.organisations) ids.add(o.id);
    for (const k of data.knelpunten) {
      expect(k.id).toMatch(UUID_V4);
      ids.add(k.id);
    }
    expect(ids.size).toBe(data.projects.length + data.organisations.length + data.knelpunten.length);
  });

  it('creates one gemeente organisation per gemeente and about 150 synthetic private ones', () => {
    const gemeenteOrgs = data.organisations.filter((o) => o.type === 'gemeente');
    expect(gemeenteOrgs.map((o) => o.gemeenteCode)).toEqual(GEMEENTEN.map((g) => g.code));
    expect(gemeenteOrgs.every((o) => !o.synthetic && o.name === `Gemeente ${GEMEENTEN.find((g) => g.code === o.gemeenteCode)!.name}`)).toBe(true);
    const privateOrgs = data.organisations.filter((o) => o.type !== 'gemeente');
    expect(privateOrgs.length).toBeGreaterThanOrEqual(140);
    expect(privateOrgs.length).toBeLessThanOrEqual(160);
    for (const o of privateOrgs) {
      expect(o.synthetic).toBe(true);
      expect(o.gemeenteCode).toBeNull();
      expect(o.name.endsWith(' (demo)')).toBe(true);
      expect(['ontwikkelaar', 'corporatie', 'belegger', 'bouwer']).toContain(o.type);
    }
    expect(new Set(data.organisations.map((o) => o.name)).size).toBe(data.organisations.length);
  });

  it('gives every project its gemeente as bevoegd gezag and 1–2 private parties of a matching type', () => {
    const orgs = new Map(data.organisations.map((o) => [o.id, o]));
    for (const p of data.projects) {
      const [gezag, ...rest] = take(p.parties, 1);
      expect(gezag.role).toBe('bevoegd_gezag');
      expect(orgs.get(gezag.organisationId)!.gemeenteCode).toBe(p.gemeenteCode);
      expect(rest.length).toBeGreaterThanOrEqual(1);
      expect(rest.length).toBeLessThanOrEqual(2);
      for (const party of rest) expect(orgs.get(party.organisationId)!.type).toBe(party.role);
      expect(new Set(p.parties.map((x) => x.organisationId)).size).toBe(p.parties.length);
    }
  });

  it('spreads projects over gemeenten in proportion to weight', () => {
    const two: DemoGemeente[] = [
      { ...at(GEMEENTEN, 0), weight: 3 },
      { ...at(GEMEENTEN, 1), weight: 1 },
    ];
    const d = generateDemo(two, { projects: 4000, seed: 11, asOf: ASOF });
    const a = d.projects.filter((p) => p.gemeenteCode === 'GM0363').length;
    const b = d.projects.filter((p) => p.gemeenteCode === 'GM0599').length;
    expect(a + b).toBe(4000);
    expect(a / b).toBeGreaterThan(2.7);
    expect(a / b).toBeLessThan(3.3);
  });

  it('never places projects in a gemeente of weight zero, unless all weights are zero', () => {
    const zero: DemoGemeente[] = [
      { ...at(GEMEENTEN, 0), weight: 1 },
      { ...at(GEMEENTEN, 1), weight: 0 },
    ];
    expect(generateDemo(zero, { projects: 300, seed: 1, asOf: ASOF }).projects.every((p) => p.gemeenteCode === 'GM0363')).toBe(true);
    const allZero = zero.map((g) => ({ ...g, weight: 0 }));
    expect(new Set(generateDemo(allZero, { projects: 300, seed: 1, asOf: ASOF }).projects.map((p) => p.gemeenteCode)).size).toBe(2);
  });

  it('places projects inside their gemeente (bbox and polygon), null without geometry', () => {
    const byCode = new Map(GEMEENTEN.map((g) => [g.code, g]));
    for (const p of data.projects) {
      const g = byCode.get(p.gemeenteCode)!;
      const prepared = preparePolygon(g.geometry);
      if (!prepared) {
        expect(p.location).toBeNull();
        continue;
      }
      const { lon, lat } = p.location!;
      expect(lon).toBeGreaterThanOrEqual(prepared.minX);
      expect(lon).toBeLessThanOrEqual(prepared.maxX);
      expect(lat).toBeGreaterThanOrEqual(prepared.minY);
      expect(lat).toBeLessThanOrEqual(prepared.maxY);
      expect(pointInPrepared(prepared, lon, lat)).toBe(true);
      expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
      expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
    }
    // The hole in Rotterdam's square stays empty.
    const inHole = data.projects.filter(
      (p) => p.gemeenteCode === 'GM0599' && p.location!.lon > 4.4 && p.location!.lon < 4.5 && p.location!.lat > 51.95 && p.location!.lat < 52.05,
    );
    expect(inHole).toEqual([]);
  });

  it('spreads projects over the phases', () => {
    const counts = new Map<Phase, number>();
    for (const d of derived) counts.set(d.phase, (counts.get(d.phase) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(5);
    for (const phase of PHASES) expect(counts.get(phase) ?? 0).toBeGreaterThan(data.projects.length * 0.04);
  });

  it('has milestones M01–M12 with allowed owners, actual dates up to asOf and forecasts after it', () => {
    for (const p of data.projects) {
      expect(p.milestones.map((m) => m.code)).toEqual(MILESTONES.map((m) => m.code));
      let pendingSeen = false;
      p.milestones.forEach((m, i) => {
        expect(MILESTONES[i]?.allowedOwners).toContain(m.ownerSide);
        if (m.actualDate) {
          expect(pendingSeen).toBe(false);
          expect(m.actualDate <= ASOF).toBe(true);
          expect(m.baselineDate).not.toBeNull();
        } else {
          pendingSeen = true;
          if (m.forecastDate) expect(m.forecastDate > ASOF).toBe(true);
        }
        if (m.code !== 'M12') expect(m.homes).toBeNull();
      });
      expect(at(p.milestones, 0).actualDate).not.toBeNull();
      expect(at(p.milestones, 11).forecastDate ?? at(p.milestones, 11).actualDate).not.toBeNull();
      const m12 = present(p.milestones[11]);
      const total = p.programme.reduce((s, l) => s + l.homes, 0);
      expect(m12.homes).toBe(m12.actualDate ? total : null);
    }
  });

  it('has a meaningful share of delayed and some seriously delayed projects', () => {
    let delayed = 0;
    let serious = 0;
    for (const p of data.projects) {
      const severities = p.milestones.filter((m) => !m.actualDate).map((m) => milestoneDelay(m).severity);
      if (severities.includes('ernstig')) serious++;
      else if (severities.includes('vertraagd')) delayed++;
    }
    expect(delayed + serious).toBeGreaterThan(data.projects.length * 0.15);
    expect(serious).toBeGreaterThan(data.projects.length * 0.03);
    expect(delayed + serious).toBeLessThan(data.projects.length * 0.6);
    // Achieved milestones deviate from baseline, mostly late, sometimes early.
    const achieved = data.projects.flatMap((p) => p.milestones.filter((m) => m.actualDate && m.code !== 'M01'));
    const late = achieved.filter((m) => m.actualDate! > m.baselineDate!).length;
    const early = achieved.filter((m) => m.actualDate! < m.baselineDate!).length;
    expect(late).toBeGreaterThan(early);
    expect(early).toBeGreaterThan(0);
  });

  it('has plan statuses consistent with the phase', () => {
    data.projects.forEach((p, i) => {
      const phase = at(derived, i).phase;
      if (phase === 'vergunning' || phase === 'realisatie' || phase === 'opgeleverd') expect(p.planStatus).toBe('onherroepelijk');
      else if (phase === 'planologische_procedure') expect(['vastgesteld', 'in_voorbereiding']).toContain(p.planStatus);
      else expect(['visie', 'in_voorbereiding', 'onbekend']).toContain(p.planStatus);
    });
  });

  it('has heavy-tailed programme sizes and a segment mix near the targets', () => {
    const sizes = derived.map((d) => d.totalHomes);
    const n = sizes.length;
    expect(sizes.filter((s) => s <= 80).length / n).toBeGreaterThan(0.75);
    expect(sizes.filter((s) => s >= 100 && s <= 600).length / n).toBeGreaterThan(0.05);
    expect(sizes.filter((s) => s >= 1000).length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5000);

    const bySegment = new Map<string, number>();
    let total = 0;
    for (const p of data.projects) {
      const keys = new Set<string>();
      for (const line of p.programme) {
        expect(Number.isInteger(line.homes) && line.homes > 0).toBe(true);
        const key = `${line.segment}/${line.woningtype}/${line.doelgroep}`;
        expect(keys.has(key)).toBe(false);
        keys.add(key);
        bySegment.set(line.segment, (bySegment.get(line.segment) ?? 0) + line.homes);
        total += line.homes;
      }
    }
    const target: Record<string, number> = {
      sociale_huur: 0.3,
      middenhuur: 0.2,
      betaalbare_koop: 0.15,
      vrije_sector_huur: 0.1,
      vrije_sector_koop: 0.25,
    };
    for (const s of SEGMENTS) expect(Math.abs((bySegment.get(s) ?? 0) / total - present(target[s]))).toBeLessThan(0.07);
  });

  it('has jaarschijven summing exactly per segment to the programme', () => {
    for (const p of data.projects) {
      for (const s of SEGMENTS) {
        const programme = p.programme.filter((l) => l.segment === s).reduce((sum, l) => sum + l.homes, 0);
        const schijven = p.jaarschijven.filter((j) => j.segment === s).reduce((sum, j) => sum + j.homes, 0);
        expect(schijven).toBe(programme);
      }
    }
    // Large projects are spread over several years.
    const large = data.projects.filter((p) => p.programme.reduce((s, l) => s + l.homes, 0) >= 1000);
    for (const p of large) expect(new Set(p.jaarschijven.map((j) => j.year)).size).toBeGreaterThan(1);
  });

  it('keeps rare flags for large projects', () => {
    data.projects.forEach((p, i) => {
      if (p.flags.some((f) => f === 'doorbraaklocatie' || f === 'nplv' || f === 'grootschalig_gebied')) {
        expect(derived[i]?.totalHomes).toBeGreaterThanOrEqual(500);
      }
      if (p.flags.includes('woondeal_locatie')) expect(derived[i]?.totalHomes).toBeGreaterThan(100);
    });
    const parallel = data.projects.filter((p) => p.flags.includes('parallel_plannen')).length / data.projects.length;
    expect(parallel).toBeGreaterThan(0.05);
    expect(parallel).toBeLessThan(0.15);
  });

  it('has knelpunten for about a quarter of projects, dated up to asOf', () => {
    const ids = new Set(data.projects.map((p) => p.id));
    const share = byProject.size / data.projects.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.35);
    for (const list of byProject.values()) {
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(3);
      expect(new Set(list.map((k) => k.category)).size).toBe(list.length);
    }
    for (const k of data.knelpunten) {
      expect(ids.has(k.projectId)).toBe(true);
      expect(KNELPUNT_CATEGORIES).toContain(k.category);
      expect(k.description.length).toBeGreaterThan(10);
      expect(k.raisedDate <= ASOF).toBe(true);
      expect(k.version).toBe(1);
      if (k.resolvedDate) {
        expect(k.resolution).not.toBeNull();
        expect(k.resolvedDate >= k.raisedDate && k.resolvedDate <= ASOF).toBe(true);
      } else {
        expect(k.resolution).toBeNull();
      }
    }
    expect(data.knelpunten.some((k) => k.escalated)).toBe(true);
    expect(data.knelpunten.some((k) => k.resolvedDate)).toBe(true);
    const categories = new Set(data.knelpunten.map((k) => k.category));
    for (const c of ['netcongestie', 'ambtelijke_capaciteit', 'financiele_haalbaarheid', 'stikstof'] as const) expect(categories).toContain(c);
  });

  // Issue 8 / SPEC §2 "Phases and milestones": the demo data pass the plausibility rule of the API as
  // of its own "today" (asOf): no actual date after it, every date within POLICY.plausibleDates.
  it('has only plausible dates as of asOf (what the API would accept)', () => {
    for (const p of data.projects) expect(checkMilestoneDates(p.milestones, ASOF), p.name).toEqual([]);
    for (const k of data.knelpunten) expect(checkKnelpuntDates(k, ASOF)).toEqual([]);
  });

  it('rejects bad options', () => {
    expect(() => generateDemo(GEMEENTEN, { projects: -1, seed: 1, asOf: ASOF })).toThrow();
    expect(() => generateDemo(GEMEENTEN, { projects: 1, seed: 1, asOf: '2025-13-01' })).toThrow();
    expect(() => generateDemo([], { projects: 1, seed: 1, asOf: ASOF })).toThrow();
    expect(generateDemo([], { projects: 0, seed: 1, asOf: ASOF }).projects).toEqual([]);
  });

  it('generates 40,000 projects in a few seconds', () => {
    const start = performance.now();
    const big = generateDemo(GEMEENTEN, { projects: 40_000, seed: 2025, asOf: ASOF });
    const ms = performance.now() - start;
    expect(big.projects).toHaveLength(40_000);
    expect(ms).toBeLessThan(15_000);
  });

  // Issue 14: the national demo sizes each gemeente's pipeline to its annual target (SPEC §3 targets).
  describe("national demo ('national': a pipeline per gemeente sized to its annualTarget)", () => {
    const targets: Record<string, number | null> = { GM0363: 2000, GM0599: 900, GM0344: 600, GM0014: 150, GM1680: null };
    const inputs = GEMEENTEN.map((g) => ({ ...g, annualTarget: targets[g.code] ?? null }));
    const national = generateDemo(inputs, { projects: 'national', seed: 5, asOf: '2026-10-01' });
    const counted = national.projects.filter((p) => !p.withdrawal);

    it('fills each gemeente with a target to 0.7–1.35 × its target in each year 2026–2029 (its pace; one year may have a gap)', () => {
      for (const [code, target] of Object.entries(targets)) {
        const own = counted.filter((p) => p.gemeenteCode === code);
        if (target === null) {
          expect(own, code).toEqual([]);
          continue;
        }
        const perYear = [2026, 2027, 2028, 2029].map((y) =>
          own.reduce((s, p) => s + p.jaarschijven.filter((j) => j.year === y).reduce((a, j) => a + j.homes, 0), 0),
        );
        for (const homes of perYear) {
          expect(homes / target, code).toBeGreaterThan(0.7 * 0.55 - 0.1);
          expect(homes / target, code).toBeLessThan(1.35 * 1.1);
        }
        // Outside the gap year the four years are filled alike.
        const sorted = [...perYear].sort((a, b) => a - b);
        expect(sorted[3]! / sorted[1]!, code).toBeLessThan(1.25);
      }
    });

    it('is deterministic and gives valid, synthetic projects; withdrawn plans have a reason and a date up to asOf, none under construction', () => {
      expect(generateDemo(inputs, { projects: 'national', seed: 5, asOf: '2026-10-01' })).toEqual(national);
      const withdrawn = national.projects.filter((p) => p.withdrawal);
      expect(withdrawn.length).toBeGreaterThan(0);
      expect(withdrawn.length).toBeLessThan(national.projects.length * 0.1);
      for (const p of withdrawn) {
        expect(p.withdrawal!.date <= '2026-10-01' && p.withdrawal!.date >= '2024-10-01', p.name).toBe(true);
        expect(p.withdrawal!.reason.length).toBeGreaterThan(10);
        expect(p.milestones.find((m) => m.code === 'M11')!.actualDate, p.name).toBeNull();
      }
      for (const p of national.projects) {
        expect(p.synthetic).toBe(true);
        expect(checkProject(p).errors, p.name).toEqual([]);
      }
    });

    it('gives some projects the forecasts of a quarter before asOf: mostly earlier (slipped since), all still to come then, in milestone order', () => {
      const moved = counted.filter((p) => p.previousForecasts);
      expect(moved.length).toBeGreaterThan(0);
      expect(moved.length).toBeLessThan(counted.length / 2);
      let slipped = 0;
      for (const p of moved) {
        const previous = p.previousForecasts!;
        const dates = previous.map((f) => f.forecastDate);
        expect(dates, p.name).toEqual([...dates].sort());
        expect(dates[0]! > '2026-07-02', p.name).toBe(true);
        for (const f of previous) {
          const now = p.milestones.find((m) => m.code === f.code)!;
          expect(now.actualDate, p.name).toBeNull();
          if (f.forecastDate < now.forecastDate!) slipped++;
        }
      }
      expect(slipped).toBeGreaterThan(moved.length / 2);
      expect(national.projects.filter((p) => p.withdrawal && p.previousForecasts)).toEqual([]);
    });

    it("builds no project larger than one and a half times a small gemeente's yearly target", () => {
      const small = national.projects.filter((p) => p.gemeenteCode === 'GM0014');
      expect(small.length).toBeGreaterThan(0);
      for (const p of small) expect(p.programme.reduce((s, l) => s + l.homes, 0)).toBeLessThanOrEqual(225);
    });
  });
});
