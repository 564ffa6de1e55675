/** All SQL for projects and their parts (programme, jaarschijven, milestones, parties, knelpunten). */
import type { KnelpuntCategory, PlanStatus, Phase, ProjectFlag, StatusColour } from '../domain/codes.ts';
import { DEFAULT_TOLERANCE } from '../domain/delay.ts';
import type { ProjectScope } from '../domain/access.ts';
import type { Jaarschijf, Knelpunt, Milestone, Party, ProgrammeLine, Project } from '../domain/project.ts';
import { ACTIVE, lifecycleState, type ProjectLifecycle } from '../domain/withdrawal.ts';
import { deleteColumns, insertColumns, insertRows, updateColumns, type TypedColumn } from './batch.ts';
import { arrayLiteral, copyBatches, writeCopyBatch, type CopyBatch } from './copy.ts';
import { LIFECYCLE_COLUMNS } from './lifecycle.repository.ts';
import type { Queryable } from './db.ts';

export interface ProjectFilter {
  gemeenteCodes?: string[];
  provincieCodes?: string[];
  regionId?: string;
  coropCodes?: string[];
  /** Projects with planned completions (jaarschijven) in this year. */
  year?: number;
  planStatuses?: PlanStatus[];
  phases?: Phase[];
  statuses?: StatusColour[];
  /** Projects must carry all of these flags. */
  flags?: ProjectFlag[];
  /** Projects with an open knelpunt in one of these categories. */
  knelpuntCategories?: KnelpuntCategory[];
  /**
   * Projects with at least one milestone still to come that is delayed beyond the tolerance (the same
   * rule as the dashboard's "vertraagde mijlpalen", src/domain/delay.ts; SPEC §2).
   */
  delayed?: boolean;
  /**
   * Projects with a milestone whose forecast lies before this date (today) and that has no actual date
   * ("prognose verstreken": the rule of src/domain/forecast-expired.ts; SPEC §2).
   */
  forecastExpiredAsOf?: string;
  /** Projects with betaalbare (sociale huur, middenhuur, betaalbare koop) or sociale-huur homes in their programme. */
  homesIn?: HomesGroup;
  synthetic?: boolean;
  /** Case-insensitive text search in the project name. */
  q?: string;
  /** What the principal may see (src/domain/access.ts projectScope), applied on top of the filter. */
  scope?: Exclude<ProjectScope, null>;
  /**
   * Which plans a list shows (src/domain/withdrawal.ts): active ones (the default of the list, so its sums equal
   * the figures), only withdrawn ones (planuitval), or both; a merged duplicate never. Unset: no condition (the
   * scope checks of other queries).
   */
  lifecycle?: LifecycleFilter;
  /** Only projects with a location (GeoJSON, OGC API Features). */
  hasLocation?: boolean;
  /** Only projects located in this WGS84 box: [min lon, min lat, max lon, max lat] (OGC API Features `bbox`). */
  bbox?: readonly [number, number, number, number];
}

export const LIFECYCLE_FILTERS = ['actief', 'vervallen', 'alle'] as const;
export type LifecycleFilter = (typeof LIFECYCLE_FILTERS)[number];

export const HOMES_GROUPS = ['betaalbaar', 'sociaal'] as const;
export type HomesGroup = (typeof HOMES_GROUPS)[number];

/** Sums over all projects matching a filter (not only the page), so a list can be compared with the figure it came from. */
export interface ListSums {
  homes: number;
  affordableHomes: number;
  socialHomes: number;
  /** With a year filter: homes in that year's jaarschijven. */
  yearHomes: number | null;
  /** With a knelpunt filter: open knelpunten of those categories. */
  openKnelpunten: number | null;
  /** With the delayed filter: delayed milestones still to come. */
  delayedMilestones: number | null;
}

export const SORT_COLUMNS = {
  name: 'p.name',
  totalHomes: 'p.total_homes',
  affordableHomes: 'p.affordable_homes',
  maxDelayMonths: 'p.max_delay_months',
  updatedAt: 'p.updated_at',
  gemeente: 'g.name',
} as const;
export type SortKey = keyof typeof SORT_COLUMNS;

export interface Page {
  limit: number;
  offset: number;
  sort: SortKey;
  descending: boolean;
  /** Keyset pagination: the page after this row of the same order (then `offset` is 0). */
  after?: ListCursor;
}

/** A position in the list: the sort column's value (as PostgreSQL prints it) and the id of the last row shown. */
export interface ListCursor {
  value: string;
  id: string;
}

/**
 * How a list counts its matches: `exact` counts every one; `bounded` stops at LIST_COUNT_CAP + 1 (a page of
 * a large register then costs the same at 40,000 and at 400,000 projects); `none` leaves the count to the
 * caller (the sums query counts as well).
 */
export type ListCount = 'exact' | 'bounded' | 'none';

/** Above this many matches a bounded count says "more than LIST_COUNT_CAP" (issue 15). */
export const LIST_COUNT_CAP = 1_000;

/** A page of the list with its count: `totalExact` false means more than `total` (the cap of a bounded count) match. */
export interface ListPage {
  items: ProjectSummary[];
  total: number;
  totalExact: boolean;
  /** The cursor of the next page in the same order, or null on the last page. */
  nextCursor: string | null;
}

/** The cursor text of the API: base64url of [sort, descending, value, id], so a cursor only continues its own order. */
export function encodeCursor(page: Pick<Page, 'sort' | 'descending'>, at: ListCursor): string {
  return Buffer.from(JSON.stringify([page.sort, page.descending ? 1 : 0, at.value, at.id])).toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours or belongs to another order. */
export function decodeCursor(text: string, page: Pick<Page, 'sort' | 'descending'>): ListCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [sort, descending, value, id] = parsed as unknown[];
    if (sort !== page.sort || descending !== (page.descending ? 1 : 0) || typeof value !== 'string' || typeof id !== 'string') return null;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || value.length > 1000) return null;
    return { value, id };
  } catch {
    return null;
  }
}

