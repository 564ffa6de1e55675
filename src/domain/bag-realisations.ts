/**
 * Realisations from the building register (BAG) (issue 13 item 3; SPEC §4.1: "CBS en BAG statistieken zijn de basis";
 * BAG statuses usable for counting: verblijfsobject gevormd → in gebruik (niet ingemeten) / in gebruik; pand
 * bouwvergunning verleend, bouw gestart, pand in gebruik). Pure: reads the documented CSV layout, derives per
 * verblijfsobject when its home counts as started and as completed, counts them per gemeente and period, and links
 * objects to projects.
 *
 * Counting rules *(design)*:
 * - Only verblijfsobjecten with woonfunctie count (the woonfunctie of their latest status line).
 * - **Started**: the first date the object's pand has status "Bouw gestart" (SPEC §4.1 counting basis *start bouw*).
 * - **Completed**: the first date the verblijfsobject itself has status "Verblijfsobject in gebruik" or "… in gebruik
 *   (niet ingemeten)" (counting basis *realisatie*). A status set twice counts once, at its first date.
 * - An object whose latest verblijfsobject status is "Verblijfsobject ten onrechte opgevoerd" or "Niet gerealiseerd
 *   verblijfsobject", or whose pand is "Pand ten onrechte opgevoerd" / "Niet gerealiseerd pand", counts nowhere:
 *   also not as started, even when building had begun (withdrawn after start).
 * - Periods are calendar years and quarters of the status date (31 March is Q1, 1 April is Q2).
 */
import { rdToWgs84, type LonLat } from './coordinates.ts';

export const VBO_STATUSES = [
  'Verblijfsobject gevormd',
  'Verblijfsobject in gebruik',
  'Verblijfsobject in gebruik (niet ingemeten)',
  'Verblijfsobject buiten gebruik',
  'Verbouwing verblijfsobject',
  'Verblijfsobject ingetrokken',
  'Verblijfsobject ten onrechte opgevoerd',
  'Niet gerealiseerd verblijfsobject',
] as const;

export const PAND_STATUSES = [
  'Bouwvergunning verleend',
  'Bouw gestart',
  'Pand in gebruik',
  'Pand in gebruik (niet ingemeten)',
  'Verbouwing pand',
  'Sloopvergunning verleend',
  'Pand gesloopt',
  'Pand buiten gebruik',
  'Pand ten onrechte opgevoerd',
  'Niet gerealiseerd pand',
] as const;

const VBO_IN_USE = new Set(['Verblijfsobject in gebruik', 'Verblijfsobject in gebruik (niet ingemeten)']);
const VBO_VOID = new Set(['Verblijfsobject ten onrechte opgevoerd', 'Niet gerealiseerd verblijfsobject']);
const PAND_VOID = new Set(['Pand ten onrechte opgevoerd', 'Niet gerealiseerd pand']);

/** How far a BAG object may lie from a project's point to be linked to it by location *(design)*: 250 m. */
export const BAG_LINK_RADIUS_M = 250;

/** One line of the documented BAG CSV layout (README "BAG status import"). */
export interface BagStatusLine {
  verblijfsobjectId: string;
  pandId: string;
  gemeenteCode: string;
  woonfunctie: boolean;
  status: string;
  statusDate: string | null;
  pandStatus: string;
  pandStatusDate: string | null;
  /** RD New metres or WGS84 degrees as in the file; null when absent. */
  x: number | null;
  y: number | null;
}

export interface BagObject {
  id: string;
  pandId: string;
  gemeenteCode: string;
  woonfunctie: boolean;
  withdrawn: boolean;
  startedOn: string | null;
  completedOn: string | null;
  lon: number | null;
  lat: number | null;
}

export interface BagLineError {
  line: number;
  column: string;
  message: string;
}

export const BAG_COLUMNS = [
  'verblijfsobject_id',
  'pand_id',
  'gemeente_code',
  'woonfunctie',
  'status',
  'status_datum',
  'pand_status',
  'pand_status_datum',
  'x',
  'y',
] as const;

const canonical = (list: readonly string[]) => new Map(list.map((s) => [s.toLowerCase(), s]));
const VBO_BY_LOWER = canonical(VBO_STATUSES);
const PAND_BY_LOWER = canonical(PAND_STATUSES);

