/**
 * One plan list row → one project of the register, with every problem named by row and column in plain Dutch
 * (issue 13 part 1: "validation of every row with a report that names row, column and problem"; SPEC §2, §7).
 * Pure: the caller gives the columns, the mapping, the gemeente resolver, the actor's scope and today.
 */
import { DOELGROEPEN, LABELS, MILESTONES, SEGMENTS, type Doelgroep, type MilestoneCode, type Segment, type Woningtype } from '../codes.ts';
import { checkProject } from '../consistency.ts';
import { checkMilestoneDates } from '../plausibility.ts';
import type { Jaarschijf, Milestone, ProjectInput } from '../project.ts';
import { unstorableCharacter } from '../text.ts';
import {
  completionField,
  DEFAULT_OPTIONS,
  fieldKind,
  MILESTONE_DATE_KINDS,
  milestoneField,
  sourceColumns,
  SPLIT_DOELGROEPEN,
  SPLIT_WONINGTYPES,
  TENURES,
  type Cell,
  type PlanlijstMapping,
  type Tenure,
} from './fields.ts';
import type { GemeenteResolver } from './gemeente.ts';
import { normaliseHeader } from './headers.ts';
import { detectPoint, type DetectedPoint } from './location.ts';
import { recogniseFlag, recogniseOrigin, recognisePlanStatus } from './status.ts';
import { fitSplit, jaarschijvenFrom, programmeFromMarginals, spreadOverYears, type SplitFix } from './split.ts';
import { cellText, isEmptyCell, parseCoordinate, parseCount, parseDutchDate, parseDutchNumber, parseYesNo } from './values.ts';

/** A problem in a row: the spreadsheet row number a user sees (header = row 1), the file's column, the problem. */
export interface RowProblem {
  row: number;
  column: string | null;
  problem: string;
}

/** The parts of a project a plan list can give; an update changes only the parts the file gives. */
export type ImportedPart =
  | 'name'
  | 'gemeenteCode'
  | 'description'
  | 'planStatus'
  | 'origin'
  | 'flags'
  | 'location'
  | 'synthetic'
  | 'programme'
  | 'jaarschijven'
  | 'milestones';

export interface MilestoneDate {
  code: MilestoneCode;
  field: 'baselineDate' | 'forecastDate' | 'actualDate';
  value: string | null;
}

export interface ImportedRow {
  row: number;
  /** The source's own id of the plan (or gemeente + name when the file has no id column). */
  externalId: string;
  /** The project as a new one would be created (defaults where the file says nothing). */
  input: ProjectInput;
  /** The milestone dates the file gives (an update sets only these). */
  milestoneDates: MilestoneDate[];
  problems: RowProblem[];
  /** What was done to this row to make it fit (splits that did not add up), in plain Dutch. */
  notes: string[];
}

export interface RowContext {
  mapping: PlanlijstMapping;
  columns: readonly string[];
  gemeenten: GemeenteResolver;
  /** May the actor write projects of this (2025) gemeente? */
  inScope: (gemeenteCode: string) => boolean;
  today: string;
}

/** Notes that hold for many rows, counted once per file. */
export class Tally {
  private readonly counts = new Map<string, { rows: number; homes: number }>();
  add(key: string, homes = 0): void {
    const c = this.counts.get(key) ?? { rows: 0, homes: 0 };
    c.rows += 1;
    c.homes += homes;
    this.counts.set(key, c);
  }
  entries(): Array<[string, { rows: number; homes: number }]> {
    return [...this.counts].sort((a, b) => a[0].localeCompare(b[0], 'nl'));
  }
}

const fmt = (n: number) => n.toLocaleString('nl-NL');

/** Which parts of a project a mapping gives. */
export function givenParts(mapping: PlanlijstMapping): Set<ImportedPart> {
  const f = Object.keys(mapping.fields);
  const parts = new Set<ImportedPart>(['name', 'gemeenteCode']);
  const simple: Array<[string, ImportedPart]> = [
    ['description', 'description'],
    ['planStatus', 'planStatus'],
    ['origin', 'origin'],
    ['flags', 'flags'],
    ['synthetic', 'synthetic'],
    ['x', 'location'],
  ];
  for (const [field, part] of simple) if (f.includes(field)) parts.add(part);
  if (f.some((k) => fieldKind(k) === 'count')) parts.add('programme');
  if (f.some((k) => completionField(k))) parts.add('jaarschijven');
  if (f.some((k) => milestoneField(k))) parts.add('milestones');
  return parts;
}