/** One row of the project list: the project without its parts. */
export type ProjectSummary = Omit<Project, 'programme' | 'jaarschijven' | 'milestones' | 'parties'> & {
  gemeenteName: string;
  lifecycle: ProjectLifecycle;
};

interface ProjectRow {
  id: string;
  name: string;
  gemeente_code: string;
  gemeente_name: string;
  provincie_code: string;
  description: string | null;
  plan_status: PlanStatus;
  origin: Project['origin'];
  flags: ProjectFlag[];
  lon: number | null;
  lat: number | null;
  synthetic: boolean;
  phase: Phase;
  status: StatusColour;
  total_homes: number;
  affordable_homes: number;
  social_homes: number;
  max_delay_months: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  withdrawn_date: string | null;
  withdrawn_reason: string | null;
  merged_into_id: string | null;
  merged_into_name: string | null;
  merged_at: Date | string | null;
}

const SUMMARY_COLUMNS = `p.id, p.name, p.gemeente_code, g.name AS gemeente_name, p.provincie_code, p.description, p.plan_status,
  p.origin, p.flags, p.lon, p.lat, p.synthetic, p.phase, p.status, p.total_homes, p.affordable_homes, p.social_homes,
  p.max_delay_months, p.version, p.created_at, p.updated_at, ${LIFECYCLE_COLUMNS}`;

function toLifecycle(r: ProjectRow): ProjectLifecycle {
  const mergedAt = r.merged_at === null || r.merged_at === undefined ? null : new Date(r.merged_at).toISOString();
  const state = lifecycleState({ withdrawnDate: r.withdrawn_date ?? null, mergedAt });
  if (state === 'actief') return ACTIVE;
  return {
    state,
    withdrawnDate: r.withdrawn_date,
    withdrawnReason: r.withdrawn_reason,
    mergedIntoId: r.merged_into_id,
    mergedIntoName: r.merged_into_name,
    mergedAt,
  };
}

function toSummary(r: ProjectRow): ProjectSummary {
  return {
    id: r.id,
    name: r.name,
    gemeenteCode: r.gemeente_code,
    gemeenteName: r.gemeente_name,
    provincieCode: r.provincie_code,
    description: r.description,
    planStatus: r.plan_status,
    origin: r.origin,
    flags: r.flags,
    location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
    synthetic: r.synthetic,
    phase: r.phase,
    status: r.status,
    totalHomes: r.total_homes,
    affordableHomes: r.affordable_homes,
    socialHomes: r.social_homes,
    maxDelayMonths: r.max_delay_months,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    lifecycle: toLifecycle(r),
  };
}

/** Build the WHERE clause of a filter; parameters are numbered from 1. */
export function filterSql(filter: ProjectFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filter.gemeenteCodes?.length) add((n) => `p.gemeente_code = ANY(${n}::text[])`, filter.gemeenteCodes);
  if (filter.provincieCodes?.length) add((n) => `p.provincie_code = ANY(${n}::text[])`, filter.provincieCodes);
  if (filter.regionId) add((n) => `p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = ${n})`, filter.regionId);
  if (filter.coropCodes?.length)
    add((n) => `p.gemeente_code IN (SELECT code FROM gemeenten WHERE corop_code = ANY(${n}::text[]))`, filter.coropCodes);
  if (filter.year !== undefined)
    add((n) => `EXISTS (SELECT 1 FROM project_jaarschijven s WHERE s.project_id = p.id AND s.year = ${n} AND s.homes > 0)`, filter.year);
  if (filter.planStatuses?.length) add((n) => `p.plan_status = ANY(${n}::text[])`, filter.planStatuses);
  if (filter.phases?.length) add((n) => `p.phase = ANY(${n}::text[])`, filter.phases);
  if (filter.statuses?.length) add((n) => `p.status = ANY(${n}::text[])`, filter.statuses);
  if (filter.flags?.length) add((n) => `p.flags @> ${n}::text[]`, filter.flags);
  if (filter.knelpuntCategories?.length) {
    add(
      (n) => `EXISTS (SELECT 1 FROM knelpunten k WHERE k.project_id = p.id AND k.resolved_date IS NULL AND k.category = ANY(${n}::text[]))`,
      filter.knelpuntCategories,
    );
  }
  if (filter.delayed !== undefined) {
    add(
      (n) => `${filter.delayed ? '' : 'NOT '}EXISTS (SELECT 1 FROM project_milestones m WHERE m.project_id = p.id AND ${delayedMilestoneSql(n)})`,
      DEFAULT_TOLERANCE.toleranceMonths,
    );
  }
  if (filter.forecastExpiredAsOf) {
    add(
      (n) => `EXISTS (SELECT 1 FROM project_milestones m WHERE m.project_id = p.id AND m.actual_date IS NULL AND m.forecast_date < ${n}::date)`,
      filter.forecastExpiredAsOf,
    );
  }
  if (filter.homesIn === 'betaalbaar') clauses.push('p.affordable_homes > 0');
  if (filter.homesIn === 'sociaal') clauses.push('p.social_homes > 0');
  if (filter.synthetic !== undefined) add((n) => `p.synthetic = ${n}`, filter.synthetic);
  const scope = filter.scope && 'all' in filter.scope ? { syntheticOnly: filter.scope.syntheticOnly } : filter.scope;
  if (scope?.syntheticOnly) clauses.push('p.synthetic');
  if (scope?.gemeenteCodes) add((n) => `p.gemeente_code = ANY(${n}::text[])`, scope.gemeenteCodes);
  if (scope?.provincieCodes) add((n) => `p.provincie_code = ANY(${n}::text[])`, scope.provincieCodes);
  if (scope?.regionId) add((n) => `p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = ${n})`, scope.regionId);
  if (scope?.partyOrganisationId)
    add((n) => `EXISTS (SELECT 1 FROM project_parties pp WHERE pp.project_id = p.id AND pp.organisation_id = ${n}::uuid)`, scope.partyOrganisationId);
  if (filter.q) add((n) => `p.name ILIKE ${n}`, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.lifecycle) clauses.push(`p.merged_at IS NULL${LIFECYCLE_CONDITION[filter.lifecycle]}`);
  if (filter.hasLocation) clauses.push('p.lon IS NOT NULL AND p.lat IS NOT NULL');
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    add((n) => `p.lon >= ${n}`, minLon);
    add((n) => `p.lat >= ${n}`, minLat);
    add((n) => `p.lon <= ${n}`, maxLon);
    add((n) => `p.lat <= ${n}`, maxLat);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The list's condition on withdrawn plans per lifecycle filter (merged duplicates are left out of every list). */
