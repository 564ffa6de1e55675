/**
 * Woningbouwimpuls and Gebiedsbudget through the API (issue 16 parts 2–3; SPEC §4.2, §4.3; `001 § Afspraak 19.2,
 * 19.3`): the ministry opens a tranche; a gemeente files for its own project only during the window and sees only its
 * own applications; the ministry scores, ranks, allocates and downloads the decision list; every change is audited;
 * a gebiedsbudget request above 50% is capped and the running total is kept. PGlite by default, PostgreSQL with DATABASE_URL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

let TODAY = '2027-01-15';
let t: TestApp;
let ministerie: Inject;
let gemeente: Inject;
let otherGemeente: Inject;
let provincie: Inject;
let trancheId = '';
const projectIds: string[] = [];
let otherProjectId = '';

const project = (name: string, gemeenteCode: string) => ({
  name,
  gemeenteCode,
  planStatus: 'vastgesteld',
  programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 400 }],
  milestones: [
    { code: 'M06', baselineDate: '2027-01-01', forecastDate: '2027-01-01' },
    { code: 'M11', baselineDate: '2028-01-01', forecastDate: '2028-01-01' },
    { code: 'M12', baselineDate: '2030-01-01', forecastDate: '2030-01-01' },
  ],
  parties: [{ organisationId: gemeenteOrganisationId(gemeenteCode), role: 'bevoegd_gezag' }],
});

const application = (projectId: string, requestedEuros: number, extra: Record<string, unknown> = {}) => ({
  projectId,
  homes: 400,
  affordableHomes: 260,
  publicInvestmentsEuros: 30_000_000,
  kostenverhaalEuros: 8_000_000,
  grondverkoopEuros: 10_000_000,
  otherNationalContributionsEuros: 0,
  requestedEuros,
  cofinancingEuros: requestedEuros,
  activities: ['infrastructurele_ontsluiting'],
  otherActivities: '',
  firstStartDate: '2028-06-01',
  lastStartDate: '2033-01-01',
  necessaryForWoondeal: true,
  bottleneck: 'Ontsluiting over het spoor',
  realisatiestimulansInsufficient: true,
  parallelPlannen: true,
  versnellingstafelWithPpm: true,
  openBooks: true,
  explanation: 'Grondexploitatie en fasering bijgevoegd',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ today: () => TODAY });
  const admin = await t.signedIn('beheerder');
  ministerie = await t.signedIn('ministerie_analist');
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') });
  otherGemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0014', organisationId: gemeenteOrganisationId('GM0014') });
  provincie = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
  for (const name of ['Zuidas Oost', 'Havenkwartier', 'Spoorzone Noord']) {
    const res = await admin({ method: 'POST', url: '/api/v1/projects', payload: project(name, 'GM0363') });
    expect(res.statusCode, res.body).toBe(201);
    projectIds.push(res.json().id);
  }
  otherProjectId = (await admin({ method: 'POST', url: '/api/v1/projects', payload: project('Groningen Zuid', 'GM0014') })).json().id;
});
afterAll(async () => t?.close());

describe('Woningbouwimpuls tranches and applications (001 § Afspraak 19.2 De aanvraag)', () => {
  it('the ministry creates a tranche; a budget above €470m is refused naming the field; a gemeente may not create one', async () => {
    const tranche = { name: 'Tranche 2027', windowOpens: '2027-01-01', windowCloses: '2027-02-28', awardDate: '2027-06-01', budgetEuros: 20_000_000 };
    expect((await gemeente({ method: 'POST', url: '/api/v1/woningbouwimpuls/tranches', payload: tranche })).statusCode).toBe(403);
    const tooMuch = await ministerie({ method: 'POST', url: '/api/v1/woningbouwimpuls/tranches', payload: { ...tranche, budgetEuros: 470_000_001 } });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0].path).toBe('budgetEuros');
    const res = await ministerie({ method: 'POST', url: '/api/v1/woningbouwimpuls/tranches', payload: tranche });
    expect(res.statusCode, res.body).toBe(201);
    trancheId = res.json().id;
    expect(res.json().windowOpen).toBe(true);
  });

  it('a gemeente files for its own project and gets the eligibility per criterion; not for another gemeente’s project (404)', async () => {
    const res = await gemeente({
      method: 'POST',
      url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/applications`,
      payload: application(projectIds[0]!, 6_000_000),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().eligibility.eligible).toBe(true);
    expect(res.json().eligibility.maximumAwardEuros).toBe(12_000_000);
    const foreign = await gemeente({
      method: 'POST',
      url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/applications`,
      payload: application(otherProjectId, 1),
    });
    expect(foreign.statusCode).toBe(404);
    const twice = await gemeente({
      method: 'POST',
      url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/applications`,
      payload: application(projectIds[0]!, 1),
    });
    expect(twice.statusCode).toBe(409);
    const bad = await gemeente({
      method: 'POST',
      url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/applications`,
      payload: application(projectIds[1]!, 1, { affordableHomes: 500 }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['affordableHomes']);
  });

  it('an application with 199 homes is filed but not eligible, and the criterion says why', async () => {
    const res = await gemeente({
      method: 'POST',
      url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/applications`,
      payload: application(projectIds[1]!, 10_000_000, { homes: 199, affordableHomes: 150 }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const failed = res.json().eligibility.criteria.filter((c: { met: boolean }) => !c.met);
    expect(failed.map((c: { code: string }) => c.code)).toEqual(['minimaal_woningen']);
    expect(failed[0].rule).toContain('200');
    // Corrected with the version last read: now eligible.
    const fixed = await gemeente({
      method: 'PUT',
      url: `/api/v1/woningbouwimpuls/applications/${res.json().id}`,
      payload: { ...application(projectIds[1]!, 10_000_000), projectId: undefined, version: 1 },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().eligibility.eligible).toBe(true);
    const stale = await gemeente({
      method: 'PUT',
      url: `/api/v1/woningbouwimpuls/applications/${res.json().id}`,
      payload: { ...application(projectIds[1]!, 10_000_000), projectId: undefined, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    await gemeente({
      method: 'POST',
      url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/applications`,
      payload: application(projectIds[2]!, 8_000_000),
    });
  });

  it('a gemeente sees only its own applications; another gemeente sees none and gets 404 on one; a province is refused', async () => {
    const own = (await gemeente({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}` })).json();
    expect(own.applications).toHaveLength(3);
    const other = await otherGemeente({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}` });
    expect(other.json().applications).toEqual([]);
    expect((await otherGemeente({ url: `/api/v1/woningbouwimpuls/applications/${own.applications[0].id}` })).statusCode).toBe(404);
    expect((await provincie({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}` })).statusCode).toBe(403);
  });

  it('the ministry ranks only after the window has closed (001 § Afspraak 19.2 Beoordeling: "na het sluiten van het aanvraagtijdvak")', async () => {
    const early = await ministerie({ method: 'POST', url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/allocation` });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].code).toBe('window_open');
  });

  it('after the window closes a gemeente can no longer file or change (403)', async () => {
    TODAY = '2027-03-01';
    const own = (await gemeente({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}` })).json();
    const late = await gemeente({
      method: 'PUT',
      url: `/api/v1/woningbouwimpuls/applications/${own.applications[0].id}`,
      payload: { ...application(projectIds[0]!, 1), projectId: undefined, version: 1 },
    });
    expect(late.statusCode).toBe(403);
    expect(late.json().detail).toContain('gesloten');
  });
});

describe('Scores, ranking, allocation and the decision list (001 § Afspraak 19.2 Beoordeling)', () => {
  it('the ministry enters scores; a gemeente may not', async () => {
    const apps = (await ministerie({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}` })).json().applications as Array<{
      id: string;
      projectName: string;
    }>;
    expect(
      (
        await gemeente({
          method: 'PUT',
          url: `/api/v1/woningbouwimpuls/applications/${apps[0]!.id}/scores`,
          payload: { version: 0, noodzaak: 1, effectiviteit: 1, efficientie: 1, urgentie: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const scores: Record<string, number[]> = { 'Zuidas Oost': [9, 8, 7, 8], Havenkwartier: [6, 6, 6, 6], 'Spoorzone Noord': [8, 8, 8, 8] };
    for (const a of apps) {
      const [noodzaak, effectiviteit, efficientie, urgentie] = scores[a.projectName]!;
      const res = await ministerie({
        method: 'PUT',
        url: `/api/v1/woningbouwimpuls/applications/${a.id}/scores`,
        payload: { version: 0, noodzaak, effectiviteit, efficientie, urgentie },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const wrong = await ministerie({
      method: 'PUT',
      url: `/api/v1/woningbouwimpuls/applications/${apps[0]!.id}/scores`,
      payload: { version: 1, noodzaak: 11, effectiviteit: 1, efficientie: 1, urgentie: 1 },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('noodzaak');
  });

  it('ranks (tie on 8.0 broken by Noodzaak), allocates until the €20m is spent with a partial last award, and writes the decision list', async () => {
    const res = await ministerie({ method: 'POST', url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/allocation` });
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.json().lines as Array<{ projectName: string; rank: number; outcome: string; awardedEuros: number; tieBrokenBy: string | null }>;
    expect(lines.map((l) => [l.projectName, l.rank, l.outcome, l.awardedEuros, l.tieBrokenBy])).toEqual([
      ['Zuidas Oost', 1, 'toegekend', 6_000_000, 'noodzaak'],
      ['Spoorzone Noord', 2, 'toegekend', 8_000_000, 'noodzaak'],
      ['Havenkwartier', 3, 'gedeeltelijk_toegekend', 6_000_000, null],
    ]);
    const csv = await ministerie({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/decision-list?format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toMatch(/^Rang;Gemeente;Project;Totaalscore;Noodzaak/);
    expect(rows[1]).toContain('Zuidas Oost');
    expect(rows[1]).toContain(';6000000;');
    expect(rows[3]).toContain('Gedeeltelijk toegekend');
    const xlsx = await ministerie({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/decision-list?format=xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Besluitenlijst')!.getRow(2).getCell(3).value).toBe('Zuidas Oost');
    expect((await gemeente({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}/decision-list` })).statusCode).toBe(403);
    // The gemeente sees its outcome on its applications.
    const own = (await gemeente({ url: `/api/v1/woningbouwimpuls/tranches/${trancheId}` })).json().applications as Array<{ outcome: string }>;
    expect(own.map((a) => a.outcome).sort()).toEqual(['gedeeltelijk_toegekend', 'toegekend', 'toegekend']);
  });

  it('every change is in the audit trail', async () => {
    const rows = await t.db.query<{ entity_type: string; n: number }>(
      `SELECT entity_type, count(*)::int AS n FROM audit_log WHERE entity_type LIKE 'wbi_%' GROUP BY entity_type ORDER BY entity_type`,
    );
    expect(rows).toEqual([
      { entity_type: 'wbi_aanvraag', n: 4 },
      { entity_type: 'wbi_scores', n: 3 },
      { entity_type: 'wbi_tranche', n: 2 },
    ]);
  });
});

describe('Gebiedsbudget requests (001 § Afspraak 19.3)', () => {
  it('a request above 50% of the investment is capped; the ministry awards within the cap; the running total counts it', async () => {
    const areas = (await gemeente({ url: '/api/v1/gebiedsbudget/areas' })).json().items as Array<{ code: string }>;
    expect(areas.map((a) => a.code)).toContain('haven-stad');
    const res = await gemeente({
      method: 'POST',
      url: '/api/v1/gebiedsbudget/requests',
      payload: {
        areaCode: 'haven-stad',
        title: 'Parken Haven-Stad',
        homes: 9000,
        affordableHomes: 6000,
        lastHomesYear: 2034,
        homesBefore2030: 3000,
        parallelPlannen: true,
        versnellingstafelWithPpm: true,
        openBooks: true,
        positiveMkba: true,
        measures: ['openbare_ruimte'],
        totalInvestmentEuros: 100_000_000,
        regionReservedEuros: 60_000_000,
        requestedEuros: 70_000_000,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().eligibility).toMatchObject({ eligible: true, cappedEuros: 50_000_000, capped: true });
    const over = await ministerie({
      method: 'PUT',
      url: `/api/v1/gebiedsbudget/requests/${res.json().id}/decision`,
      payload: { version: 1, status: 'toegekend', awardedEuros: 60_000_000 },
    });
    expect(over.statusCode).toBe(422);
    const ok = await ministerie({
      method: 'PUT',
      url: `/api/v1/gebiedsbudget/requests/${res.json().id}/decision`,
      payload: { version: 1, status: 'toegekend', awardedEuros: null },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().awardedEuros).toBe(50_000_000);
    const list = (await ministerie({ url: '/api/v1/gebiedsbudget/requests' })).json();
    expect(list.totals).toMatchObject({ ceilingEuros: 900_000_000, awardedEuros: 50_000_000, remainingEuros: 850_000_000 });
    expect((await otherGemeente({ url: '/api/v1/gebiedsbudget/requests' })).json().items).toEqual([]);
  });
});
