/**
 * A synthetic planlijst in the shape provinces deliver (issue 13 part 1): semicolon CSV with Dutch numbers and RD New
 * coordinates, or the same rows as XLSX (a date cell for start bouw). For the import benchmark, the crash test and the
 * messy-file tests. Deterministic for a seed; the gemeenten are the 2025 list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { wgs84ToRd } from '../../src/domain/coordinates.ts';
import { Rng } from '../../src/domain/random.ts';

export const GENERATED_COLUMNS = [
  'Plan-id',
  'Plannaam',
  'Gemeente',
  'Planstatus',
  'Plantype',
  'Aantal woningen',
  'Sociale huur',
  'Middenhuur',
  'Vrije sector koop',
  'Grondgebonden',
  'Gestapeld',
  'OP202024',
  'Op202529',
  'Start bouw',
  'RD-X',
  'RD-Y',
] as const;

export interface GeneratedRow {
  id: string;
  name: string;
  gemeente: string;
  status: string;
  type: string;
  homes: number;
  social: number;
  middle: number;
  free: number;
  ground: number;
  stacked: number;
  period1: number;
  period2: number;
  startBouw: Date;
  x: number;
  y: number;
}

const STATUSES = ['1A Onherroepelijk', '1B onhr + uitwerkingsplicht', '2A Vastgesteld', '3 In voorbereiding', '4A Visie', '4B Optie', 'Onbekend'];
const TYPES = ['Verdichting', 'Uitleg', 'Transformatie', 'Herstructurering', 'Functieverandering Kantoren'];
const WORDS = ['Stationskwartier', 'Havenkwartier', 'De Weide', 'Noordrand', 'Centrumplan', 'Oostpolder', 'Kerkplein', 'Molenbuurt', 'Spoorzone'];

function gemeenten(): Array<{ name: string; lon: number; lat: number }> {
  const root = join(import.meta.dirname, '..', '..', 'data', 'reference');
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(root, 'gemeenten_2025.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  // A point near the middle of the country, moved per gemeente: the generator needs a point, not the right one.
  return rows.map((g, i) => ({ name: g.gemeente_name!, lon: 4.5 + ((i * 37) % 200) / 100, lat: 51.6 + ((i * 53) % 150) / 100 }));
}

/** `count` plan rows; `version` 2 changes every tenth plan's homes (a newer version of the same list). */
export function generatePlanRows(count: number, seed = 1, version = 1): GeneratedRow[] {
  const rng = new Rng(seed);
  const gs = gemeenten();
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const g = gs[rng.int(0, gs.length - 1)]!;
    let homes = rng.int(5, 600);
    if (version > 1 && i % 10 === 0) homes += 10;
    const social = Math.floor(homes * rng.uniform(0, 0.4));
    const middle = Math.floor(homes * rng.uniform(0, 0.2));
    const ground = Math.floor(homes * rng.uniform(0, 1));
    const period1 = Math.floor(homes * rng.uniform(0, 1));
    const rd = wgs84ToRd({ lon: g.lon + rng.uniform(-0.05, 0.05), lat: g.lat + rng.uniform(-0.05, 0.05) });
    rows.push({
      id: `PL-${String(i + 1).padStart(6, '0')}`,
      name: `${WORDS[i % WORDS.length]} ${i + 1}`,
      gemeente: g.name,
      status: STATUSES[rng.int(0, STATUSES.length - 1)]!,
      type: TYPES[rng.int(0, TYPES.length - 1)]!,
      homes,
      social,
      middle,
      free: homes - social - middle,
      ground,
      stacked: homes - ground,
      period1,
      period2: homes - period1,
      startBouw: new Date(Date.UTC(2026 + rng.int(0, 4), rng.int(0, 11), rng.int(1, 28))),
      x: Math.round(rd.x * 10) / 10,
      y: Math.round(rd.y * 10) / 10,
    });
  }
  return rows;
}

const dutch = (n: number) => n.toLocaleString('nl-NL', { useGrouping: true, maximumFractionDigits: 1 });
const dmy = (d: Date) => `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`;

function values(r: GeneratedRow): Array<string | number | Date> {
  return [
    r.id,
    r.name,
    r.gemeente,
    r.status,
    r.type,
    r.homes,
    r.social,
    r.middle,
    r.free,
    r.ground,
    r.stacked,
    r.period1,
    r.period2,
    r.startBouw,
    r.x,
    r.y,
  ];
}

/** Semicolon CSV with Dutch numbers (1.234 and 111924,4), d-m-yyyy dates and CRLF, as Excel saves it in the Netherlands. */
export function planRowsCsv(rows: readonly GeneratedRow[]): string {
  const lines = [GENERATED_COLUMNS.join(';')];
  for (const r of rows) {
    lines.push(
      values(r)
        .map((v) => (v instanceof Date ? dmy(v) : typeof v === 'number' ? dutch(v) : v.includes(';') ? `"${v}"` : v))
        .join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The same rows as an XLSX workbook (numbers as numbers, start bouw as a date cell). */
export async function planRowsXlsx(rows: readonly GeneratedRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plannen');
  ws.addRow([...GENERATED_COLUMNS]);
  for (const r of rows) ws.addRow(values(r));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same rows for a plain COPY (comma CSV, plain numbers, ISO dates). */
export function planRowsCopyCsv(rows: readonly GeneratedRow[]): string {
  return `${rows
    .map((r) =>
      values(r)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v)))
        .join(','),
    )
    .join('\n')}\n`;
}