const LIFECYCLE_CONDITION: Record<LifecycleFilter, string> = {
  actief: ' AND p.withdrawn_date IS NULL',
  vervallen: ' AND p.withdrawn_date IS NOT NULL',
  alle: '',
};

/**
 * A milestone (alias m) still to come whose forecast lies more than `toleranceParam` months after its
 * baseline: milestoneDelay() of src/domain/delay.ts in SQL (date-fns and PostgreSQL both clamp to the
 * end of a shorter month).
 */
function delayedMilestoneSql(toleranceParam: string): string {
  return `m.actual_date IS NULL AND m.baseline_date IS NOT NULL AND m.forecast_date IS NOT NULL
    AND m.forecast_date > m.baseline_date + make_interval(months => ${toleranceParam}::int)`;
}

/**
 * A text search walks at most this many projects along the sort order looking for its page before it finds
 * every match by the trigram index and sorts them instead (see listSql).
 */
export const SEARCH_WALK = 4_000;

/** The list's SQL (listSql): the page, the page of a text search by a short walk (see SEARCH_WALK), the count. */
export interface ListSql {
  itemsSql: string;
  /** A text search: the page among the first `walk` projects of the sort order (parameters as itemsSql). */
  walkSql?: string;
  walk: number;
  countSql: string;
  params: unknown[];
  itemParams: unknown[];
}

/**
 * The list query exactly as the API runs it (also used by the benchmark to compare with raw SQL): the page
 * (parameters `params`, then limit and offset), and the count of `count` (parameters `params`; bounded: at
 * most `cap` + 1). Each sort ends on the id, and an index (sort column, id) serves it (migration 0031).
 *
 * A text search the trigram index can answer (three letters or digits in a row) has two ways to its page: walk
 * the sort order until a page matches (fast when matches are many and spread: "kwartier"), or find every match
 * by the trigram index and sort them (fast when they are few, or lie late in the sort order: "molen" walks half
 * the register before its first match). The planner cannot know where matches lie, so listItems walks at most
 * SEARCH_WALK projects (walkSql) and otherwise runs itemsSql, which then reads the matches first.
 */
export function listSql(
  filter: ProjectFilter,
  page: Page,
  count: Exclude<ListCount, 'none'> = 'exact',
  cap = LIST_COUNT_CAP,
  walk = SEARCH_WALK,
): ListSql {
  const { where, params } = filterSql(filter);
  const column = SORT_COLUMNS[page.sort];
  const order = `${column} ${page.descending ? 'DESC' : 'ASC'}, p.id`;
  const itemParams = [...params];
  let keyset = '';
  if (page.after) {
    itemParams.push(page.after.value, page.after.id);
    const [v, id] = [`$${itemParams.length - 1}`, `$${itemParams.length}::uuid`];
    // Ascending: a row comparison the (column, id) index answers directly. Descending sorts keep the id ascending
    // within one value, as the list always did.
    keyset = page.descending ? `(${column} < ${v} OR (${column} = ${v} AND p.id > ${id}))` : `(${column}, p.id) > (${v}, ${id})`;
  }
  const after = keyset ? `${where ? `${where} AND` : 'WHERE'} ${keyset}` : where;
  const n = itemParams.length;
  const columns = `${SUMMARY_COLUMNS}, ${column}::text AS sort_value`;
  const limit = `LIMIT $${n + 1} OFFSET $${n + 2}`;
  // The gemeente sort is on the joined name: no index walks it, so the planner's choice stands.
  const searchFirst = filter.q !== undefined && /[\p{L}\p{N}]{3}/u.test(filter.q) && page.sort !== 'gemeente';
  return {
    itemsSql: searchFirst
      ? // OFFSET 0 keeps the matches a subquery of their own: found by the trigram index, then sorted.
        `SELECT ${columns} FROM (SELECT * FROM projects p ${after} OFFSET 0) p JOIN gemeenten g ON g.code = p.gemeente_code
      ORDER BY ${order} ${limit}`
      : `SELECT ${columns} FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code ${after}
      ORDER BY ${order} ${limit}`,
    ...(searchFirst
      ? {
          walkSql: `SELECT ${columns} FROM (
        SELECT * FROM (SELECT * FROM projects p ${keyset ? `WHERE ${keyset}` : ''} ORDER BY ${order} LIMIT ${walk}) p ${where}
        ORDER BY ${order} ${limit}) p JOIN gemeenten g ON g.code = p.gemeente_code ORDER BY ${order}`,
        }
      : {}),
    countSql:
      count === 'exact'
        ? `SELECT count(*) AS total FROM projects p ${where}`
        : `SELECT count(*) AS total FROM (SELECT 1 FROM projects p ${where} LIMIT ${cap + 1}) x`,
    params,
    itemParams,
    walk,
  };
}

