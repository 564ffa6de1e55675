/**
 * `wbm import cbs` (issue 13 item 2; SPEC §2 "Geography", §4.1 "CBS and BAG statistics are the basis"): a CBS
 * StatLine TypedDataSet file in the layout of the original 81955NED extract reproduces the shipped figures, and a
 * newer file (2021–2023, one gemeente merged in 2022) makes realisations, reconciliation and the national overview
 * run to 2023 with the herindelingen applied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { createServices, type Services } from './container.ts';

const t = useTestDb();
let services: Services;
const FIXTURE = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'cbs', 'cbs_woningvoorraad_gemeenten_2012-2020.csv');
const SHIPPED = join(import.meta.dirname, '..', '..', 'data', 'reference', 'cbs_81955ned_dwelling_stock_mutations_gemeente_2012_2020.csv');
const MEASURES = ['begin_stock', 'new_construction', 'other_additions', 'demolition', 'other_withdrawals', 'correction', 'net_change', 'end_stock'];
const HEADER =
  'ID;Gebruiksfunctie;RegioS;Perioden;BeginstandVoorraad_1;Nieuwbouw_2;OverigeToevoeging_3;Sloop_4;OverigeOnttrekking_5;Correctie_6;SaldoVoorraad_7;EindstandVoorraad_8';

beforeAll(() => {
  services = createServices(t.db);
});

async function stored(): Promise<Array<Record<string, unknown>>> {
  return t.db.query(`SELECT gemeente_code, year, code_in_2025_list, ${MEASURES.join(', ')} FROM cbs_woningvoorraad ORDER BY gemeente_code, year`);
}

describe('CBS TypedDataSet import of the original 81955NED extract (issue 13 item 2, data/README cbs_81955ned)', () => {
  it('reproduces the national totals 48,668 … 69,985 and every gemeente row of the shipped CSV', async () => {
    const shipped = await stored();
    await t.db.query('DELETE FROM cbs_woningvoorraad');
    const dry = await services.cbsImport.importText(readFileSync(FIXTURE, 'utf8'), { file: 'extract.csv', actorName: 'test', dryRun: true });
    expect(dry).toMatchObject({ written: false, rowsRead: 3933, gemeenteRows: 3933, table: '81955NED', errors: [] });
    expect(await stored()).toHaveLength(0); // --dry-run writes nothing

    const summary = await services.cbsImport.importText(readFileSync(FIXTURE, 'utf8'), { file: 'extract.csv', actorName: 'test' });
    expect(summary.written).toBe(true);
    expect(summary.years).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(summary.totals.map((x) => x.newConstruction)).toEqual([48668, 49311, 45170, 48381, 54849, 62982, 66585, 71548, 69985]);
    expect(summary).toMatchObject({ added: 3933, changed: 0 });
    // Row for row what `wbm reference load` makes of the normalised CSV.
    expect(await stored()).toEqual(shipped);
    const csv = Papa.parse<Record<string, string>>(readFileSync(SHIPPED, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(shipped).toHaveLength(csv.length);
    const [log] = await t.db.query<{ kind: string; summary: { gemeenteRows: number } }>(`SELECT kind, summary FROM reference_imports WHERE id = $1`, [
      summary.importId,
    ]);
    expect(log).toMatchObject({ kind: 'cbs', summary: { gemeenteRows: 3933 } });
    const audit = await t.db.query(`SELECT via, action FROM audit_log WHERE entity_type = 'cbs_import' AND entity_id = $1`, [summary.importId]);
    expect(audit).toEqual([{ via: 'import', action: 'import' }]);

    // Importing it again changes nothing.
    const again = await services.cbsImport.importText(readFileSync(FIXTURE, 'utf8'), { file: 'extract.csv', actorName: 'test' });
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 3933 });
    expect(await stored()).toEqual(shipped);
  });

  it('refuses a file with text in a number column or an unknown gemeente, naming line and column, and writes nothing', async () => {
    const before = await stored();
    const text = [
      HEADER,
      '1;A045364;GM0363;2021JJ00;449989;4.000x;1;1;1;0;1;449990',
      '2;A045364;GM9999;2021JJ00;1;1;1;1;1;0;1;2',
      '3;A045364;GM0344;2021JJ00;1;1;1;1;1;0;1;2',
    ].join('\n');
    const summary = await services.cbsImport.importText(text, { file: 'fout.csv', actorName: 'test' });
    expect(summary.written).toBe(false);
    expect(summary.errors).toEqual([
      { line: 2, column: 'Nieuwbouw_2', message: "'4.000x' is geen getal" },
      expect.objectContaining({ line: 3, column: 'RegioS', message: expect.stringContaining('GM9999') }),
    ]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a file without a new-construction column with a message that names the columns it has', async () => {
    await expect(
      services.cbsImport.importText('ID;Gebruiksfunctie;RegioS;Perioden;BeginstandVoorraad_1;Sloop_4\n1;A045364;GM0363;2021JJ00;1;1\n', {
        file: 'x.csv',
        actorName: 'test',
      }),
    ).rejects.toThrow(/Geen kolom met nieuwbouw.*BeginstandVoorraad_1, Sloop_4/);
  });
});

describe('a newer CBS file (2021–2023) runs realisations, reconciliation and the national overview to 2023 (issue 13 item 2, SPEC §2)', () => {
  // Beemster (GM0370) exists in 2021 and merged into Purmerend (GM0439) on 2022-01-01; Amsterdam (GM0363) all years.
  // 2023 for Purmerend comes as four quarters in the successor table's layout (NieuwbouwTotaal_6), codes padded and quoted.
  const y2021 = [
    HEADER,
    '"1";"A045364";"GM0370    ";"2021JJ00";"4200";"40";"1";"0";"0";"0";"41";"4241"',
    '"2";"A045364";"GM0439    ";"2021JJ00";"37000";"300";"0";"0";"0";"0";"300";"37300"',
    '"3";"A045364";"GM0363    ";"2021JJ00";"449989";"5000";"0";"0";"0";"0";"5000";"454989"',
    '"4";"A045364";"GM0363    ";"2022JJ00";"454989";"6000";"0";"0";"0";"0";"6000";"460989"',
    '"5";"A045364";"GM0439    ";"2022JJ00";"41541";"500";"0";"0";"0";"0";"500";"42041"',
    '"6";"A045364";"NL01      ";"2021JJ00";"8000000";"5340";"0";"0";"0";"0";"5340";"8005340"',
    '"7";"A045364";"NL01      ";"2022JJ00";"8005341";"6400";"0";"0";"0";"0";"6400";"8011741"',
    '"8";"A045364";"GM0363    ";"2023JJ00";"460989";"7000";"0";"0";"0";"0";"7000";"467989"',
    '"9";"A045365";"GM0363    ";"2023JJ00";"1";"1";"0";"0";"0";"0";"1";"2"',
  ].join('\r\n');
  const y2023 = [
    'ID;Gebruiksfunctie;RegioS;Perioden;BeginstandVoorraad_1;NieuwbouwTotaal_6;ToevoegingenTotaal_13;EindstandVoorraad_9',
    '10;A045364;"GM0439    ";2023KW01;42041;100;5;42146',
    '11;A045364;"GM0439    ";2023KW02;42146;110;5;42261',
    '12;A045364;"GM0439    ";2023KW03;42261;120;5;42386',
    '13;A045364;"GM0439    ";2023KW04;42386;130;5;42521',
    '14;A045364;"GM0344    ";2023KW01;1;10;0;11',
  ].join('\n');

  beforeAll(async () => {
    const a = await services.cbsImport.importText(y2021, { file: 'cbs-2021-2022.csv', actorName: 'test' });
    expect(a.errors).toEqual([]);
    const b = await services.cbsImport.importText(y2023, { file: 'cbs-86098-2023.csv', actorName: 'test' });
    expect(b.errors).toEqual([]);
    // A project in Purmerend completed 2023 (M12 actual), so the monitor has opleveringen that year.
    await services.projects.create(
      {
        name: 'Purmerend Oost',
        gemeenteCode: 'GM0439',
        planStatus: 'onherroepelijk',
        programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 80 }],
        milestones: [{ code: 'M12', baselineDate: '2023-05-01', forecastDate: '2023-05-01', actualDate: '2023-05-01' }],
      },
      ADMIN_ACTOR,
    );
  });

  it('reports what it skipped, the NL01 check and the table, and sums four quarters into a year', async () => {
    const again = await services.cbsImport.importText(y2021, { file: 'cbs-2021-2022.csv', actorName: 'test', dryRun: true });
    expect(again.skipped).toEqual([{ reason: expect.stringContaining('Gebruiksfunctie A045365'), count: 1 }]);
    // 2022: Amsterdam 6000 + Purmerend 500 = 6500 against NL01 6400 (this file has only a few gemeenten).
    expect(again.differences).toContainEqual({ region: 'NL01', year: 2022, reported: 6400, summed: 6500, difference: 100 });
    expect(again.differences.find((d) => d.year === 2021)).toBeUndefined(); // 40 + 300 + 5000 = 5340
    const quarters = await services.cbsImport.importText(y2023, { file: 'q.csv', actorName: 'test', dryRun: true });
    expect(quarters.table).toBe('86098NED');
    expect(quarters.skipped).toEqual([{ reason: expect.stringContaining('onvolledig jaar 2023 (1 van 4 kwartalen)'), count: 1 }]);
    const [row] = await t.db.query(
      `SELECT new_construction, begin_stock, end_stock, source_table FROM cbs_woningvoorraad WHERE gemeente_code = 'GM0439' AND year = 2023`,
    );
    expect(row).toEqual({ new_construction: 460, begin_stock: 42041, end_stock: 42521, source_table: '86098NED' });
  });

  it('realisations run to 2023, with Beemster 2021 counted in Purmerend', async () => {
    const r = await services.realisations.realisations({ area: 'gemeente:GM0439' }, ADMIN);
    expect(r.rows.filter((x) => x.year >= 2021).map((x) => [x.year, x.value])).toEqual([
      [2021, 340],
      [2022, 500],
      [2023, 460],
    ]);
    expect(
      r.rows
        .find((x) => x.year === 2021)
        ?.from.map((f) => f.code)
        .sort(),
    ).toEqual(['GM0370', 'GM0439']);
    expect(r.national.at(-1)).toMatchObject({ year: 2023, cbsOriginal: 7460, cbsIndeling2025: 7460 });
    expect(r.source).toMatch(/2012–2023/);
  });

  it('reconciliation covers 2023 (the year the monitor records an oplevering)', async () => {
    const rec = await services.realisations.reconciliation({ area: 'gemeente:GM0439' }, ADMIN);
    expect(rec.years).toEqual([2023]);
    expect(rec.rows).toEqual([expect.objectContaining({ gemeenteCode: 'GM0439', year: 2023, monitor: 80, cbs: 460, difference: -380 })]);
  });

  it('the national overview shows CBS production up to 2023', async () => {
    const o = await services.national.overview({ asOf: '2026-12-01', runs: 50 }, ADMIN);
    const realised = o.production.years.filter((y) => y.realisedCbs !== null).map((y) => y.year);
    expect(Math.max(...realised)).toBe(2023);
    expect(o.production.years.find((y) => y.year === 2023)?.realisedCbs).toBe(7460);
  });
});
