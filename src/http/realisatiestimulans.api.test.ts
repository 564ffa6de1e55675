/**
 * The Realisatiestimulans through the API (issue 16; SPEC §4.1, `001 § Afspraak 19.1`, `000 § Beter benutten`): the
 * figures come from the register's milestones and programmes on both counting bases; every amount equals the sum of
 * its project lines; a gemeente sees only its own figures, a province analyst its province, the ministry all with
 * the budget check; exports carry the project lines; earlier national contributions are deducted by the rule.
 * PGlite by default, PostgreSQL with DATABASE_URL.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

let t: TestApp;
let admin: Inject;
let ministerie: Inject;
let gemeente: Inject;
let provincie: Inject;
let secretary: Inject;
const ids: Record<string, string> = {};

type Line = { projectId: string; basis: string; year: number; actual: boolean; affordableHomes: number; grossEuros: number; netEuros: number };

async function create(inject: Inject, name: string, body: Record<string, unknown>): Promise<string> {
  const res = await inject({ method: 'POST', url: '/api/v1/projects', payload: { name, planStatus: 'vastgesteld', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedIn('beheerder');
  ministerie = await t.signedIn('ministerie_analist');
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363' });
  provincie = await t.signedIn('provincie_analist', { provincieCode: 'PV26' });
  secretary = await t.signedIn('tafel_secretaris', { regionId: 'vt-amsterdam-e-o' });
  // Amsterdam: started 2025 and completed 2026 (40 sociale huur + 20 vrije sector koop, 10 middenhuur).
  ids.a = await create(admin, 'RS Amstel', {
    gemeenteCode: 'GM0363',
    programme: [
      { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 },
      { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'ouderen', homes: 10 },
      { segment: 'vrije_sector_koop', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 20 },
    ],
    milestones: [
      { code: 'M11', baselineDate: '2025-03-01', forecastDate: '2025-03-01', actualDate: '2025-03-10' },
      { code: 'M12', baselineDate: '2026-06-01', forecastDate: '2026-06-01', actualDate: '2026-06-15' },
    ],
  });
  // Amsterdam, a transformatie (Beter Benutten) that started in 2026; oplevering expected in 2028.
  ids.b = await create(admin, 'RS Kantoor', {
    gemeenteCode: 'GM0363',
    origin: 'transformatie',
    programme: [{ segment: 'betaalbare_koop', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 25 }],
    milestones: [
      { code: 'M11', baselineDate: '2026-02-01', forecastDate: '2026-02-01', actualDate: '2026-02-02' },
      { code: 'M12', baselineDate: '2028-02-01', forecastDate: '2028-02-01' },
    ],
  });
  // Utrecht (PV26): started 2026, only vrije sector → nothing; and one with 30 sociale huur started 2026.
  ids.c = await create(admin, 'RS Utrecht vrij', {
    gemeenteCode: 'GM0344',
    programme: [{ segment: 'vrije_sector_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 50 }],
    milestones: [{ code: 'M11', baselineDate: '2026-01-01', forecastDate: '2026-01-01', actualDate: '2026-01-05' }],
  });
  ids.d = await create(admin, 'RS Utrecht sociaal', {
    gemeenteCode: 'GM0344',
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 30 }],
    milestones: [{ code: 'M11', baselineDate: '2026-01-01', forecastDate: '2026-01-01', actualDate: '2026-01-05' }],
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('a gemeente’s figures equal the sum of their project lines (SPEC §4.1; 001 § 19.1, 000 § Beter benutten)', () => {
  it('counts Amsterdam on both bases: €7,000 per affordable home, Beter Benutten included, vrije sector not', async () => {
    const res = await ministerie({ url: '/api/v1/realisatiestimulans/gemeenten/GM0363' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const start = body.figures.start_bouw;
    // 2025: 50 affordable homes of RS Amstel; 2026: 25 of RS Kantoor (transformatie).
    expect(start.years.find((y: { year: number }) => y.year === 2025).realised.netEuros).toBe(50 * 7_000);
    expect(start.years.find((y: { year: number }) => y.year === 2026).realised.beterBenuttenHomes).toBe(25);
    expect(start.realised.netEuros).toBe(75 * 7_000);
    // Oplevering: RS Amstel realised in 2026, RS Kantoor expected in 2028.
    expect(body.figures.oplevering.realised.netEuros).toBe(50 * 7_000);
    expect(body.figures.oplevering.expected.netEuros).toBe(25 * 7_000);
    expect(body.figures.differenceNetEuros).toBe(25 * 7_000);
    // Each amount is the sum of its drill-down lines.
    for (const basis of ['start_bouw', 'oplevering'] as const) {
      for (const y of body.figures[basis].years) {
        const of = (actual: boolean) => (body.projects as Line[]).filter((l) => l.basis === basis && l.year === y.year && l.actual === actual);
        expect(y.realised.netEuros).toBe(of(true).reduce((a, l) => a + l.netEuros, 0));
        expect(y.expected.netEuros).toBe(of(false).reduce((a, l) => a + l.netEuros, 0));
        expect(y.realised.affordableHomes).toBe(of(true).reduce((a, l) => a + l.affordableHomes, 0));
      }
    }
    expect(body.payout.start_bouw.map((p: { paymentQuarter: string }) => p.paymentQuarter)).toEqual([
      '2026-Q4',
      '2027-Q4',
      '2028-Q4',
      '2029-Q4',
      '2030-Q4',
    ]);
  });

  it('exports the project lines as CSV and XLSX; the totals sheet matches', async () => {
    const csv = await gemeente({ url: '/api/v1/realisatiestimulans/gemeenten/GM0363/export.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const parsed = Papa.parse<Record<string, string>>(csv.body.replace(/^\ufeff/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.data.map((r) => r.project_naam).sort()).toEqual(['RS Amstel', 'RS Amstel', 'RS Kantoor', 'RS Kantoor']);
    const netto = parsed.data.filter((r) => r.telbasis === 'start bouw').reduce((a, r) => a + Number(r.netto_euro), 0);
    expect(netto).toBe(75 * 7_000);

    const xlsx = await gemeente({ url: '/api/v1/realisatiestimulans/gemeenten/GM0363/export.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Projecten')?.rowCount).toBe(5);
    const totals = wb.getWorksheet('Totalen');
    const header = (totals?.getRow(1).values as unknown[]).slice(1);
    let sum = 0;
    totals?.eachRow((row, n) => {
      if (n === 1) return;
      const v = (row.values as unknown[]).slice(1);
      if (v[header.indexOf('telbasis')] === 'start bouw' && v[header.indexOf('status')] === 'gerealiseerd')
        sum += Number(v[header.indexOf('netto_euro')]);
    });
    expect(sum).toBe(75 * 7_000);
  });
});

describe('who sees which gemeente (SPEC §1 users; src/domain/access.ts realisatiestimulansArea)', () => {
  it('gives a gemeente only itself: its overview holds one gemeente, another gemeente answers 404', async () => {
    const overview = (await gemeente({ url: '/api/v1/realisatiestimulans' })).json();
    expect(overview.area).toEqual({ level: 'gemeente', code: 'GM0363' });
    expect(overview.gemeenten.map((g: { gemeenteCode: string }) => g.gemeenteCode)).toEqual(['GM0363']);
    expect(overview.budget).toBeNull();
    expect((await gemeente({ url: '/api/v1/realisatiestimulans/gemeenten/GM0344' })).statusCode).toBe(404);
    expect((await gemeente({ url: '/api/v1/realisatiestimulans/gemeenten/GM0344/export.csv' })).statusCode).toBe(404);
  });

  it('gives a province analyst its province, and the ministry every gemeente with the budget check', async () => {
    const utrecht = (await provincie({ url: '/api/v1/realisatiestimulans' })).json();
    expect(new Set(utrecht.gemeenten.map((g: { provincieCode: string }) => g.provincieCode))).toEqual(new Set(['PV26']));
    expect(utrecht.total.start_bouw.realised.netEuros).toBe(30 * 7_000);
    expect((await provincie({ url: '/api/v1/realisatiestimulans/gemeenten/GM0363' })).statusCode).toBe(404);

    const nl = (await ministerie({ url: '/api/v1/realisatiestimulans' })).json();
    expect(nl.area.level).toBe('nl');
    expect(nl.total.start_bouw.realised.netEuros).toBe(105 * 7_000);
    expect(nl.budget.start_bouw).toMatchObject({ budgetEuros: 1_600_000_000, shortfallEuros: 0, proRataFactor: 1 });
    expect(nl.budget.start_bouw.claimsEuros).toBe(105 * 7_000);
    expect(nl.budget.oplevering.claimsEuros).toBe(75 * 7_000);
    expect(nl.provincies.find((p: { provincieCode: string }) => p.provincieCode === 'PV27').start_bouw.realised.netEuros).toBe(75 * 7_000);
  });

  it('refuses a table secretary and the public', async () => {
    expect((await secretary({ url: '/api/v1/realisatiestimulans' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/realisatiestimulans' })).statusCode).toBe(401);
  });
});

describe('earlier national contributions (001 § 19.1 "wordt rekening gehouden met"; deduction rule: design)', () => {
  it('excludes a supported project by default, deducts the amount under bedrag_aftrekken, and keeps the gross amount visible', async () => {
    const added = await ministerie({
      method: 'POST',
      url: '/api/v1/realisatiestimulans/bijdragen',
      payload: { projectId: ids.d, scheme: 'woningbouwimpuls', amountEuros: 50_000, decidedOn: '2024-05-01' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const excluded = (await ministerie({ url: '/api/v1/realisatiestimulans/gemeenten/GM0344' })).json();
    expect(excluded.figures.start_bouw.realised).toMatchObject({ grossEuros: 210_000, deductionEuros: 210_000, netEuros: 0 });
    const deducted = (await ministerie({ url: '/api/v1/realisatiestimulans/gemeenten/GM0344?deductionRule=bedrag_aftrekken' })).json();
    expect(deducted.figures.start_bouw.realised.netEuros).toBe(160_000);
    const audit = (await admin({ url: `/api/v1/projects/${ids.d}/audit` })).json();
    expect(JSON.stringify(audit)).toMatch(/eerdere rijksbijdrage vastgelegd/);

    expect(
      (await gemeente({ method: 'POST', url: '/api/v1/realisatiestimulans/bijdragen', payload: { projectId: ids.a, scheme: 'rha', amountEuros: 1 } }))
        .statusCode,
    ).toBe(403);
    expect((await ministerie({ method: 'DELETE', url: `/api/v1/realisatiestimulans/bijdragen/${added.json().id}` })).statusCode).toBe(204);
    expect((await ministerie({ url: '/api/v1/realisatiestimulans/gemeenten/GM0344' })).json().figures.start_bouw.realised.netEuros).toBe(210_000);
  });

  it('rejects bad input naming the field', async () => {
    const res = await ministerie({
      method: 'POST',
      url: '/api/v1/realisatiestimulans/bijdragen',
      payload: { projectId: ids.a, scheme: 'x', amountEuros: -1 },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['amountEuros', 'scheme']);
    const bad = await ministerie({ url: '/api/v1/realisatiestimulans?nplvPerHomeEuros=-5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/nplvPerHomeEuros/);
  });

  it('adds the supplement amounts of a scenario, not fixed by policy', async () => {
    const body = (
      await ministerie({ url: '/api/v1/realisatiestimulans/gemeenten/GM0363?ouderenPerHomeEuros=1000&capaciteitPerGemeenteEuros=5000' })
    ).json();
    expect(body.settings.supplements.ouderenPerHomeEuros).toBe(1000);
    const y2025 = body.figures.start_bouw.years.find((y: { year: number }) => y.year === 2025);
    expect(y2025.realised.supplements).toMatchObject({ ouderen: 10_000, capaciteit: 5_000 });
  });
});

describe('the overview adds up whole lines first; the drill-down counts per project: the same amounts (aggregateEntitlement)', () => {
  it('gives every gemeente the same figures in the overview as on its own page, with partial milestones and contributions', async () => {
    const partial = await create(admin, 'RS Rotterdam deels', {
      gemeenteCode: 'GM0599',
      flags: ['nplv'],
      programme: [
        { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'ouderen', homes: 7 },
        { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 5 },
        { segment: 'vrije_sector_koop', woningtype: 'grondgebonden', doelgroep: 'regulier', homes: 9 },
      ],
      milestones: [
        { code: 'M11', baselineDate: '2025-05-01', forecastDate: '2025-05-01', actualDate: '2025-05-01' },
        { code: 'M12', baselineDate: '2027-05-01', forecastDate: '2027-05-01', actualDate: '2026-11-01', homes: 8 },
      ],
    });
    await create(admin, 'RS Rotterdam heel', {
      gemeenteCode: 'GM0599',
      flags: ['nplv'],
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'ouderen', homes: 11 }],
      milestones: [{ code: 'M11', baselineDate: '2025-05-01', forecastDate: '2025-05-01', actualDate: '2025-06-01' }],
    });
    const added = await ministerie({
      method: 'POST',
      url: '/api/v1/realisatiestimulans/bijdragen',
      payload: { projectId: ids.a, scheme: 'rha', amountEuros: 20_000 },
    });
    expect(added.statusCode).toBe(201);
    expect(partial).toBeTruthy();
    const scenario = '?deductionRule=bedrag_aftrekken&nplvPerHomeEuros=900&ouderenPerHomeEuros=300&capaciteitPerGemeenteEuros=1000';
    const overview = (await ministerie({ url: `/api/v1/realisatiestimulans${scenario}` })).json();
    const shown = overview.gemeenten.filter(
      (g: { start_bouw: { realised: { countedHomes: number } }; oplevering: { realised: { countedHomes: number } } }) =>
        g.start_bouw.realised.countedHomes + g.oplevering.realised.countedHomes > 0,
    );
    expect(shown.map((g: { gemeenteCode: string }) => g.gemeenteCode).sort()).toEqual(['GM0344', 'GM0363', 'GM0599']);
    for (const g of shown) {
      const detail = (await ministerie({ url: `/api/v1/realisatiestimulans/gemeenten/${g.gemeenteCode}${scenario}` })).json();
      const { gemeenteName: _n, provincieCode: _p, ...figures } = g;
      expect(figures, g.gemeenteCode).toEqual(detail.figures);
    }
  });
});
