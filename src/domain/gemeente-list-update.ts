/**
 * A newer CBS gemeente list with its herindelingen (issue 13 item 5; SPEC §2 "Geography"): which gemeenten are new,
 * which ended and where their projects, region memberships and targets go, without losing history. Pure: the caller
 * reads the two files (the layouts of data/reference/gemeenten_2025.csv and herindelingen_2012_2025.csv) and applies
 * the plan.
 *
 * Rules *(design)*: a gemeente of the current list that is missing from the new list has ended; it must resolve through
 * the herindelingen (old and new) to gemeenten of the new list, or the update is refused. Its projects go to its
 * successor — for a split (opsplitsing) to the successor with the largest share, reported so a person can check them.
 * CBS figures stay under the old codes (they are mapped at read time through the herindelingen).
 */
import { resolveSuccessors, type Herindeling, type HerindelingEvent, type Successor } from './herindelingen.ts';

export interface GemeenteListRow {
  code: string;
  name: string;
  provincieCode: string;
  coropCode: string;
  coropName: string;
}

export interface ListError {
  file: 'gemeenten' | 'herindelingen';
  line: number;
  column: string;
  message: string;
}

export interface EndedGemeente {
  code: string;
  name: string;
  endedOn: string;
  successors: Successor[];
  /** Where its projects go: the only successor, or the one with the largest share of a split. */
  projectsTo: string;
  split: boolean;
}

export interface GemeenteListPlan {
  added: GemeenteListRow[];
  renamed: Array<{ code: string; from: string; to: string }>;
  ended: EndedGemeente[];
  herindelingen: Herindeling[];
  list: GemeenteListRow[];
  errors: ListError[];
}

const EVENTS: readonly HerindelingEvent[] = ['samenvoeging', 'opsplitsing', 'naamswijziging'];

function rowsOf(
  rows: string[][],
  columns: readonly string[],
  file: ListError['file'],
  errors: ListError[],
): Array<{ line: number; get: (c: string) => string }> {
  const [header, ...body] = rows;
  const names = (header ?? []).map((h) => h.trim());
  const missing = columns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    errors.push({ file, line: 1, column: missing.join(', '), message: `kolom ontbreekt (kolommen in het bestand: ${names.join(', ')})` });
    return [];
  }
  return body
    .map((fields, i) => ({ line: i + 2, get: (c: string) => (fields[names.indexOf(c)] ?? '').trim(), empty: fields.every((f) => f.trim() === '') }))
    .filter((r) => !r.empty);
}

/**
 * Plan the update. `current`: the gemeenten in use now; `knownHerindelingen`: those stored; `provincieCodes`: the
 * provinces that exist. Nothing is thrown for bad data: every problem is in `errors`.
 */