const SPLIT_NAMES: Record<string, string> = {
  segment: 'segment',
  tenure: 'huur/koop',
  woningtype: 'woningtype',
  doelgroep: 'doelgroep',
  completions: 'opleveringsjaar',
};

function describeFix(split: string, fix: NonNullable<SplitFix>, total: number): string {
  const what = SPLIT_NAMES[split] ?? split;
  if (fix.kind === 'negative') return `negatief aantal bij ${what} (${fix.keys.join(', ')}) telt als 0`;
  if (fix.kind === 'rest')
    return `de verdeling naar ${what} telt op tot ${fmt(total - fix.rest)}, het totaal is ${fmt(total)}: de ${fmt(fix.rest)} overige woningen tellen als ${split === 'doelgroep' ? 'regulier' : 'onbekend'}`;
  return `de verdeling naar ${what} telt op tot ${fmt(fix.sum)}, meer dan het totaal van ${fmt(total)}: het totaal geldt, de verdeling is naar verhouding verkleind`;
}

export function createRowConverter(ctx: RowContext, tally: Tally) {
  const { mapping } = ctx;
  const options = { ...DEFAULT_OPTIONS, ...mapping.options };
  const index = new Map(ctx.columns.map((c, i) => [c, i]));
  const fields = new Map(
    Object.entries(mapping.fields).map(([field, source]) => [field, sourceColumns(source).map((name) => ({ name, index: index.get(name) ?? -1 }))]),
  );
  const completionFields = [...fields.keys()].flatMap((f) => {
    const c = completionField(f);
    return c ? [{ field: f, c }] : [];
  });
  const milestoneFields = [...fields.keys()].flatMap((f) => {
    const m = milestoneField(f);
    return m ? [{ field: f, ...m }] : [];
  });

  // A plan list repeats the same few labels and gemeente names in every row: recognise each once.
  const memo = <T>(fn: (key: string) => T) => {
    const seen = new Map<string, T>();
    return (key: string): T => {
      let v = seen.get(key);
      if (v === undefined) seen.set(key, (v = fn(key)));
      return v;
    };
  };
  const planStatusOf = memo((label) => recognisePlanStatus(label, mapping.values?.planStatus));
  const originOf = memo((label) => recogniseOrigin(label, mapping.values?.origin));
  const byCode = memo((code) => ctx.gemeenten.byCode(code));
  const byNameMemo = memo((key) => {
    const [name, provincie] = JSON.parse(key) as [string, string | null];
    return ctx.gemeenten.byName(name, provincie);
  });
  const byName = (name: string, provincie: string | null) => byNameMemo(JSON.stringify([name, provincie]));

  return function convert(cells: readonly Cell[], row: number): ImportedRow {
    const problems: RowProblem[] = [];
    const notes: string[] = [];
    const problem = (column: string | null, text: string) => problems.push({ row, column, problem: text });
    const cellsOf = (field: string) =>
      (fields.get(field) ?? []).map((c) => ({ column: c.name, cell: c.index >= 0 ? (cells[c.index] ?? null) : null }));

    const text = (field: string): { value: string; column: string } | null => {
      for (const { column, cell } of cellsOf(field)) {
        if (isEmptyCell(cell)) continue;
        const value = cellText(cell);
        const bad = unstorableCharacter(value);
        if (bad) {
          problem(column, `bevat een teken dat niet kan worden opgeslagen (${bad})`);
          return null;
        }
        return { value, column };
      }
      return null;
    };
    const unreadable = new Set<string>();
    const count = (field: string): number | null => {
      let sum: number | null = null;
      for (const { column, cell } of cellsOf(field)) {
        const n = parseCount(cell);
        if ('problem' in n) {
          problem(column, `${n.problem}; hier hoort een aantal woningen`);
          unreadable.add(field);
        } else if (n.value !== null) sum = (sum ?? 0) + n.value;
      }
      return sum;
    };
    const firstColumn = (field: string) => fields.get(field)?.[0]?.name ?? null;

    // Name and gemeente.
    const name = text('name');
    if (!name) problem(firstColumn('name'), 'de projectnaam ontbreekt');
    let gemeenteCode = '';
    const code = text('gemeenteCode');
    const gemeenteName = text('gemeente');
    const match = code
      ? byCode(code.value)
      : gemeenteName
        ? byName(gemeenteName.value, text('provincie')?.value ?? null)
        : { problem: 'de gemeente ontbreekt' };
    const gemeenteColumn = code?.column ?? gemeenteName?.column ?? firstColumn('gemeenteCode') ?? firstColumn('gemeente');
    if ('problem' in match) problem(gemeenteColumn, match.problem);
    else {
      gemeenteCode = match.code;
      if (match.note) tally.add(`Gemeente: ${match.note}`);
      if (!ctx.inScope(gemeenteCode)) problem(gemeenteColumn, `gemeente ${gemeenteCode} valt buiten de gemeenten waarvoor u mag importeren`);
    }

    // Plan status, origin, flags, description, synthetic.
    let planStatus: ProjectInput['planStatus'] = options.defaultPlanStatus;
    const status = text('planStatus');
    if (status) {
      const s = planStatusOf(status.value);
      if (s) planStatus = s;
      else problem(status.column, `planstatus '${status.value}' is onbekend; neem hem op in de waardenlijst van de koppeling (values.planStatus)`);
    } else if (fields.has('planStatus')) tally.add(`Planstatus leeg: ${LABELS[options.defaultPlanStatus]} gebruikt`);
    let origin: ProjectInput['origin'] = options.defaultOrigin;
    const originText = text('origin');
    if (originText) {
      const o = originOf(originText.value);
      if (o) origin = o;
      else problem(originText.column, `herkomst '${originText.value}' is onbekend; neem hem op in de waardenlijst van de koppeling (values.origin)`);
    }
    const flags: ProjectInput['flags'] = [];
    const flagText = text('flags');
    if (flagText) {
      for (const label of flagText.value
        .split(/[,;|]/)
        .map((l) => l.trim())
        .filter(Boolean)) {
        const f = recogniseFlag(label, mapping.values?.flags);
        if (f) {
          if (!flags.includes(f)) flags.push(f);
        } else problem(flagText.column, `kenmerk '${label}' is onbekend; neem het op in de waardenlijst van de koppeling (values.flags)`);
      }
    }
    let synthetic = false;
    for (const { column, cell } of cellsOf('synthetic')) {
      const yn = parseYesNo(cell);
      if ('problem' in yn) problem(column, yn.problem);
      else if (yn.value) synthetic = true;
    }

    // Homes: total, then the splits, each made to add up to the total.
    const totalCell = count('homesTotal');
    const segmentsGiven = SEGMENTS.filter((s) => fields.has(`homes.${s}`));
    const tenuresGiven = TENURES.filter((t) => fields.has(`tenure.${t}`));
    const segmentValues = Object.fromEntries(segmentsGiven.map((s) => [s, count(`homes.${s}`) ?? 0])) as Partial<Record<Segment, number>>;
    const tenureValues = Object.fromEntries(tenuresGiven.map((t) => [t, count(`tenure.${t}`) ?? 0])) as Partial<Record<Tenure, number>>;
    const typeValues = Object.fromEntries(
      SPLIT_WONINGTYPES.filter((w) => fields.has(`woningtype.${w}`)).map((w) => [w, count(`woningtype.${w}`) ?? 0]),
    ) as Partial<Record<Woningtype, number>>;
    const groupValues = Object.fromEntries(
      SPLIT_DOELGROEPEN.filter((d) => fields.has(`doelgroep.${d}`)).map((d) => [d, count(`doelgroep.${d}`) ?? 0]),
    ) as Partial<Record<Doelgroep, number>>;
    const positiveSum = (v: Partial<Record<string, number>>) => Object.values(v).reduce<number>((a, b) => a + Math.max(0, b ?? 0), 0);
    let total = totalCell;
    if (total === null && fields.has('homesTotal')) {
      const inferred = segmentsGiven.length ? positiveSum(segmentValues) : tenuresGiven.length ? positiveSum(tenureValues) : 0;
      if (inferred > 0) total = inferred;
      else if (!unreadable.has('homesTotal')) problem(firstColumn('homesTotal'), 'het aantal woningen ontbreekt');
    } else if (total === null) {
      total = segmentsGiven.length ? positiveSum(segmentValues) : tenuresGiven.length ? positiveSum(tenureValues) : positiveSum(typeValues);
    }
    if (total !== null && total < 0) {
      problem(firstColumn('homesTotal'), `het aantal woningen kan niet negatief zijn (${total})`);
      total = null;
    }
    const homes = total ?? 0;
    const noteFixes = (split: string, fixes: SplitFix[]) => {
      const described = fixes.flatMap((fix) => (fix ? [describeFix(split, fix, homes)] : []));
      if (described.length) notes.push(described.join('; '));
    };

    const segments = Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
    if (segmentsGiven.length > 0) {
      const fit = fitSplit<Segment>(segmentValues, homes, options.defaultSegment);
      noteFixes('segment', fit.fixes);
      for (const s of SEGMENTS) segments[s] += fit.parts[s] ?? 0;
    } else if (tenuresGiven.length > 0) {
      const fit = fitSplit<Tenure>(tenureValues, homes, 'onbekend');
      noteFixes('tenure', fit.fixes);
      for (const t of TENURES) segments[options.tenureSegments[t]] += fit.parts[t] ?? 0;
      const ts = options.tenureSegments;
      tally.add(
        `Huur/koop zonder segment: huur telt als ${LABELS[ts.huur]}, koop als ${LABELS[ts.koop]}, onbekend als ${LABELS[ts.onbekend]} (niet als betaalbaar zolang het segment onbekend is; dit is in te stellen in het koppelbestand)`,
        homes,
      );
    } else {
      segments[options.defaultSegment] += homes;
      tally.add(`Geen segment in het bestand: de woningen tellen als ${LABELS[options.defaultSegment]} (in te stellen in het koppelbestand)`, homes);
    }
    const woningtypes = Object.fromEntries(SPLIT_WONINGTYPES.map((w) => [w, 0])) as Record<Woningtype, number>;
    const typeFit = fitSplit<Woningtype>(typeValues, homes, 'onbekend');
    if (Object.keys(typeValues).length > 0) noteFixes('woningtype', typeFit.fixes);
    for (const w of SPLIT_WONINGTYPES) woningtypes[w] = typeFit.parts[w] ?? 0;
    const groupFit = fitSplit<Doelgroep>(groupValues, homes, 'regulier');
    if (Object.keys(groupValues).length > 0) noteFixes('doelgroep', groupFit.fixes);
    const doelgroepen = Object.fromEntries(DOELGROEPEN.map((d) => [d, groupFit.parts[d] ?? 0])) as Record<Doelgroep, number>;
    const programme = programmeFromMarginals(segments, woningtypes, doelgroepen);

    // Completions: years, (year, segment), periods spread over their years; before the first year or unknown: no jaarschijf.
    const planned: Array<{ year: number; segment: Segment | null; homes: number }> = [];
    const negative: string[] = [];
    for (const { field, c } of completionFields) {
      const n = count(field);
      if (n === null || n === 0) continue;
      if (n < 0) {
        negative.push(firstColumn(field) ?? field);
        continue;
      }
      if (c.kind === 'unknown') {
        tally.add('Oplevering onbekend: geen jaarschijf (de woningen staan wel in het programma)', n);
        continue;
      }
      const items =
        c.kind === 'year'
          ? [{ year: c.year, segment: c.segment, homes: n }]
          : [...spreadOverYears(n, c.from, c.to)].map(([year, h]) => ({ year, segment: null, homes: h }));
      if (c.kind === 'period') tally.add(`Oplevering ${c.from}–${c.to} gelijk verdeeld over de jaren ${c.from} tot en met ${c.to}`, n);
      for (const item of items) {
        if (item.year < options.firstYear) {
          tally.add(
            `Oplevering vóór ${options.firstYear} (het eerste jaar van het register): geen jaarschijf; de lijst telde deze woningen nog als restcapaciteit, dus ze staan wel in het programma (vertraagd of al opgeleverd: controleer ze)`,
            item.homes,
          );
        } else if (item.homes > 0) planned.push(item);
      }
    }
    if (negative.length) notes.push(`negatief aantal bij oplevering (${negative.join(', ')}) telt als 0`);
    const plannedSum = planned.reduce((s, p) => s + p.homes, 0);
    if (plannedSum > homes) {
      const scaled = fitSplit<string>(Object.fromEntries(planned.map((p, i) => [String(i), p.homes])), homes, '0');
      planned.forEach((p, i) => (p.homes = scaled.parts[String(i)] ?? 0));
      notes.push(describeFix('completions', { kind: 'scaled', sum: plannedSum }, homes));
    }
    const perYear = new Map<number, number>();
    const perYearSegment: Jaarschijf[] = [];
    for (const p of planned) {
      if (p.segment) perYearSegment.push({ year: p.year, segment: p.segment, homes: p.homes });
      else perYear.set(p.year, (perYear.get(p.year) ?? 0) + p.homes);
    }
    const jaarschijven = jaarschijvenFrom(perYear, perYearSegment, segments);

    // Milestones.
    const milestoneDates: MilestoneDate[] = [];
    for (const m of milestoneFields) {
      for (const { column, cell } of cellsOf(m.field)) {
        const d = parseDutchDate(cell);
        if ('problem' in d) problem(column, d.problem);
        else {
          if (d.approximate) tally.add(`Datum zonder dag (jaar, kwartaal of maand) als eerste dag ervan gelezen`);
          milestoneDates.push({ code: m.code, field: MILESTONE_DATE_KINDS[m.kind], value: d.value });
        }
        break;
      }
    }
    const milestones: Milestone[] = [];
    for (const md of milestoneDates) {
      let m = milestones.find((x) => x.code === md.code);
      if (!m) {
        const def = MILESTONES.find((d) => d.code === md.code)!;
        m = { code: md.code, ownerSide: def.allowedOwners[0], baselineDate: null, forecastDate: null, actualDate: null, homes: null };
        milestones.push(m);
      }
      m[md.field] = md.value;
    }
    milestones.sort((a, b) => a.code.localeCompare(b.code));
    const dateIssues = checkMilestoneDates(milestones, ctx.today);
    for (const issue of dateIssues) {
      const [, i, field] = /^milestones\[(\d+)\]\.(\w+)$/.exec(issue.path) ?? [];
      const m = milestones[Number(i)];
      const kind = Object.entries(MILESTONE_DATE_KINDS).find(([, f]) => f === field)?.[0];
      problem(m && kind ? firstColumn(`milestones.${m.code}.${kind}`) : null, issue.message);
    }

    // Location.
    let location: ProjectInput['location'] = null;
    const xs = cellsOf('x')[0];
    const ys = cellsOf('y')[0];
    if (xs && ys) {
      const x = parseCoordinate(xs.cell);
      const y = parseCoordinate(ys.cell);
      if ('problem' in x) problem(xs.column, `${x.problem}; hier hoort een coördinaat`);
      if ('problem' in y) problem(ys.column, `${y.problem}; hier hoort een coördinaat`);
      if (!('problem' in x) && !('problem' in y)) {
        if ((x.value === null) !== (y.value === null)) problem(x.value === null ? xs.column : ys.column, 'de andere coördinaat ontbreekt');
        else if (x.value !== null && y.value !== null) {
          // "560.951" is 560.951 or 560951 (a Dutch thousands point): the reading that lies in the Netherlands wins.
          const readings = (cell: Cell, value: number) => {
            const n = parseDutchNumber(cell, { thousandsDot: true });
            return 'problem' in n || n.value === null || n.value === value ? [value] : [value, n.value];
          };
          const rx = readings(xs.cell, x.value);
          const ry = readings(ys.cell, y.value);
          // Both as written, both with thousands points, then mixed.
          const pairs: Array<[number, number]> = [
            [rx[0]!, ry[0]!],
            [rx.at(-1)!, ry.at(-1)!],
            [rx[0]!, ry.at(-1)!],
            [rx.at(-1)!, ry[0]!],
          ];
          let p: DetectedPoint = detectPoint(x.value, y.value);
          for (const [xv, yv] of pairs) if ('problem' in p) p = detectPoint(xv, yv);
          if ('problem' in p) problem(xs.column, p.problem);
          else {
            location = p.point;
            if (p.system === 'rd') tally.add('Coördinaten in RD New (EPSG:28992) omgerekend naar lengte- en breedtegraad (WGS84)');
            if (p.system === 'wgs84-swapped') tally.add('Lengte- en breedtegraad stonden verwisseld en zijn omgedraaid');
          }
        }
      }
    }

    // External id.
    let externalId = '';
    const id = text('externalId');
    if (id) externalId = id.value;
    else if (fields.has('externalId')) problem(firstColumn('externalId'), 'het project-id ontbreekt');
    else if (name && gemeenteCode) {
      externalId = `${gemeenteCode}:${normaliseHeader(name.value)}`;
      tally.add('Geen kolom met een project-id: projecten herkend aan gemeente en projectnaam');
    }

    const input: ProjectInput = {
      name: name?.value ?? '',
      gemeenteCode,
      description: text('description')?.value ?? null,
      planStatus,
      origin,
      flags,
      location,
      synthetic,
      programme,
      jaarschijven,
      milestones,
      parties: [],
    };
    if (problems.length === 0) {
      for (const issue of checkProject(input).errors) problem(null, issue.message);
    }
    return { row, externalId, input, milestoneDates, problems, notes };
  };
}

/** The summary notes of a tally, in plain Dutch. */
export function tallyNotes(tally: Tally): string[] {
  return tally.entries().map(([text, c]) => `${text}: ${fmt(c.rows)} keer${c.homes ? `, ${fmt(c.homes)} woningen` : ''}.`);
}
