/**
 * Targets as dated data (SPEC §3; issue 3 "Targets"): list, create, change with optimistic locking, and
 * import from a spreadsheet (.xlsx or .csv) all-or-nothing with a report per row.
 *
 * Access: every method takes the principal; every write asks src/domain/access.ts requireMayEditTargets
 * with the geographies it touches, after validation and before anything is written (ministry and beheerder:
 * all targets; province analyst: own province only; demo roles: demo targets only).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../domain/errors.ts';
import {
  checkTarget,
  NATION_CODE,
  TARGET_METRICS,
  TARGET_UNITS,
  type TargetInput,
  type TargetRecord,
  type TargetReferences,
} from '../domain/national.ts';
import { createsSynthetic, requireMayEditTargets, syntheticDataOnly, type Principal, type TargetGeoFacts } from '../domain/access.ts';
import { unstorableCharacter, unstorableMessage } from '../domain/text.ts';
import { TARGET_LEVELS, type TargetLevel } from '../domain/targets.ts';
import { diffFields } from '../domain/audit.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { NationalRepository, TargetFilter } from '../storage/national.repository.ts';

/** The geography a target write touches, with the province it lies in (null for the nation or across provinces). */
export interface TargetGeo extends TargetGeoFacts {
  geoLevel: TargetLevel;
  geoCode: string | null;
}

/** Who calls the service: the signed-in principal (the command line and tests pass an account's principal). */
type Actor = Principal;

/** What a user may send for a target; defaults fill the rest. */
export type TargetCreate = Pick<TargetInput, 'geoLevel' | 'geoName' | 'periodStart' | 'periodEnd'> &
  Partial<Omit<TargetInput, 'geoLevel' | 'geoName' | 'periodStart' | 'periodEnd'>>;
export type TargetPatch = Partial<TargetInput>;

function withDefaults(t: TargetCreate): TargetInput {
  return {
    metric: t.metric ?? 'woningbouw',
    unit: t.unit ?? 'woningen',
    geoLevel: t.geoLevel,
    geoCode: t.geoCode ?? (t.geoLevel === 'nation' ? NATION_CODE : null),
    geoName: t.geoName,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    homes: t.homes ?? null,
    share: t.share ?? null,
    kind: t.kind ?? 'opgave',
    sourceUrl: t.sourceUrl ?? null,
    sourceQuote: t.sourceQuote ?? null,
    sourceRef: t.sourceRef ?? null,
    sourcePublished: t.sourcePublished ?? null,
    note: t.note ?? null,
    isExample: t.isExample ?? false,
    preferred: t.preferred ?? true,
  };
}

// ---------------------------------------------------------------------------------------------------
// Spreadsheet import

/** Column names accepted in an import: the API field names and those of the reference CSV files. */
const ALIASES: Record<string, keyof TargetInput> = {
  metric: 'metric',
  soort: 'metric',
  unit: 'unit',
  eenheid: 'unit',
  geolevel: 'geoLevel',
  geo_level: 'geoLevel',
  geography_level: 'geoLevel',
  niveau: 'geoLevel',
  geocode: 'geoCode',
  geo_code: 'geoCode',
  geography_code: 'geoCode',
  code: 'geoCode',
  geoname: 'geoName',
  geo_name: 'geoName',
  geography_name: 'geoName',
  gebied: 'geoName',
  naam: 'geoName',
  periodstart: 'periodStart',
  period_start: 'periodStart',
  beginjaar: 'periodStart',
  periodend: 'periodEnd',
  period_end: 'periodEnd',
  eindjaar: 'periodEnd',
  homes: 'homes',
  target_homes: 'homes',
  woningen: 'homes',
  aantal: 'homes',
  share: 'share',
  target_share: 'share',
  aandeel: 'share',
  kind: 'kind',
  target_type: 'kind',
  type: 'kind',
  sourceurl: 'sourceUrl',
  source_url: 'sourceUrl',
  bron: 'sourceUrl',
  sourcequote: 'sourceQuote',
  source_quote: 'sourceQuote',
  source_quote_nl: 'sourceQuote',
  citaat: 'sourceQuote',
  sourceref: 'sourceRef',
  source_ref: 'sourceRef',
  verwijzing: 'sourceRef',
  sourcepublished: 'sourcePublished',
  source_published: 'sourcePublished',
  note: 'note',
  toelichting: 'note',
  opmerking: 'note',
  preferred: 'preferred',
  voorkeur: 'preferred',
};
const LEVEL_ALIASES: Record<string, TargetLevel> = { province: 'provincie', land: 'nation', nederland: 'nation', regio: 'region' };

export type UploadFormat = 'csv' | 'xlsx';