export function planGemeenteListUpdate(input: {
  gemeentenRows: string[][];
  herindelingenRows: string[][];
  current: ReadonlyArray<{ code: string; name: string }>;
  knownHerindelingen: readonly Herindeling[];
  provincieCodes: ReadonlySet<string>;
}): GemeenteListPlan {
  const errors: ListError[] = [];
  const list: GemeenteListRow[] = [];
  const seen = new Set<string>();
  for (const r of rowsOf(input.gemeentenRows, ['gemeente_code', 'gemeente_name', 'province_code', 'corop_code', 'corop_name'], 'gemeenten', errors)) {
    const err = (column: string, message: string) => errors.push({ file: 'gemeenten', line: r.line, column, message });
    const code = r.get('gemeente_code');
    if (!/^GM\d{4}$/.test(code)) err('gemeente_code', `'${code}' heeft niet de vorm GM0363`);
    else if (seen.has(code)) err('gemeente_code', `${code} staat twee keer in de lijst`);
    if (!r.get('gemeente_name')) err('gemeente_name', 'naam ontbreekt');
    if (!input.provincieCodes.has(r.get('province_code'))) err('province_code', `'${r.get('province_code')}' is geen provincie`);
    seen.add(code);
    list.push({
      code,
      name: r.get('gemeente_name'),
      provincieCode: r.get('province_code'),
      coropCode: r.get('corop_code'),
      coropName: r.get('corop_name'),
    });
  }
  const fileHerindelingen: Herindeling[] = [];
  for (const r of rowsOf(
    input.herindelingenRows,
    ['gemeente_code', 'gemeente_name', 'year', 'effective_date', 'event', 'successor_code', 'successor_name', 'weight', 'weight_basis'],
    'herindelingen',
    errors,
  )) {
    const err = (column: string, message: string) => errors.push({ file: 'herindelingen', line: r.line, column, message });
    const before = errors.length;
    for (const c of ['gemeente_code', 'successor_code']) if (!/^GM\d{4}$/.test(r.get(c))) err(c, `'${r.get(c)}' heeft niet de vorm GM0363`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.get('effective_date'))) err('effective_date', `'${r.get('effective_date')}' is geen datum (JJJJ-MM-DD)`);
    if (!EVENTS.includes(r.get('event') as HerindelingEvent)) err('event', `'${r.get('event')}' is geen ${EVENTS.join(', ')}`);
    const weight = Number(r.get('weight'));
    if (!(weight > 0)) err('weight', `'${r.get('weight')}' is geen positief gewicht`);
    if (errors.length > before) continue;
    fileHerindelingen.push({
      gemeenteCode: r.get('gemeente_code'),
      gemeenteName: r.get('gemeente_name'),
      year: Number(r.get('year')) || Number(r.get('effective_date').slice(0, 4)),
      effectiveDate: r.get('effective_date'),
      event: r.get('event') as HerindelingEvent,
      successorCode: r.get('successor_code'),
      successorName: r.get('successor_name'),
      weight,
      weightBasis: r.get('weight_basis'),
    });
  }
  const newCodes = new Set(list.map((g) => g.code));
  const currentByCode = new Map(input.current.map((g) => [g.code, g.name]));
  const fileKeys = new Set(fileHerindelingen.map((h) => `${h.gemeenteCode}/${h.successorCode}`));
  const all = [...input.knownHerindelingen.filter((h) => !fileKeys.has(`${h.gemeenteCode}/${h.successorCode}`)), ...fileHerindelingen];
  const endedCodes = input.current.map((g) => g.code).filter((c) => !newCodes.has(c));
  const resolution = resolveSuccessors(all, newCodes, endedCodes);
  for (const p of resolution.problems) {
    errors.push({
      file: 'herindelingen',
      line: 0,
      column: 'gemeente_code',
      message: `${p.code} (${currentByCode.get(p.code) ?? p.code}) staat niet meer in de nieuwe lijst: ${p.message}`,
    });
  }
  // Every herindeling of the file must end in the new list (a successor that is neither new nor merged on is a typo).
  const check = resolveSuccessors(
    all,
    newCodes,
    fileHerindelingen.map((h) => h.successorCode),
  );
  for (const p of check.problems)
    errors.push({ file: 'herindelingen', line: 0, column: 'successor_code', message: `opvolger ${p.code}: ${p.message}` });

  const ended: EndedGemeente[] = endedCodes
    .filter((c) => resolution.successors.has(c))
    .map((code) => {
      const successors = resolution.successors.get(code)!;
      const own = all.filter((h) => h.gemeenteCode === code);
      const endedOn =
        own
          .map((h) => h.effectiveDate)
          .sort()
          .at(-1) ?? '';
      const projectsTo = [...successors].sort((a, b) => b.share - a.share || a.code.localeCompare(b.code))[0]!.code;
      return { code, name: currentByCode.get(code) ?? code, endedOn, successors, projectsTo, split: successors.length > 1 };
    });
  return {
    added: list.filter((g) => !currentByCode.has(g.code)),
    renamed: list
      .filter((g) => currentByCode.has(g.code) && currentByCode.get(g.code) !== g.name)
      .map((g) => ({ code: g.code, from: currentByCode.get(g.code)!, to: g.name })),
    ended,
    herindelingen: fileHerindelingen,
    list,
    errors,
  };
}
