/**
 * Loads the real reference data shipped in `data/reference/` (see its README for provenance):
 * provinces, gemeenten with boundaries, CBS 81955NED production figures, the herindelingen 2012–2025,
 * housing and special targets (SPEC §3) and the example regions.
 * Idempotent: running it again updates rows in place, in one transaction; example regions only when missing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Db } from './db.ts';
import { insertRows } from './batch.ts';
import { REPO_ROOT } from '../paths.ts';

export const REFERENCE_DIR = join(REPO_ROOT, 'data', 'reference');

interface GeoFeature {
  id?: string;
  properties: Record<string, string>;
  geometry: unknown;
}

/** The rows of a CSV file with a header line; every column named in `columns` must be in that header. */
function readCsv<C extends string>(file: string, columns: readonly C[]): Array<Record<C, string>> {
  const parsed = Papa.parse<Record<C, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  const [error] = parsed.errors;
  if (error) throw new Error(`${file}: ${error.message} (row ${error.row})`);
  // A row with too few fields is an error above, so every row has every column of the header.
  const missing = columns.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length > 0) throw new Error(`${file}: no column ${missing.join(', ')}`);
  return parsed.data;
}

function readFeatures(file: string): GeoFeature[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { features: GeoFeature[] }).features;
}

const TARGET_LEVEL: Record<string, string> = { nation: 'nation', province: 'provincie', woondeal_region: 'woondeal_region', gemeente: 'gemeente' };

/** A UUID-shaped id derived from a text, so reloading reference data keeps ids stable. */
function stableUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const intOrNull = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

export interface ReferenceCounts {
  provincies: number;
  gemeenten: number;
  cbsRows: number;
  regions: number;
  targets: number;
  herindelingen: number;
  specialTargets: number;
}