/** Read the rows of an uploaded spreadsheet as header → text records (first sheet, first row = header). */
export async function readUpload(body: Buffer, format: UploadFormat): Promise<Record<string, string>[]> {
  if (format === 'csv') {
    const text = body.toString('utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
    const fatal = parsed.errors.find((e) => e.type !== 'FieldMismatch');
    if (fatal) {
      throw new ValidationError([
        { path: 'file', code: 'unreadable', message: `Het CSV-bestand is niet te lezen (regel ${(fatal.row ?? 0) + 2}): ${fatal.message}.` },
      ]);
    }
    return parsed.data;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError([
      { path: 'file', code: 'unreadable', message: 'Het Excel-bestand is niet te lezen; sla het op als .xlsx en probeer het opnieuw.' },
    ]);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ValidationError([{ path: 'file', code: 'empty', message: 'Het Excel-bestand heeft geen werkblad.' }]);
  const cellText = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object') {
      if ('text' in v && typeof v.text === 'string') return v.text;
      if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
      if ('richText' in v) return v.richText.map((r) => r.text).join('');
      if (v instanceof Date) return v.toISOString().slice(0, 10);
    }
    return String(v);
  };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col] = cellText(cell.value).trim()));
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: Record<string, string> = {};
    let any = false;
    headers.forEach((h, col) => {
      if (!h) return;
      const text = cellText(row.getCell(col).value).trim();
      if (text) any = true;
      record[h] = text;
    });
    if (any) rows.push(record);
  }
  return rows;
}

/** Parse one spreadsheet row into a target; type errors are reported with path `rows[i].field`. */
export function parseTargetRow(raw: Record<string, string>, index: number): { target: TargetCreate | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const prefix = `rows[${index}].`;
  const line = index + 2; // header is line 1
  const fields: Partial<Record<keyof TargetInput, string>> = {};
  for (const [header, value] of Object.entries(raw)) {
    const key =
      ALIASES[header.trim().toLowerCase().replace(/\s+/g, '_')] ??
      ALIASES[
        header
          .trim()
          .toLowerCase()
          .replace(/[\s_]+/g, '')
      ];
    if (key && value !== undefined && String(value).trim() !== '') fields[key] = String(value).trim();
  }
  const fail = (field: string, code: string, message: string) =>
    issues.push({ path: `${prefix}${field}`, code, message: `Regel ${line}: ${message}` });
  for (const [field, value] of Object.entries(fields)) {
    const bad = unstorableCharacter(value);
    if (bad) {
      fail(field, 'invalid_character', unstorableMessage(bad));
      delete fields[field as keyof TargetInput];
    }
  }
  const int = (field: keyof TargetInput, label: string, required: boolean): number | null => {
    const v = fields[field];
    if (v === undefined) {
      if (required) fail(field, 'required', `${label} ontbreekt.`);
      return null;
    }
    const n = Number(v.replace(/[.\s](?=\d{3}(\D|$))/g, ''));
    if (!Number.isInteger(n)) {
      fail(field, 'not_integer', `${label} '${v}' is geen heel getal.`);
      return null;
    }
    return n;
  };
  const levelText = fields.geoLevel?.toLowerCase();
  const geoLevel = levelText ? (LEVEL_ALIASES[levelText] ?? levelText) : undefined;
  if (!geoLevel) fail('geoLevel', 'required', `het niveau (geoLevel: ${TARGET_LEVELS.join(', ')}) ontbreekt.`);
  else if (!TARGET_LEVELS.includes(geoLevel as TargetLevel))
    fail('geoLevel', 'unknown_level', `onbekend niveau '${fields.geoLevel}'; kies uit ${TARGET_LEVELS.join(', ')}.`);
  if (!fields.geoName) fail('geoName', 'required', 'de naam van het gebied (geoName) ontbreekt.');
  const metric = fields.metric?.toLowerCase();
  if (metric && !TARGET_METRICS.includes(metric as never)) fail('metric', 'unknown_metric', `onbekende soort doel '${fields.metric}'.`);
  const unit = fields.unit?.toLowerCase();
  if (unit && !TARGET_UNITS.includes(unit as never)) fail('unit', 'unknown_unit', `onbekende eenheid '${fields.unit}'.`);
  const periodStart = int('periodStart', 'Het beginjaar', true);
  const periodEnd = int('periodEnd', 'Het eindjaar', true);
  const homes = int('homes', 'Het aantal woningen', false);
  let share: number | null = null;
  if (fields.share !== undefined) {
    const text = fields.share.replace(',', '.');
    const n = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
    if (!Number.isFinite(n)) fail('share', 'not_number', `het aandeel '${fields.share}' is geen getal (gebruik bijvoorbeeld 0,3 of 30%).`);
    else share = n;
  }
  let preferred = true;
  if (fields.preferred !== undefined) {
    const p = fields.preferred.toLowerCase();
    if (['true', 'ja', 'yes', '1', 'waar'].includes(p)) preferred = true;
    else if (['false', 'nee', 'no', '0', 'onwaar'].includes(p)) preferred = false;
    else fail('preferred', 'not_boolean', `'${fields.preferred}' is geen ja of nee.`);
  }
  if (issues.length > 0) return { target: null, issues };
  return {
    target: {
      metric: (metric as TargetInput['metric']) ?? undefined,
      unit: (unit as TargetInput['unit']) ?? undefined,
      geoLevel: geoLevel as TargetLevel,
      geoCode: fields.geoCode ?? null,
      geoName: fields.geoName!,
      periodStart: periodStart!,
      periodEnd: periodEnd!,
      homes,
      share,
      kind: fields.kind,
      sourceUrl: fields.sourceUrl ?? null,
      sourceQuote: fields.sourceQuote ?? null,
      sourceRef: fields.sourceRef ?? null,
      sourcePublished: fields.sourcePublished ?? null,
      note: fields.note ?? null,
      preferred,
    },
    issues,
  };
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  targets: TargetRecord[];
}

