/**
 * Reading a CBS StatLine TypedDataSet file of the dwelling-stock tables (issue 13 item 2; SPEC §2 "Geography"):
 * 81955NED "Voorraad woningen; standen en mutaties" (2012–2024) and its successor 86098NED "Levensloop van
 * woningen en niet-woningen". The layout is what CBS open data delivers as CSV: `;`-separated, optionally quoted,
 * columns `ID;Gebruiksfunctie;RegioS;Perioden;<measure>_<n>;…`, region codes padded (`"GM0003    "`, `NL01`,
 * `PV20`) and period codes `2012JJ00` (year), `2021KW01` (quarter) or `2021MM01` (month). Pure: the caller reads
 * the file and stores the result.
 *
 * Measures are found by their name without the `_<n>` suffix, because the number differs between tables
 * (81955NED `Nieuwbouw_2`, 86098NED `NieuwbouwTotaal_6`). A file without a new-construction column is refused.
 *
 * Periods *(design)*: the monitor keeps CBS figures per year. A year row (`JJ00`) is used as it is; a year that the
 * file has only as quarters or months is summed when it is complete (4 quarters or 12 months: flows summed, begin
 * stock of the first period, end stock of the last); an incomplete year is not stored and is reported, so a partial
 * year never shows as a drop in production.
 */

/** The dwelling category (woningen) of Gebruiksfunctie; other categories (niet-woningen) are skipped. */
export const CBS_WONINGEN = 'A045364';

export const CBS_MEASURES = [
  'begin_stock',
  'new_construction',
  'other_additions',
  'demolition',
  'other_withdrawals',
  'correction',
  'net_change',
  'end_stock',
] as const;
export type CbsMeasure = (typeof CBS_MEASURES)[number];

/** CBS measure names (without the `_<n>` suffix) per field, in order of preference. */
const MEASURE_NAMES: Record<CbsMeasure, readonly string[]> = {
  begin_stock: ['BeginstandVoorraad'],
  new_construction: ['Nieuwbouw', 'NieuwbouwTotaal'],
  other_additions: ['OverigeToevoeging', 'OverigeToevoegingTotaal'],
  demolition: ['Sloop', 'SloopTotaal'],
  other_withdrawals: ['OverigeOnttrekking', 'OverigeOnttrekkingTotaal'],
  correction: ['Correctie'],
  net_change: ['SaldoVoorraad'],
  end_stock: ['EindstandVoorraad'],
};
const FLOW_MEASURES: readonly CbsMeasure[] = CBS_MEASURES.filter((m) => m !== 'begin_stock' && m !== 'end_stock');

export interface CbsRowError {
  /** Line in the file (1 = header). */
  line: number;
  column: string;
  message: string;
}

/** One gemeente and year as stored (the classification of that year). */
export interface CbsGemeenteYear {
  gemeenteCode: string;
  year: number;
  values: Record<CbsMeasure, number | null>;
  /** The CBS row id (ID); for a year summed from periods, the ids joined with '+'. */
  rowId: string;
  /** Where the year came from: a year row or the sum of its quarters or months. */
  basis: 'jaar' | 'kwartalen' | 'maanden';
}

export interface CbsTotalCheck {
  region: string;
  year: number;
  /** New construction as the file gives it for the region (NL01 or a PV row). */
  reported: number;
  /** Sum of the gemeente rows belonging to it. */
  summed: number;
  difference: number;
}

export interface CbsParseResult {
  table: '81955NED' | '86098NED' | 'onbekend';
  /** The file's column per measure (absent measures are not in the map). */
  columns: Partial<Record<CbsMeasure, string>>;
  ignoredColumns: string[];
  rowsRead: number;
  rows: CbsGemeenteYear[];
  errors: CbsRowError[];
  /** Rows left out on purpose: another Gebruiksfunctie, incomplete years. */
  skipped: Array<{ reason: string; count: number }>;
  /** NL01 and PV rows against the sum of the gemeenten (only reported). */
  checks: CbsTotalCheck[];
  years: number[];
}

/** Split a `;`-separated text into rows of fields, honouring double quotes ("" inside quotes is a quote). */
export function splitDelimited(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

const PERIOD = /^(\d{4})(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))$/;

/** A CBS number: plain integer, possibly with a decimal point; '' or '.' (CBS "no figure") is null. */
function parseNumber(raw: string): number | null | undefined {
  const v = raw.trim();
  if (v === '' || v === '.' || v === '-') return null;
  if (!/^-?\d+(\.\d+)?$/.test(v)) return undefined;
  return Number(v);
}