export async function loadReferenceData(db: Db, dir = REFERENCE_DIR, log: (line: string) => void = () => undefined): Promise<ReferenceCounts> {
  const provinces = readFeatures(join(dir, 'provincies_2025.geojson'));
  const gemeenteShapes = new Map(readFeatures(join(dir, 'gemeenten_2025.geojson')).map((f) => [f.properties.gemeente_code, f.geometry]));
  const gemeenten = readCsv(join(dir, 'gemeenten_2025.csv'), ['gemeente_code', 'gemeente_name', 'province_code', 'corop_code', 'corop_name']);
  const cbsColumns = [
    'begin_stock',
    'new_construction',
    'other_additions',
    'demolition',
    'other_withdrawals',
    'correction',
    'net_change',
    'end_stock',
  ] as const;
  const cbs = readCsv(join(dir, 'cbs_81955ned_dwelling_stock_mutations_gemeente_2012_2020.csv'), [
    'gemeente_code',
    'year',
    'code_in_2025_list',
    ...cbsColumns,
  ]);
  const targets = readCsv(join(dir, 'housing_targets_2022_2030_reported.csv'), [
    'geography_level',
    'geography_code',
    'geography_name',
    'period_start',
    'period_end',
    'target_homes',
    'target_type',
    'source_url',
    'source_quote_nl',
    'source_ref',
  ]);
  const herindelingen = readCsv(join(dir, 'herindelingen_2012_2025.csv'), [
    'gemeente_code',
    'gemeente_name',
    'year',
    'effective_date',
    'event',
    'successor_code',
    'successor_name',
    'weight',
    'weight_basis',
    'verification',
  ]);
  const specialTargets = readCsv(join(dir, 'special_targets.csv'), [
    'metric',
    'unit',
    'geography_level',
    'geography_code',
    'geography_name',
    'period_start',
    'period_end',
    'target_homes',
    'target_share',
    'target_type',
    'source_ref',
    'source_url',
    'source_quote_nl',
    'note',
  ]);
  const regions = (
    JSON.parse(readFileSync(join(dir, 'example-regions.json'), 'utf8')) as {
      regions: Array<{ id: string; kind: string; name: string; gemeenteCodes: string[] }>;
    }
  ).regions;

  await db.transaction(async (tx) => {
    await insertRows(
      tx,
      'provincies',
      ['code', 'name', 'geometry'],
      provinces.map((f) => [f.properties.province_code, f.properties.province_name, JSON.stringify(f.geometry)]),
      { suffix: 'ON CONFLICT (code) DO UPDATE SET name = excluded.name, geometry = excluded.geometry' },
    );
    log(`provincies: ${provinces.length}`);
    await insertRows(
      tx,
      'gemeenten',
      ['code', 'name', 'provincie_code', 'corop_code', 'corop_name', 'geometry'],
      gemeenten.map((g) => [
        g.gemeente_code,
        g.gemeente_name,
        g.province_code,
        g.corop_code,
        g.corop_name,
        gemeenteShapes.has(g.gemeente_code) ? JSON.stringify(gemeenteShapes.get(g.gemeente_code)) : null,
      ]),
      {
        suffix: `ON CONFLICT (code) DO UPDATE SET name = excluded.name, provincie_code = excluded.provincie_code,
          corop_code = excluded.corop_code, corop_name = excluded.corop_name, geometry = excluded.geometry`,
      },
    );
    log(`gemeenten: ${gemeenten.length}`);
    // Every gemeente is an organisation too (bevoegd gezag of its projects), with a stable id.
    await insertRows(
      tx,
      'organisations',
      ['id', 'name', 'type', 'gemeente_code', 'synthetic'],
      gemeenten.map((g) => [gemeenteOrganisationId(g.gemeente_code), `Gemeente ${g.gemeente_name}`, 'gemeente', g.gemeente_code, false]),
      { suffix: 'ON CONFLICT (id) DO UPDATE SET name = excluded.name' },
    );
    await insertRows(
      tx,
      'cbs_woningvoorraad',
      ['gemeente_code', 'year', 'code_in_2025_list', ...cbsColumns],
      cbs.map((r) => [r.gemeente_code, Number(r.year), r.code_in_2025_list === 'true', ...cbsColumns.map((c) => intOrNull(r[c]))]),
      { suffix: `ON CONFLICT (gemeente_code, year) DO UPDATE SET ${cbsColumns.map((c) => `${c} = excluded.${c}`).join(', ')}` },
    );
    log(`CBS 81955NED rows: ${cbs.length}`);
    // Example regions are inserted only when missing: a region that exists (perhaps changed by an administrator
    // in the application: name, gemeenten, members) is never overwritten by a reference load (issue 11 item 1).
    for (const region of regions) {
      const inserted = await tx.query(
        `INSERT INTO regions (id, kind, name, is_example) VALUES ($1, $2, $3, true) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [region.id, region.kind, region.name],
      );
      if (inserted.length === 0) continue;
      const rows = region.gemeenteCodes.map((c) => [region.id, c]);
      await insertRows(tx, 'region_gemeenten', ['region_id', 'gemeente_code'], rows);
      await insertRows(tx, 'region_gemeente_periods', ['region_id', 'gemeente_code'], rows);
    }
    log(`example regions: ${regions.length}`);
    const seen = new Set<string>();
    await insertRows(
      tx,
      'targets',
      [
        'id',
        'geo_level',
        'geo_code',
        'geo_name',
        'period_start',
        'period_end',
        'homes',
        'kind',
        'source_url',
        'source_quote',
        'source_ref',
        'preferred',
      ],
      targets.map((t) => {
        const level = TARGET_LEVEL[t.geography_level];
        if (!level) throw new Error(`housing targets: unknown geography_level '${t.geography_level}'`);
        // The first row for a geography and period is the preferred one (the file lists the agreement first).
        const key = `${level}/${t.geography_code || t.geography_name}/${t.period_start}-${t.period_end}`;
        const preferred = !seen.has(key);
        seen.add(key);
        return [
          stableUuid(`${key}/${t.target_homes}/${t.target_type}`),
          level,
          t.geography_code || null,
          t.geography_name,
          Number(t.period_start),
          Number(t.period_end),
          Number(t.target_homes),
          t.target_type,
          t.source_url || null,
          t.source_quote_nl || null,
          // A government document by its title and date where there is no web address of it (never a news site).
          t.source_ref || null,
          preferred,
        ];
      }),
      {
        suffix: `ON CONFLICT (id) DO UPDATE SET geo_name = excluded.geo_name, kind = excluded.kind, source_url = excluded.source_url,
          source_quote = excluded.source_quote, source_ref = excluded.source_ref, preferred = excluded.preferred`,
      },
    );
    log(`targets: ${targets.length}`);
    await insertRows(
      tx,
      'herindelingen',
      [
        'gemeente_code',
        'gemeente_name',
        'year',
        'effective_date',
        'event',
        'successor_code',
        'successor_name',
        'weight',
        'weight_basis',
        'verification',
      ],
      herindelingen.map((h) => [
        h.gemeente_code,
        h.gemeente_name,
        Number(h.year),
        h.effective_date,
        h.event,
        h.successor_code,
        h.successor_name,
        Number(h.weight),
        h.weight_basis,
        h.verification,
      ]),
      {
        casts: { effective_date: 'date' },
        suffix: `ON CONFLICT (gemeente_code, successor_code) DO UPDATE SET gemeente_name = excluded.gemeente_name, year = excluded.year,
          effective_date = excluded.effective_date, event = excluded.event, successor_name = excluded.successor_name, weight = excluded.weight,
          weight_basis = excluded.weight_basis, verification = excluded.verification`,
      },
    );
    log(`herindelingen: ${herindelingen.length}`);
    // Special targets of SPEC §3 (special_targets.csv): national figures with their seed reference.
    await insertRows(
      tx,
      'targets',
      [
        'id',
        'metric',
        'unit',
        'geo_level',
        'geo_code',
        'geo_name',
        'period_start',
        'period_end',
        'homes',
        'share',
        'kind',
        'source_url',
        'source_quote',
        'source_ref',
        'note',
        'preferred',
      ],
      specialTargets.map((t) => {
        const level = TARGET_LEVEL[t.geography_level];
        if (!level) throw new Error(`special targets: unknown geography_level '${t.geography_level}'`);
        return [
          stableUuid(`special/${t.metric}/${level}/${t.geography_code || t.geography_name}/${t.period_start}-${t.period_end}`),
          t.metric,
          t.unit,
          level,
          t.geography_code || null,
          t.geography_name,
          Number(t.period_start),
          Number(t.period_end),
          intOrNull(t.target_homes),
          t.target_share === '' ? null : Number(t.target_share),
          t.target_type,
          t.source_url || null,
          t.source_quote_nl || null,
          t.source_ref || null,
          t.note || null,
          true,
        ];
      }),
      {
        suffix: `ON CONFLICT (id) DO UPDATE SET metric = excluded.metric, unit = excluded.unit, homes = excluded.homes, share = excluded.share,
          geo_name = excluded.geo_name, kind = excluded.kind, source_url = excluded.source_url, source_quote = excluded.source_quote,
          source_ref = excluded.source_ref, note = excluded.note`,
      },
    );
    log(`special targets: ${specialTargets.length}`);
  });
  return {
    provincies: provinces.length,
    gemeenten: gemeenten.length,
    cbsRows: cbs.length,
    regions: regions.length,
    targets: targets.length,
    herindelingen: herindelingen.length,
    specialTargets: specialTargets.length,
  };
}