/**
 * The rows of a list page (listSql) and the number of matches its count found (null without a count). A text search
 * counts first: with at most `cap` matches it reads them by the trigram index at once; with more it tries its short
 * walk, which found the page when the page is full (the walk follows the sort order, so its first matches are the
 * list's), else the page query. Other lists run the page and the count side by side (on a server pool).
 */
export async function listRows<T>(
  q: Queryable,
  sql: ListSql,
  page: Page,
  count: ListCount,
  cap: number,
): Promise<{ rows: T[]; matched: number | null }> {
  const params = [...sql.itemParams, page.limit, page.offset];
  const counting =
    count === 'none' ? Promise.resolve(null) : q.query<{ total: number }>(sql.countSql, sql.params).then((r) => Number(r[0]?.total ?? 0));
  const items = async (matched: number | null): Promise<T[]> => {
    if (sql.walkSql && (matched === null || matched > cap) && page.offset + page.limit <= sql.walk) {
      const walked = await q.query<T>(sql.walkSql, params);
      if (walked.length === page.limit) return walked;
    }
    return q.query<T>(sql.itemsSql, params);
  };
  if (sql.walkSql) {
    const matched = await counting;
    return { rows: await items(matched), matched };
  }
  const [rows, matched] = await Promise.all([items(null), counting]);
  return { rows, matched };
}

/** The sums of a list (see ListSums); the parts that depend on a filter only when that filter is set. */
export function sumsSql(filter: ProjectFilter): { sql: string; params: unknown[] } {
  const { where, params } = filterSql(filter);
  const extra = [...params];
  const param = (value: unknown) => {
    extra.push(value);
    return `$${extra.length}`;
  };
  const year =
    filter.year !== undefined
      ? `(SELECT COALESCE(sum(s.homes), 0) FROM project_jaarschijven s WHERE s.project_id = p.id AND s.year = ${param(filter.year)})`
      : 'NULL::int';
  const knelpunten = filter.knelpuntCategories?.length
    ? `(SELECT count(*) FROM knelpunten k WHERE k.project_id = p.id AND k.resolved_date IS NULL AND k.category = ANY(${param(filter.knelpuntCategories)}::text[]))`
    : 'NULL::int';
  const delayed = filter.delayed
    ? `(SELECT count(*) FROM project_milestones m WHERE m.project_id = p.id AND ${delayedMilestoneSql(param(DEFAULT_TOLERANCE.toleranceMonths))})`
    : 'NULL::int';
  return {
    sql: `SELECT count(*) AS total, COALESCE(sum(p.total_homes), 0) AS homes, COALESCE(sum(p.affordable_homes), 0) AS affordable,
        COALESCE(sum(p.social_homes), 0) AS social, sum(${year}) AS year_homes, sum(${knelpunten}) AS knelpunten, sum(${delayed}) AS delayed
      FROM projects p ${where}`,
    params: extra,
  };
}

export interface ProjectWrite {
  project: Omit<Project, 'createdAt' | 'updatedAt'>;
}

/**
 * The project row's columns in the order projectValues gives them, with their types for array parameters
 * (updateMany); flags travel as array literals (text, cast to text[]).
 */
const PROJECT_COLUMN_TYPES: readonly TypedColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'gemeente_code', type: 'text' },
  { name: 'provincie_code', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'plan_status', type: 'text' },
  { name: 'origin', type: 'text' },
  { name: 'flags', type: 'text[]', via: 'text' },
  { name: 'lon', type: 'double precision' },
  { name: 'lat', type: 'double precision' },
  { name: 'synthetic', type: 'boolean' },
  { name: 'phase', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'total_homes', type: 'integer' },
  { name: 'affordable_homes', type: 'integer' },
  { name: 'social_homes', type: 'integer' },
  { name: 'max_delay_months', type: 'integer' },
  { name: 'version', type: 'integer' },
];
const PROJECT_COLUMNS = PROJECT_COLUMN_TYPES.map((c) => c.name);

function projectValues(p: ProjectWrite['project']): unknown[] {
  return [
    p.id,
    p.name,
    p.gemeenteCode,
    p.provincieCode,
    p.description,
    p.planStatus,
    p.origin,
    p.flags,
    p.location?.lon ?? null,
    p.location?.lat ?? null,
    p.synthetic,
    p.phase,
    p.status,
    p.totalHomes,
    p.affordableHomes,
    p.socialHomes,
    p.maxDelayMonths,
    p.version,
  ];
}

/** A project loaded for a change, with all the write path needs, from one statement. */
export interface ProjectForChange {
  project: Project;
  knelpunten: Knelpunt[];
  /** The regions (versnellingstafels) of the project's gemeente, for the access facts. */
  regionIds: string[];
  /** The province of the project's gemeente in the reference data now (a write stores it again). */
  gemeenteProvincieCode: string;
}

/**
 * One statement that locks the project row and reads it with all its parts, its knelpunten and the
 * regions of its gemeente. `seen_xmin` is the row as the statement's snapshot saw it, `locked_xmin` the
 * row it locked: they differ only when another transaction changed the project while this one waited
 * for the lock, and then the parts read in this statement may be older than the row (PostgreSQL, read
 * committed), so the caller reads again.
 */