/** The user-supplied part of a stored target, for audit diffs. */
function inputOfTarget(t: TargetRecord): TargetInput {
  const { id: _id, version: _version, updatedAt: _updatedAt, synthetic: _synthetic, ...input } = t;
  return input;
}

/** Is what this caller writes stored as synthetic demo data? (src/domain/access.ts createsSynthetic) */
const createdSynthetic = (actor: Actor): boolean => createsSynthetic(actor);

export function createTargetService(deps: { db: Db; national: NationalRepository; audit?: AuditRepository }) {
  const { db, national } = deps;

  /** Every target change goes into the audit trail (SPEC §7), through the API, the UI or an import. */
  async function record(
    q: Queryable,
    id: string,
    before: TargetInput | null,
    after: TargetInput,
    actor: Actor,
    importing: boolean,
    action = before ? 'doel gewijzigd' : 'doel aangemaakt',
  ): Promise<void> {
    if (!deps.audit) return;
    await deps.audit.append(q, [
      {
        actorUserId: actor.userId,
        actorName: actor.name,
        via: importing ? 'import' : actor.kind === 'token' ? 'api' : 'ui',
        entityType: 'doel',
        entityId: id,
        action,
        changes: diffFields(before ?? {}, after),
      },
    ]);
  }

  async function mustGet(q: Queryable, id: string): Promise<TargetRecord> {
    const t = await national.getTarget(q, id);
    if (!t) throw new NotFoundError('Doel', id);
    return t;
  }

  async function save(q: Queryable, id: string, input: TargetInput, expectedVersion: number | null, actor: Actor, importing = false): Promise<void> {
    const before = expectedVersion === null ? null : inputOfTarget(await mustGet(q, id));
    if (expectedVersion === null) await national.insertTarget(q, id, input, createdSynthetic(actor));
    else if (!(await national.updateTarget(q, id, input, expectedVersion))) {
      const current = await mustGet(q, id);
      throw new ConflictError(
        `Iemand anders heeft dit doel intussen gewijzigd (nu versie ${current.version}). Laad het opnieuw en voer uw wijziging opnieuw in.`,
        current.version,
      );
    }
    await record(q, id, before, input, actor, importing);
    if (input.preferred) {
      // Every row that changes is audited: the targets that stop being preferred too. SPEC §7.
      for (const other of await national.unpreferOthers(q, id, input)) {
        const was = inputOfTarget(other);
        await record(q, other.id, was, { ...was, preferred: false }, actor, importing, `doel niet meer voorkeur (voorkeur nu doel ${id})`);
      }
    }
  }

  type Refs = TargetReferences & Awaited<ReturnType<NationalRepository['targetReferences']>>;
  const refs = (q: Queryable): Promise<Refs> => national.targetReferences(q);
  const geoOf = (t: Pick<TargetInput, 'geoLevel' | 'geoCode'>, r: Refs, synthetic: boolean): TargetGeo => ({
    synthetic,
    geoLevel: t.geoLevel,
    geoCode: t.geoCode,
    provincieCode:
      t.geoLevel === 'provincie'
        ? t.geoCode
        : t.geoLevel === 'gemeente'
          ? (r.provincieOfGemeente.get(t.geoCode ?? '') ?? null)
          : t.geoLevel === 'region'
            ? (r.provincieOfRegion.get(t.geoCode ?? '') ?? null)
            : null,
  });

  return {
    /** The targets; demo principals also see the demo targets, everyone else only real ones. SPEC §7. */
    list: (filter: TargetFilter, principal: Principal) => national.listTargets(db, { ...filter, includeSynthetic: syntheticDataOnly(principal) }),

    async create(data: TargetCreate, actor: Actor): Promise<TargetRecord> {
      const input = withDefaults(data);
      return db.transaction(async (tx) => {
        const r = await refs(tx);
        const issues = checkTarget(input, r);
        if (issues.length > 0) throw new ValidationError(issues);
        requireMayEditTargets(actor, [geoOf(input, r, createdSynthetic(actor))]);
        const id = randomUUID();
        await save(tx, id, input, null, actor);
        return mustGet(tx, id);
      });
    },

    /** Change fields of a target when `version` is still current (stale: 409, nothing changes). */
    async update(id: string, version: number, patch: TargetPatch, actor: Actor): Promise<TargetRecord> {
      return db.transaction(async (tx) => {
        const current = await mustGet(tx, id);
        if (current.version !== version) {
          throw new ConflictError(
            `Iemand anders heeft dit doel intussen gewijzigd (nu versie ${current.version}). Laad het opnieuw en voer uw wijziging opnieuw in.`,
            current.version,
          );
        }
        const { id: _id, version: _v, updatedAt: _u, synthetic: _s, ...rest } = current;
        const input: TargetInput = { ...rest, ...patch };
        // Switching between a count and a share clears the other figure unless it was sent too.
        if (patch.unit === 'aandeel' && patch.homes === undefined) input.homes = null;
        if (patch.unit && patch.unit !== 'aandeel' && patch.share === undefined) input.share = null;
        const r = await refs(tx);
        // Both the geography it had and the one it gets must be the caller's to change.
        const synthetic = current.synthetic ?? false;
        requireMayEditTargets(actor, [geoOf(current, r, synthetic), geoOf(input, r, synthetic)]);
        const issues = checkTarget(input, r);
        if (issues.length > 0) throw new ValidationError(issues);
        await save(tx, id, input, version, actor);
        return mustGet(tx, id);
      });
    },

    /**
     * Import targets from spreadsheet rows, all or nothing: every row is checked first and all problems
     * are reported (`rows[i].field`); only a file without problems is written, in one transaction. A row
     * with the same metric, geography, period and kind as an existing target updates it.
     */
    async importRows(raw: readonly Record<string, string>[], actor: Actor): Promise<ImportResult> {
      if (raw.length === 0) throw new ValidationError([{ path: 'rows', code: 'empty', message: 'Het bestand bevat geen regels met doelen.' }]);
      if (raw.length > 5000)
        throw new ValidationError([{ path: 'rows', code: 'too_many', message: 'Importeer hoogstens 5.000 doelen per bestand.' }]);
      return db.transaction(async (tx) => {
        const references = await refs(tx);
        const issues: Issue[] = [];
        const inputs: TargetInput[] = [];
        const seen = new Map<string, number>();
        raw.forEach((r, i) => {
          const parsed = parseTargetRow(r, i);
          issues.push(...parsed.issues);
          if (!parsed.target) return;
          const input = withDefaults(parsed.target);
          const rowIssues = checkTarget(input, references, `rows[${i}].`).map((x) => ({ ...x, message: `Regel ${i + 2}: ${x.message}` }));
          issues.push(...rowIssues);
          const key = [input.metric, input.geoLevel, input.geoCode ?? input.geoName, input.periodStart, input.periodEnd, input.kind].join('|');
          if (seen.has(key)) {
            issues.push({
              path: `rows[${i}]`,
              code: 'duplicate',
              message: `Regel ${i + 2}: hetzelfde doel staat al op regel ${seen.get(key)! + 2}.`,
            });
          } else seen.set(key, i);
          inputs.push(input);
        });
        if (issues.length > 0) throw new ValidationError(issues);
        // A demo role's import creates and updates demo targets only (findByKey below never crosses). SPEC §7.
        const synthetic = createdSynthetic(actor);
        requireMayEditTargets(
          actor,
          inputs.map((i) => geoOf(i, references, synthetic)),
        );
        let created = 0;
        let updated = 0;
        const ids: string[] = [];
        for (const input of inputs) {
          const existing = await national.findByKey(tx, input, synthetic);
          if (existing) {
            await save(tx, existing.id, input, existing.version, actor, true);
            ids.push(existing.id);
            updated++;
          } else {
            const id = randomUUID();
            await save(tx, id, input, null, actor, true);
            ids.push(id);
            created++;
          }
        }
        const targets: TargetRecord[] = [];
        for (const id of ids) targets.push(await mustGet(tx, id));
        return { rows: raw.length, created, updated, targets };
      });
    },

    async importFile(body: Buffer, format: UploadFormat, actor: Actor): Promise<ImportResult> {
      return this.importRows(await readUpload(body, format), actor);
    },
  };
}

export type TargetService = ReturnType<typeof createTargetService>;