interface Options {
  /** Codes a gemeente code must resolve to (current gemeenten or a code with a known herindeling); others are errors. */
  knownGemeente: (code: string) => boolean;
  /** The provincie (PV…) a gemeente code of any year belongs to, for the PV check; undefined skips that row's check. */
  provincieOf?: (code: string) => string | undefined;
}

/**
 * Parse a TypedDataSet CSV text. Nothing is thrown for bad rows: every problem is in `errors` with its line and
 * column, and the caller stores nothing when there is one. A file without a RegioS, Perioden or new-construction
 * column throws (it is not this table).
 */
export function parseCbsTypedDataSet(text: string, options: Options): CbsParseResult {
  const [header, ...body] = splitDelimited(text);
  if (!header) throw new Error('Het bestand is leeg.');
  const names = header.map((h) => h.trim());
  const idx = (name: string) => names.indexOf(name);
  const regioCol = idx('RegioS');
  const periodCol = idx('Perioden');
  const functieCol = idx('Gebruiksfunctie');
  const idCol = idx('ID');
  if (regioCol < 0 || periodCol < 0) {
    throw new Error(`Dit is geen CBS-tabel in TypedDataSet-vorm: de kolommen RegioS en Perioden ontbreken (kolommen: ${names.join(', ')}).`);
  }
  const columns: Partial<Record<CbsMeasure, string>> = {};
  const measureIdx = new Map<CbsMeasure, number>();
  const bare = names.map((n) => n.replace(/_\d+$/, ''));
  for (const m of CBS_MEASURES) {
    for (const candidate of MEASURE_NAMES[m]) {
      const i = bare.indexOf(candidate);
      if (i >= 0) {
        columns[m] = names[i]!;
        measureIdx.set(m, i);
        break;
      }
    }
  }
  if (!measureIdx.has('new_construction')) {
    throw new Error(
      `Geen kolom met nieuwbouw gevonden (verwacht een kolom die begint met Nieuwbouw, zoals Nieuwbouw_2 in 81955NED of NieuwbouwTotaal_6 in 86098NED). Kolommen in het bestand: ${names.join(', ')}.`,
    );
  }
  const used = new Set([regioCol, periodCol, functieCol, idCol, ...measureIdx.values()]);
  const ignoredColumns = names.filter((_, i) => !used.has(i));
  const table =
    columns.new_construction === 'Nieuwbouw_2' ? '81955NED' : columns.new_construction?.startsWith('NieuwbouwTotaal') ? '86098NED' : 'onbekend';

  const errors: CbsRowError[] = [];
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  type PeriodRow = { region: string; year: number; kind: 'JJ' | 'KW' | 'MM'; sub: number; values: Record<CbsMeasure, number | null>; rowId: string };
  const periodRows: PeriodRow[] = [];
  const seen = new Map<string, number>();

  body.forEach((fields, i) => {
    const line = i + 2;
    if (fields.length !== names.length) {
      errors.push({ line, column: '-', message: `${fields.length} velden in plaats van ${names.length}` });
      return;
    }
    if (functieCol >= 0) {
      const f = fields[functieCol]!.trim();
      if (f !== CBS_WONINGEN) {
        skip(`Gebruiksfunctie ${f || '(leeg)'} (alleen woningen, ${CBS_WONINGEN}, telt)`);
        return;
      }
    }
    const region = fields[regioCol]!.trim();
    const period = fields[periodCol]!.trim();
    const pm = PERIOD.exec(period);
    if (!pm) {
      errors.push({
        line,
        column: names[periodCol]!,
        message: `onbekende periode '${period}' (verwacht bijvoorbeeld 2021JJ00, 2021KW01 of 2021MM01)`,
      });
      return;
    }
    if (!/^(GM\d{4}|NL01|PV\d{2})$/.test(region)) {
      // Other regional levels CBS offers (COROP, landsdelen, …) are not stored.
      if (/^(CR|LD|WK|BU)\d+/.test(region)) skip('regio die geen gemeente, provincie of Nederland is');
      else errors.push({ line, column: names[regioCol]!, message: `onbekende regiocode '${region}'` });
      return;
    }
    if (region.startsWith('GM') && !options.knownGemeente(region)) {
      errors.push({
        line,
        column: names[regioCol]!,
        message: `gemeentecode ${region} is geen gemeente van nu en er is geen herindeling voor bekend; laad eerst de nieuwe gemeentelijke indeling`,
      });
      return;
    }
    const values = {} as Record<CbsMeasure, number | null>;
    let bad = false;
    for (const m of CBS_MEASURES) {
      const col = measureIdx.get(m);
      if (col === undefined) {
        values[m] = null;
        continue;
      }
      const v = parseNumber(fields[col]!);
      if (v === undefined) {
        errors.push({ line, column: names[col]!, message: `'${fields[col]!.trim()}' is geen getal` });
        bad = true;
      } else values[m] = v;
    }
    if (bad) return;
    const key = `${region}/${period}`;
    if (seen.has(key)) {
      errors.push({ line, column: `${names[regioCol]}/${names[periodCol]}`, message: `${region} ${period} staat al op regel ${seen.get(key)}` });
      return;
    }
    seen.set(key, line);
    const kind = pm[2]!.slice(0, 2) as 'JJ' | 'KW' | 'MM';
    periodRows.push({ region, year: Number(pm[1]), kind, sub: Number(pm[2]!.slice(2)), values, rowId: idCol >= 0 ? fields[idCol]!.trim() : '' });
  });

  // Years: a JJ row wins; otherwise complete quarters, otherwise complete months.
  const byRegionYear = new Map<string, PeriodRow[]>();
  for (const r of periodRows) {
    const k = `${r.region}/${r.year}`;
    (byRegionYear.get(k) ?? byRegionYear.set(k, []).get(k)!).push(r);
  }
  const yearRows: Array<{ region: string; year: number; values: Record<CbsMeasure, number | null>; rowId: string; basis: CbsGemeenteYear['basis'] }> =
    [];
  for (const list of byRegionYear.values()) {
    const { region, year } = list[0]!;
    const jj = list.find((r) => r.kind === 'JJ');
    if (jj) {
      yearRows.push({ region, year, values: jj.values, rowId: jj.rowId, basis: 'jaar' });
      continue;
    }
    const quarters = list.filter((r) => r.kind === 'KW').sort((a, b) => a.sub - b.sub);
    const months = list.filter((r) => r.kind === 'MM').sort((a, b) => a.sub - b.sub);
    const parts = quarters.length === 4 ? quarters : months.length === 12 ? months : null;
    if (!parts) {
      skip(
        `onvolledig jaar ${year} (${quarters.length > 0 ? `${quarters.length} van 4 kwartalen` : `${months.length} van 12 maanden`}): niet opgeslagen`,
      );
      continue;
    }
    const values = {} as Record<CbsMeasure, number | null>;
    for (const m of FLOW_MEASURES) {
      const vs = parts.map((p) => p.values[m]);
      values[m] = vs.every((v) => v === null) ? null : vs.reduce<number>((s, v) => s + (v ?? 0), 0);
    }
    values.begin_stock = parts[0]!.values.begin_stock;
    values.end_stock = parts[parts.length - 1]!.values.end_stock;
    yearRows.push({ region, year, values, rowId: parts.map((p) => p.rowId).join('+'), basis: parts === quarters ? 'kwartalen' : 'maanden' });
  }

  const rows: CbsGemeenteYear[] = yearRows
    .filter((r) => r.region.startsWith('GM'))
    .map((r) => ({ gemeenteCode: r.region, year: r.year, values: r.values, rowId: r.rowId, basis: r.basis }))
    .sort((a, b) => a.year - b.year || a.gemeenteCode.localeCompare(b.gemeenteCode));

  // Checks: NL01 against all gemeenten, PV against its gemeenten.
  const sums = new Map<string, number>();
  for (const r of rows) {
    const v = r.values.new_construction;
    if (v === null) continue;
    sums.set(`NL01/${r.year}`, (sums.get(`NL01/${r.year}`) ?? 0) + v);
    const pv = options.provincieOf?.(r.gemeenteCode);
    if (pv) sums.set(`${pv}/${r.year}`, (sums.get(`${pv}/${r.year}`) ?? 0) + v);
  }
  const checks: CbsTotalCheck[] = yearRows
    .filter((r) => !r.region.startsWith('GM') && r.values.new_construction !== null)
    .filter((r) => r.region === 'NL01' || options.provincieOf !== undefined)
    .map((r) => {
      const summed = sums.get(`${r.region}/${r.year}`) ?? 0;
      const reported = r.values.new_construction!;
      return { region: r.region, year: r.year, reported, summed, difference: summed - reported };
    })
    .sort((a, b) => a.year - b.year || a.region.localeCompare(b.region));

  return {
    table,
    columns,
    ignoredColumns,
    rowsRead: body.length,
    rows,
    errors,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
    checks,
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
  };
}