const LOAD_FOR_CHANGE_SQL = `SELECT ${SUMMARY_COLUMNS}, g.provincie_code AS gemeente_provincie_code,
    p.xmin::text AS locked_xmin, (SELECT s.xmin::text FROM projects s WHERE s.id = p.id) AS seen_xmin,
    COALESCE((SELECT json_agg(json_build_object('segment', x.segment, 'woningtype', x.woningtype, 'doelgroep', x.doelgroep, 'homes', x.homes)
      ORDER BY x.segment, x.woningtype, x.doelgroep) FROM project_programme x WHERE x.project_id = p.id), '[]') AS programme,
    COALESCE((SELECT json_agg(json_build_object('year', x.year, 'segment', x.segment, 'homes', x.homes)
      ORDER BY x.year, x.segment) FROM project_jaarschijven x WHERE x.project_id = p.id), '[]') AS jaarschijven,
    COALESCE((SELECT json_agg(json_build_object('code', x.code, 'ownerSide', x.owner_side, 'baselineDate', x.baseline_date,
      'forecastDate', x.forecast_date, 'actualDate', x.actual_date, 'homes', x.homes)
      ORDER BY x.code) FROM project_milestones x WHERE x.project_id = p.id), '[]') AS milestones,
    COALESCE((SELECT json_agg(json_build_object('organisationId', x.organisation_id, 'role', x.role)
      ORDER BY x.role, x.organisation_id) FROM project_parties x WHERE x.project_id = p.id), '[]') AS parties,
    COALESCE((SELECT json_agg(json_build_object('id', k.id, 'projectId', k.project_id, 'category', k.category,
      'description', k.description, 'owner', k.owner, 'raisedDate', k.raised_date, 'escalated', k.escalated,
      'escalatedOn', k.escalated_on, 'escalationReason', k.escalation_reason, 'resolution', k.resolution, 'resolvedDate', k.resolved_date, 'version', k.version)
      ORDER BY k.raised_date, k.id) FROM knelpunten k WHERE k.project_id = p.id), '[]') AS knelpunten,
    ARRAY(SELECT r.region_id FROM region_gemeenten r WHERE r.gemeente_code = p.gemeente_code ORDER BY r.region_id) AS region_ids
  FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code WHERE p.id = $1 FOR UPDATE OF p`;

type ForChangeRow = ProjectRow & {
  gemeente_provincie_code: string;
  locked_xmin: string;
  seen_xmin: string;
  programme: ProgrammeLine[];
  jaarschijven: Jaarschijf[];
  milestones: Milestone[];
  parties: Party[];
  knelpunten: Knelpunt[];
  region_ids: string[];
};

/** The rows of one part table: its key columns (after project_id) and how a project gives its rows. */
interface PartTable {
  table: string;
  columns: readonly string[];
  keyColumns: number;
  rows: (p: Pick<Project, 'programme' | 'jaarschijven' | 'milestones' | 'parties'>) => unknown[][];
  casts?: Record<string, string>;
  /** The columns' types, for array parameters (updateMany). */
  types: readonly string[];
  /** The property of a part each column fills, in the columns' order. */
  keys: readonly string[];
  /** How a project's parts are ordered when read. */
  orderBy: string;
}

const PART_TABLES: readonly PartTable[] = [
  {
    table: 'project_programme',
    columns: ['segment', 'woningtype', 'doelgroep', 'homes'],
    keyColumns: 3,
    rows: (p) => p.programme.map((l) => [l.segment, l.woningtype, l.doelgroep, l.homes]),
    types: ['text', 'text', 'text', 'integer'],
    keys: ['segment', 'woningtype', 'doelgroep', 'homes'],
    orderBy: 'segment, woningtype, doelgroep',
  },
  {
    table: 'project_jaarschijven',
    columns: ['year', 'segment', 'homes'],
    keyColumns: 2,
    rows: (p) => p.jaarschijven.map((s) => [s.year, s.segment, s.homes]),
    types: ['integer', 'text', 'integer'],
    keys: ['year', 'segment', 'homes'],
    orderBy: 'year, segment',
  },
  {
    table: 'project_milestones',
    columns: ['code', 'owner_side', 'baseline_date', 'forecast_date', 'actual_date', 'homes'],
    keyColumns: 1,
    rows: (p) => p.milestones.map((m) => [m.code, m.ownerSide, m.baselineDate, m.forecastDate, m.actualDate, m.homes]),
    casts: { baseline_date: 'date', forecast_date: 'date', actual_date: 'date' },
    types: ['text', 'text', 'date', 'date', 'date', 'integer'],
    keys: ['code', 'ownerSide', 'baselineDate', 'forecastDate', 'actualDate', 'homes'],
    orderBy: 'code',
  },
  {
    table: 'project_parties',
    columns: ['organisation_id', 'role'],
    keyColumns: 2,
    rows: (p) => p.parties.map((x) => [x.organisationId, x.role]),
    types: ['uuid', 'text'],
    keys: ['organisationId', 'role'],
    orderBy: 'role, organisation_id',
  },
];

/** A project's parts, per part table, as read by projectParts. */
export interface ProjectParts {
  programme: Map<string, ProgrammeLine[]>;
  jaarschijven: Map<string, Jaarschijf[]>;
  milestones: Map<string, Milestone[]>;
  parties: Map<string, Party[]>;
}

/**
 * The parts of the projects that `where` (a condition on project_id, with `params`) selects, per project, each
 * ordered as a project's parts are. Each project comes as one row per part table with its parts as a JSON array of
 * arrays (dates as YYYY-MM-DD, as the row parsers give them): a row per project instead of a row per part makes
 * many projects' parts about twice as fast to read on the embedded database, which turns every field of every row
 * into a JavaScript value itself.
 */