/** A date as YYYY-MM-DD from YYYY-MM-DD, YYYYMMDD or DD-MM-YYYY; undefined when it is not a real date. */
export function parseBagDate(raw: string): string | null | undefined {
  const v = raw.trim();
  if (v === '') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(v);
    if (!m) return undefined;
    [d, mo, y] = [m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'), m[3]];
  }
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

function parseWoonfunctie(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (['ja', 'j', 'true', '1', 'yes'].includes(v)) return true;
  if (['nee', 'n', 'false', '0', 'no', ''].includes(v)) return false;
  // A gebruiksdoel list as BAG gives it ("woonfunctie", "woonfunctie, winkelfunctie", "kantoorfunctie").
  if (/functie/.test(v)) return /woonfunctie/.test(v);
  return undefined;
}

/**
 * Parse the BAG CSV text (`;` or `,` separated, header with the BAG_COLUMNS; `gebruiksdoel` may stand for
 * `woonfunctie`; x/y and pand columns may be empty). Every bad line is an error with its line and column.
 */
export function parseBagCsv(
  rows: string[][],
  options: { knownGemeente: (code: string) => boolean },
): { lines: BagStatusLine[]; errors: BagLineError[]; rowsRead: number } {
  const [header, ...body] = rows;
  if (!header) throw new Error('Het bestand is leeg.');
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (name: string) => names.indexOf(name);
  const woonCol = col('woonfunctie') >= 0 ? col('woonfunctie') : col('gebruiksdoel');
  const required = ['verblijfsobject_id', 'gemeente_code', 'status', 'status_datum'];
  const missing = required.filter((c) => col(c) < 0);
  if (woonCol < 0) missing.push('woonfunctie (of gebruiksdoel)');
  if (missing.length > 0) throw new Error(`Kolommen ontbreken: ${missing.join(', ')} (kolommen in het bestand: ${header.join(', ')}).`);
  const get = (fields: string[], name: string) => (col(name) >= 0 ? (fields[col(name)] ?? '').trim() : '');
  const lines: BagStatusLine[] = [];
  const errors: BagLineError[] = [];
  body.forEach((fields, i) => {
    const line = i + 2;
    if (fields.every((f) => f.trim() === '')) return;
    const err = (column: string, message: string) => errors.push({ line, column, message });
    const before = errors.length;
    const id = get(fields, 'verblijfsobject_id');
    if (!/^\d{16}$/.test(id)) err('verblijfsobject_id', `'${id}' is geen BAG-id van 16 cijfers`);
    const pandId = get(fields, 'pand_id');
    if (pandId !== '' && !/^\d{16}$/.test(pandId)) err('pand_id', `'${pandId}' is geen BAG-id van 16 cijfers`);
    const gemeente = get(fields, 'gemeente_code').toUpperCase();
    const code = /^\d{1,4}$/.test(gemeente) ? `GM${gemeente.padStart(4, '0')}` : gemeente;
    if (!/^GM\d{4}$/.test(code) || !options.knownGemeente(code)) err('gemeente_code', `'${gemeente}' is geen bekende gemeente`);
    const woon = parseWoonfunctie(fields[woonCol] ?? '');
    if (woon === undefined) err(header[woonCol]!.trim(), `'${fields[woonCol]}' is geen ja/nee of gebruiksdoel`);
    const rawStatus = get(fields, 'status');
    const status = rawStatus === '' ? '' : VBO_BY_LOWER.get(rawStatus.toLowerCase());
    if (status === undefined) err('status', `onbekende status van het verblijfsobject '${rawStatus}'`);
    const rawPand = get(fields, 'pand_status');
    const pandStatus = rawPand === '' ? '' : PAND_BY_LOWER.get(rawPand.toLowerCase());
    if (pandStatus === undefined) err('pand_status', `onbekende status van het pand '${rawPand}'`);
    const statusDate = parseBagDate(get(fields, 'status_datum'));
    if (statusDate === undefined) err('status_datum', `'${get(fields, 'status_datum')}' is geen datum`);
    const pandStatusDate = parseBagDate(get(fields, 'pand_status_datum'));
    if (pandStatusDate === undefined) err('pand_status_datum', `'${get(fields, 'pand_status_datum')}' is geen datum`);
    if (status && statusDate === null) err('status_datum', 'een status zonder datum');
    if (pandStatus && pandStatusDate === null) err('pand_status_datum', 'een pandstatus zonder datum');
    if (status === '' && pandStatus === '') err('status', 'geen status van het verblijfsobject en geen status van het pand');
    const num = (name: string) => {
      const v = get(fields, name).replace(',', '.');
      if (v === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) err(name, `'${v}' is geen getal`);
      return n;
    };
    const x = num('x');
    const y = num('y');
    if ((x === null) !== (y === null)) err(x === null ? 'x' : 'y', 'x en y horen samen');
    if (errors.length > before) return;
    lines.push({
      verblijfsobjectId: id,
      pandId,
      gemeenteCode: code,
      woonfunctie: woon!,
      status: status!,
      statusDate: statusDate ?? null,
      pandStatus: pandStatus!,
      pandStatusDate: pandStatusDate ?? null,
      x,
      y,
    });
  });
  return { lines, errors, rowsRead: body.length };
}

/** A point from the file: RD New metres (x > 1000) or WGS84 degrees (x = lon, y = lat). */
export function pointOf(x: number | null, y: number | null): LonLat | null {
  if (x === null || y === null) return null;
  return Math.abs(x) > 1000 ? rdToWgs84({ x, y }) : { lon: x, lat: y };
}

const lineDate = (l: BagStatusLine) =>
  [l.statusDate, l.pandStatusDate]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1) ?? '';
const firstDate = (dates: Array<string | null>) => dates.filter((d): d is string => d !== null).sort()[0] ?? null;