export async function projectParts(q: Queryable, where: string, params: unknown[]): Promise<ProjectParts> {
  const read = async (part: PartTable) => {
    const rows = await q.query<{ projectId: string; parts: string }>(
      `SELECT project_id AS "projectId", json_agg(json_build_array(${part.columns.join(', ')}) ORDER BY ${part.orderBy})::text AS parts
       FROM ${part.table} WHERE ${where} GROUP BY project_id`,
      params,
    );
    const byProject = new Map<string, unknown[]>();
    for (const { projectId, parts } of rows) {
      const values = JSON.parse(parts) as unknown[][];
      byProject.set(
        projectId,
        values.map((v) => Object.fromEntries(part.keys.map((key, i) => [key, v[i]]))),
      );
    }
    return byProject;
  };
  const of = (table: string) => read(PART_TABLES.find((t) => t.table === table)!);
  // One after the other (the properties are evaluated in order): inside a transaction they share one connection.
  return {
    programme: (await of('project_programme')) as Map<string, ProgrammeLine[]>,
    jaarschijven: (await of('project_jaarschijven')) as Map<string, Jaarschijf[]>,
    milestones: (await of('project_milestones')) as Map<string, Milestone[]>,
    parties: (await of('project_parties')) as Map<string, Party[]>,
  };
}

/** The tables a project is written to (with its knelpunten): what a bulk load of projects fills (src/storage/bulk-load.ts). */
export const PROJECT_TABLES: readonly string[] = ['projects', ...PART_TABLES.map((t) => t.table), 'knelpunten'];

/**
 * The rows of a part table that differ between two versions of a project: rows to insert or overwrite
 * (new key, or same key with other values) and keys to delete. Rows are matched by their primary key.
 */
function changedPartRows(
  part: PartTable,
  before: Parameters<PartTable['rows']>[0],
  after: Parameters<PartTable['rows']>[0],
): { upsert: unknown[][]; remove: unknown[][] } {
  const keyOf = (row: unknown[]) => JSON.stringify(row.slice(0, part.keyColumns));
  const old = new Map(part.rows(before).map((row) => [keyOf(row), JSON.stringify(row)]));
  const next = part.rows(after);
  const nextKeys = new Set(next.map(keyOf));
  return {
    upsert: next.filter((row) => old.get(keyOf(row)) !== JSON.stringify(row)),
    remove: part
      .rows(before)
      .filter((row) => !nextKeys.has(keyOf(row)))
      .map((row) => row.slice(0, part.keyColumns)),
  };
}

/**
 * Projects with their parts as COPY batches, table by table in the order the keys need (pure: a worker thread
 * can make them while the database writes the previous ones; src/services/demo-seed.service.ts).
 */
export function projectCopyBatches(projects: ReadonlyArray<ProjectWrite['project']>): CopyBatch[] {
  const batches = copyBatches('projects', PROJECT_COLUMNS, projects.map(projectValues));
  for (const part of PART_TABLES) {
    const rows: unknown[][] = [];
    for (const p of projects) for (const row of part.rows(p)) rows.push([p.id, ...row]);
    batches.push(...copyBatches(part.table, ['project_id', ...part.columns], rows));
  }
  return batches;
}

/** The ON CONFLICT clause that makes an insert of part rows overwrite the rows with the same key. */
function upsertSuffix(part: PartTable): string {
  const values = part.columns.slice(part.keyColumns);
  return values.length
    ? `ON CONFLICT (project_id, ${part.columns.slice(0, part.keyColumns).join(', ')}) DO UPDATE SET ${values.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
    : '';
}

export function createProjectRepository() {
  async function insertParts(q: Queryable, projects: ReadonlyArray<ProjectWrite['project']>): Promise<void> {
    for (const part of PART_TABLES) {
      const rows = projects.flatMap((p) => part.rows(p).map((row) => [p.id, ...row]));
      await insertRows(q, part.table, ['project_id', ...part.columns], rows, { casts: part.casts });
    }
  }

  return {
    /**
     * A page of the list and its count (see ListCount; with `none` the total is the page's length and not exact:
     * the caller counts; `cap` and `walk` only differ from LIST_COUNT_CAP and SEARCH_WALK in tests). The next cursor continues after the page's last row when the page is full.
     */
    async list(
      q: Queryable,
      filter: ProjectFilter,
      page: Page,
      count: ListCount = 'exact',
      cap = LIST_COUNT_CAP,
      walk = SEARCH_WALK,
    ): Promise<ListPage> {
      const sql = listSql(filter, page, count === 'none' ? 'exact' : count, cap, walk);
      const { rows, matched: counted } = await listRows<ProjectRow & { sort_value: string }>(q, sql, page, count, cap);
      const last = rows.length === page.limit ? rows[rows.length - 1] : undefined;
      const matched = counted ?? rows.length;
      const exact = count === 'exact' || (count === 'bounded' && matched <= cap);
      return {
        items: rows.map(toSummary),
        total: exact ? matched : Math.min(matched, cap),
        totalExact: exact,
        nextCursor: last ? encodeCursor(page, { value: last.sort_value, id: last.id }) : null,
      };
    },

    /** Sums over every project matching the filter (the list's figures, to compare with the dashboard), with their number. */
    async sums(q: Queryable, filter: ProjectFilter): Promise<{ total: number; sums: ListSums }> {
      const { sql, params } = sumsSql(filter);
      const [row] = await q.query<{
        total: number;
        homes: number;
        affordable: number;
        social: number;
        year_homes: number | null;
        knelpunten: number | null;
        delayed: number | null;
      }>(sql, params);
      // An aggregate without GROUP BY always returns one row.
      const r = row!;
      const n = (v: number | string | null) => (v === null ? null : Number(v));
      const filtered = (v: number | string | null, on: boolean) => (on ? (n(v) ?? 0) : null);
      return {
        total: Number(r.total),
        sums: {
          homes: Number(r.homes),
          affordableHomes: Number(r.affordable),
          socialHomes: Number(r.social),
          yearHomes: filtered(r.year_homes, filter.year !== undefined),
          openKnelpunten: filtered(r.knelpunten, Boolean(filter.knelpuntCategories?.length)),
          delayedMilestones: filtered(r.delayed, Boolean(filter.delayed)),
        },
      };
    },

    /** Load a project with all its parts (to change one, lock it with loadForChange). */
    async get(q: Queryable, id: string): Promise<Project | null> {
      const [row] = await q.query<ProjectRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code WHERE p.id = $1`,
        [id],
      );
      if (!row) return null;
      const programme = await q.query<ProgrammeLine>(
        `SELECT segment, woningtype, doelgroep, homes FROM project_programme WHERE project_id = $1 ORDER BY segment, woningtype, doelgroep`,
        [id],
      );
      const jaarschijven = await q.query<Jaarschijf>(
        'SELECT year, segment, homes FROM project_jaarschijven WHERE project_id = $1 ORDER BY year, segment',
        [id],
      );
      const milestones = await q.query<Milestone>(
        `SELECT code, owner_side AS "ownerSide", baseline_date AS "baselineDate", forecast_date AS "forecastDate",
           actual_date AS "actualDate", homes FROM project_milestones WHERE project_id = $1 ORDER BY code`,
        [id],
      );
      const parties = await q.query<Party>(
        'SELECT organisation_id AS "organisationId", role FROM project_parties WHERE project_id = $1 ORDER BY role, organisation_id',
        [id],
      );
      const { gemeenteName: _unused, ...summary } = toSummary(row);
      return { ...summary, programme, jaarschijven, milestones, parties };
    },

    /**
     * Lock a project for a change and load it with its parts, knelpunten and regions in one statement
     * (issue 9 item 5); null when it does not exist. Read again only when another transaction changed it
     * while this one waited for the lock (see LOAD_FOR_CHANGE_SQL).
     */
    async loadForChange(q: Queryable, id: string): Promise<ProjectForChange | null> {
      let [row] = await q.query<ForChangeRow>(LOAD_FOR_CHANGE_SQL, [id]);
      if (row && row.locked_xmin !== row.seen_xmin) [row] = await q.query<ForChangeRow>(LOAD_FOR_CHANGE_SQL, [id]);
      if (!row) return null;
      const { gemeenteName: _unused, ...summary } = toSummary(row);
      return {
        project: { ...summary, programme: row.programme, jaarschijven: row.jaarschijven, milestones: row.milestones, parties: row.parties },
        knelpunten: row.knelpunten,
        regionIds: [...row.region_ids],
        gemeenteProvincieCode: row.gemeente_provincie_code,
      };
    },

    async exists(q: Queryable, id: string): Promise<boolean> {
      return (await q.query('SELECT 1 FROM projects WHERE id = $1', [id])).length > 0;
    },

    /** Insert new projects with all their parts, in batches. */
    async insertMany(q: Queryable, projects: ReadonlyArray<ProjectWrite['project']>): Promise<void> {
      await insertRows(q, 'projects', PROJECT_COLUMNS, projects.map(projectValues), { casts: { flags: 'text[]' } });
      await insertParts(q, projects);
    },

    /** As insertMany, through COPY (src/storage/copy.ts): for bulk loads such as the demo seed. */
    async copyMany(q: Queryable, projects: ReadonlyArray<ProjectWrite['project']>): Promise<void> {
      for (const batch of projectCopyBatches(projects)) await writeCopyBatch(q, batch);
    },

    /**
     * Write a project over `previous` when its stored version is `expectedVersion`: the project row, and
     * of its parts only the rows that changed (issue 9 item 5). Returns false (and writes nothing) when
     * the version no longer matches.
     */
    async update(
      q: Queryable,
      project: ProjectWrite['project'],
      expectedVersion: number,
      previous: Pick<Project, 'programme' | 'jaarschijven' | 'milestones' | 'parties'>,
    ): Promise<boolean> {
      const sets = PROJECT_COLUMNS.slice(1).map((c, i) => `${c} = $${i + 2}${c === 'flags' ? '::text[]' : ''}`);
      const updated = await q.query(
        `UPDATE projects SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 AND version = $${PROJECT_COLUMNS.length + 1} RETURNING id`,
        [...projectValues(project), expectedVersion],
      );
      if (updated.length === 0) return false;
      for (const part of PART_TABLES) {
        const { upsert, remove } = changedPartRows(part, previous, project);
        if (remove.length > 0) {
          const keys = part.columns.slice(0, part.keyColumns);
          const params: unknown[] = [project.id];
          const tuples = remove.map((key) => `(${key.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
          await q.query(`DELETE FROM ${part.table} WHERE project_id = $1 AND (${keys.join(', ')}) IN (${tuples.join(', ')})`, params);
        }
        if (upsert.length > 0) {
          await insertRows(
            q,
            part.table,
            ['project_id', ...part.columns],
            upsert.map((row) => [project.id, ...row]),
            { casts: part.casts, suffix: upsertSuffix(part) },
          );
        }
      }
      return true;
    },

    /**
     * `update` for many projects in a few statements (the planlijst import): the project rows whose stored version is
     * the expected one, then of their parts only the rows that changed. Returns the ids whose version no longer
     * matched; when there are any, no parts are written and the caller rolls its transaction back.
     */
    async updateMany(
      q: Queryable,
      items: ReadonlyArray<{
        project: ProjectWrite['project'];
        expectedVersion: number;
        previous: Pick<Project, 'programme' | 'jaarschijven' | 'milestones' | 'parties'>;
      }>,
    ): Promise<string[]> {
      const updated = new Set(
        await updateColumns(
          q,
          'projects',
          [...PROJECT_COLUMN_TYPES, { name: 'expected_version', type: 'integer' }],
          items.map((i) => [
            ...projectValues(i.project).map((v, k) => (PROJECT_COLUMNS[k] === 'flags' ? arrayLiteral(v as string[]) : v)),
            i.expectedVersion,
          ]),
          { keyColumns: 1, assigned: PROJECT_COLUMNS.length - 1, where: 't.version = u.expected_version', set: 'updated_at = now()' },
        ),
      );
      const stale = items.filter((i) => !updated.has(i.project.id)).map((i) => i.project.id);
      if (stale.length > 0) return stale;
      for (const part of PART_TABLES) {
        const columns: TypedColumn[] = [{ name: 'project_id', type: 'uuid' }, ...part.columns.map((name, i) => ({ name, type: part.types[i]! }))];
        const upserts: unknown[][] = [];
        const removes: unknown[][] = [];
        for (const { project, previous } of items) {
          const { upsert, remove } = changedPartRows(part, previous, project);
          for (const row of upsert) upserts.push([project.id, ...row]);
          for (const key of remove) removes.push([project.id, ...key]);
        }
        if (removes.length > 0) await deleteColumns(q, part.table, columns.slice(0, part.keyColumns + 1), removes);
        if (upserts.length > 0) await insertColumns(q, part.table, columns, upserts, { suffix: upsertSuffix(part) });
      }
      return [];
    },

    async updateDerived(q: Queryable, id: string, derived: Pick<Project, 'status' | 'maxDelayMonths'>): Promise<void> {
      await q.query('UPDATE projects SET status = $2, max_delay_months = $3, updated_at = now() WHERE id = $1', [
        id,
        derived.status,
        derived.maxDelayMonths,
      ]);
    },

    async delete(q: Queryable, id: string, expectedVersion: number): Promise<boolean> {
      const rows = await q.query('DELETE FROM projects WHERE id = $1 AND version = $2 RETURNING id', [id, expectedVersion]);
      return rows.length > 0;
    },

    async count(q: Queryable): Promise<number> {
      const [row] = await q.query<{ total: number }>('SELECT count(*) AS total FROM projects');
      return row?.total ?? 0;
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;

interface KnelpuntRow {
  id: string;
  project_id: string;
  category: Knelpunt['category'];
  description: string;
  owner: string | null;
  raised_date: string;
  escalated: boolean;
  escalated_on: string | null;
  escalation_reason: string | null;
  resolution: string | null;
  resolved_date: string | null;
  version: number;
}

const toKnelpunt = (r: KnelpuntRow): Knelpunt => ({
  id: r.id,
  projectId: r.project_id,
  category: r.category,
  description: r.description,
  owner: r.owner,
  raisedDate: r.raised_date,
  escalated: r.escalated,
  escalatedOn: r.escalated_on,
  escalationReason: r.escalation_reason,
  resolution: r.resolution,
  resolvedDate: r.resolved_date,
  version: r.version,
});

const KNELPUNT_COLUMNS = [
  'id',
  'project_id',
  'category',
  'description',
  'owner',
  'raised_date',
  'escalated',
  'resolution',
  'resolved_date',
  'version',
  'escalated_on',
  'escalation_reason',
];
const knelpuntValues = (k: Knelpunt) => [
  k.id,
  k.projectId,
  k.category,
  k.description,
  k.owner,
  k.raisedDate,
  k.escalated,
  k.resolution,
  k.resolvedDate,
  k.version,
  k.escalatedOn,
  k.escalationReason,
];

/** Knelpunten as COPY batches (pure, as projectCopyBatches). */
export function knelpuntCopyBatches(knelpunten: readonly Knelpunt[]): CopyBatch[] {
  return copyBatches('knelpunten', KNELPUNT_COLUMNS, knelpunten.map(knelpuntValues));
}

export function createKnelpuntRepository() {
  return {
    async listByProject(q: Queryable, projectId: string): Promise<Knelpunt[]> {
      const rows = await q.query<KnelpuntRow>('SELECT * FROM knelpunten WHERE project_id = $1 ORDER BY raised_date, id', [projectId]);
      return rows.map(toKnelpunt);
    },
    async get(q: Queryable, id: string): Promise<Knelpunt | null> {
      const [row] = await q.query<KnelpuntRow>('SELECT * FROM knelpunten WHERE id = $1', [id]);
      return row ? toKnelpunt(row) : null;
    },
    async insertMany(q: Queryable, knelpunten: readonly Knelpunt[]): Promise<void> {
      await insertRows(q, 'knelpunten', KNELPUNT_COLUMNS, knelpunten.map(knelpuntValues), {
        casts: { raised_date: 'date', resolved_date: 'date', escalated_on: 'date' },
      });
    },
    /** As insertMany, through COPY (src/storage/copy.ts). */
    async copyMany(q: Queryable, knelpunten: readonly Knelpunt[]): Promise<void> {
      for (const batch of knelpuntCopyBatches(knelpunten)) await writeCopyBatch(q, batch);
    },
    async update(q: Queryable, k: Knelpunt, expectedVersion: number): Promise<boolean> {
      const rows = await q.query(
        `UPDATE knelpunten SET category = $3, description = $4, owner = $5, raised_date = $6, escalated = $7,
           resolution = $8, resolved_date = $9, version = $10, escalated_on = $11, escalation_reason = $12
         WHERE id = $1 AND project_id = $2 AND version = $13 RETURNING id`,
        [...knelpuntValues(k), expectedVersion],
      );
      return rows.length > 0;
    },
    async delete(q: Queryable, id: string, expectedVersion: number): Promise<boolean> {
      return (await q.query('DELETE FROM knelpunten WHERE id = $1 AND version = $2 RETURNING id', [id, expectedVersion])).length > 0;
    },
  };
}

export type KnelpuntRepository = ReturnType<typeof createKnelpuntRepository>;