/** Derive one verblijfsobject from all its status lines (in any order). */
export function deriveBagObject(lines: readonly BagStatusLine[]): BagObject {
  if (lines.length === 0) throw new Error('deriveBagObject needs at least one line');
  const ordered = [...lines].sort((a, b) => lineDate(a).localeCompare(lineDate(b)));
  const latest = ordered.at(-1)!;
  const latestVbo = [...ordered]
    .filter((l) => l.status !== '')
    .sort((a, b) => (a.statusDate ?? '').localeCompare(b.statusDate ?? ''))
    .at(-1);
  const latestPand = [...ordered]
    .filter((l) => l.pandStatus !== '')
    .sort((a, b) => (a.pandStatusDate ?? '').localeCompare(b.pandStatusDate ?? ''))
    .at(-1);
  const withdrawn = (latestVbo !== undefined && VBO_VOID.has(latestVbo.status)) || (latestPand !== undefined && PAND_VOID.has(latestPand.pandStatus));
  const located = [...ordered].reverse().find((l) => l.x !== null && l.y !== null);
  const point = located ? pointOf(located.x, located.y) : null;
  return {
    id: latest.verblijfsobjectId,
    pandId: [...ordered].reverse().find((l) => l.pandId !== '')?.pandId ?? '',
    gemeenteCode: latest.gemeenteCode,
    woonfunctie: latest.woonfunctie,
    withdrawn,
    startedOn: firstDate(ordered.filter((l) => l.pandStatus === 'Bouw gestart').map((l) => l.pandStatusDate)),
    completedOn: firstDate(ordered.filter((l) => VBO_IN_USE.has(l.status)).map((l) => l.statusDate)),
    lon: point?.lon ?? null,
    lat: point?.lat ?? null,
  };
}

/** All objects of a set of lines, one per verblijfsobject id. */
export function deriveBagObjects(lines: readonly BagStatusLine[]): BagObject[] {
  const byId = new Map<string, BagStatusLine[]>();
  for (const l of lines) (byId.get(l.verblijfsobjectId) ?? byId.set(l.verblijfsobjectId, []).get(l.verblijfsobjectId)!).push(l);
  return [...byId.values()].map(deriveBagObject).sort((a, b) => a.id.localeCompare(b.id));
}

export const quarterOf = (isoDate: string): number => Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;

export interface BagCount {
  gemeenteCode: string;
  year: number;
  /** 1–4, or 0 when counted per year. */
  quarter: number;
  started: number;
  completed: number;
}

/** Started and completed homes per gemeente and year (or quarter): woonfunctie only, withdrawn objects left out. */
export function countBag(objects: readonly BagObject[], period: 'year' | 'quarter'): BagCount[] {
  const counts = new Map<string, BagCount>();
  const add = (o: BagObject, date: string, field: 'started' | 'completed') => {
    const year = Number(date.slice(0, 4));
    const quarter = period === 'quarter' ? quarterOf(date) : 0;
    const key = `${o.gemeenteCode}/${year}/${quarter}`;
    const c = counts.get(key) ?? { gemeenteCode: o.gemeenteCode, year, quarter, started: 0, completed: 0 };
    c[field]++;
    counts.set(key, c);
  };
  for (const o of objects) {
    if (!o.woonfunctie || o.withdrawn) continue;
    if (o.startedOn) add(o, o.startedOn, 'started');
    if (o.completedOn) add(o, o.completedOn, 'completed');
  }
  return [...counts.values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter || a.gemeenteCode.localeCompare(b.gemeenteCode));
}

/** Distance in metres between two WGS84 points (haversine; plenty within a gemeente). */
export function distanceM(a: LonLat, b: LonLat): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

export interface LinkCandidate {
  id: string;
  gemeenteCode: string;
  lon: number | null;
  lat: number | null;
}

export type LinkRule = 'verblijfsobject' | 'pand' | 'locatie';

/**
 * The project a BAG object belongs to *(design)*: (1) the project that lists the verblijfsobject id, else (2) the
 * project that lists its pand id, else (3) the nearest project of the same gemeente whose point lies within
 * BAG_LINK_RADIUS_M of the object (ties: the lower project id). No link otherwise: a count never depends on a link.
 */
export function linkBagObject(
  o: BagObject,
  ids: { verblijfsobject: ReadonlyMap<string, string>; pand: ReadonlyMap<string, string> },
  projects: readonly LinkCandidate[],
): { projectId: string; rule: LinkRule } | null {
  const byVbo = ids.verblijfsobject.get(o.id);
  if (byVbo) return { projectId: byVbo, rule: 'verblijfsobject' };
  const byPand = o.pandId ? ids.pand.get(o.pandId) : undefined;
  if (byPand) return { projectId: byPand, rule: 'pand' };
  if (o.lon === null || o.lat === null) return null;
  let best: { id: string; d: number } | null = null;
  for (const p of projects) {
    if (p.gemeenteCode !== o.gemeenteCode || p.lon === null || p.lat === null) continue;
    const d = distanceM({ lon: o.lon, lat: o.lat }, { lon: p.lon, lat: p.lat });
    if (d > BAG_LINK_RADIUS_M) continue;
    if (!best || d < best.d || (d === best.d && p.id < best.id)) best = { id: p.id, d };
  }
  return best ? { projectId: best.id, rule: 'locatie' } : null;
}
