/**
 * Consistency checks of a project. SPEC §2: milestone order, jaarschijven summing to the programme,
 * no negative counts. Errors block a save; warnings are shown with the project.
 */
import { LABELS, MILESTONES, type MilestoneCode } from './codes.ts';
import { isIsoDate } from './dates.ts';
import { effectiveDate } from './delay.ts';
import type { Issue } from './errors.ts';
import { formatDatum } from './format-nl.ts';
import { jaarschijvenMismatches, programmeTotals } from './programme.ts';
import type { Milestone, ProjectInput } from './project.ts';

export interface CheckResult {
  errors: Issue[];
  warnings: Issue[];
}

/**
 * Milestones that cannot come before another one (earlier, later).
 * NOTE: parallel plannen (SPEC §5) lets phases overlap, so only hard legal order is enforced:
 * the plan procedure runs ter inzage → vastgesteld → onherroepelijk, a permit is granted after it was
 * requested, building starts only with a permit, and oplevering comes after start bouw.
 */
export const MILESTONE_ORDER: ReadonlyArray<[MilestoneCode, MilestoneCode]> = [
  ['M05', 'M06'],
  ['M06', 'M07'],
  ['M08', 'M09'],
  ['M09', 'M11'],
  ['M11', 'M12'],
];

const DATE_FIELDS = ['baselineDate', 'forecastDate', 'actualDate'] as const;

function label(code: MilestoneCode): string {
  return `${MILESTONES.find((m) => m.code === code)!.label} (${code})`;
}

function checkCount(path: string, value: number, errors: Issue[]): void {
  if (!Number.isInteger(value)) {
    errors.push({ path, code: 'not_integer', message: 'Aantal woningen moet een heel getal zijn.' });
  } else if (value < 0) {
    errors.push({ path, code: 'negative_count', message: `Aantal woningen kan niet negatief zijn (${value}).` });
  }
}

function checkMilestones(milestones: readonly Milestone[], totalHomes: number, errors: Issue[]): void {
  const indexByCode = new Map<MilestoneCode, number>();
  milestones.forEach((m, i) => {
    if (indexByCode.has(m.code)) {
      errors.push({ path: `milestones[${i}].code`, code: 'duplicate', message: `Mijlpaal ${m.code} staat er twee keer in.` });
    }
    indexByCode.set(m.code, i);
    const def = MILESTONES.find((d) => d.code === m.code)!;
    if (!def.allowedOwners.includes(m.ownerSide)) {
      errors.push({
        path: `milestones[${i}].ownerSide`,
        code: 'owner_side',
        message: `${label(m.code)} hoort bij ${def.allowedOwners.map((o) => LABELS[o].toLowerCase()).join(' of ')}.`,
      });
    }
    for (const field of DATE_FIELDS) {
      const value = m[field];
      if (value !== null && !isIsoDate(value)) {
        errors.push({ path: `milestones[${i}].${field}`, code: 'invalid_date', message: `'${value}' is geen geldige datum (JJJJ-MM-DD).` });
      }
    }
    if (m.homes !== null) {
      if (m.code !== 'M12') {
        errors.push({
          path: `milestones[${i}].homes`,
          code: 'homes_not_allowed',
          message: 'Een aantal woningen hoort alleen bij de oplevering (M12).',
        });
      } else {
        checkCount(`milestones[${i}].homes`, m.homes, errors);
        if (m.homes > totalHomes) {
          errors.push({
            path: `milestones[${i}].homes`,
            code: 'exceeds_programme',
            message: `Er worden ${m.homes} woningen opgeleverd, maar het programma heeft er ${totalHomes}.`,
          });
        }
      }
    }
  });
  if (errors.some((e) => e.code === 'invalid_date')) return;

  for (const [earlierCode, laterCode] of MILESTONE_ORDER) {
    const ei = indexByCode.get(earlierCode);
    const li = indexByCode.get(laterCode);
    const earlier = ei === undefined ? undefined : milestones[ei];
    const later = li === undefined ? undefined : milestones[li];
    if (!earlier || !later) continue;
    const pairs: Array<[string, string | null, string | null]> = [
      ['baselineDate', earlier.baselineDate, later.baselineDate],
      [later.actualDate ? 'actualDate' : 'forecastDate', effectiveDate(earlier), effectiveDate(later)],
    ];
    for (const [field, a, b] of pairs) {
      if (a && b && b < a) {
        errors.push({
          path: `milestones[${li}].${field}`,
          code: 'milestone_order',
          message: `${label(laterCode)} (${formatDatum(b)}) ligt vóór ${label(earlierCode)} (${formatDatum(a)}).`,
        });
      }
    }
  }
}

/** Check a project's input; the caller refuses to save when `errors` is not empty. */
export function checkProject(input: ProjectInput): CheckResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];

  const programmeKeys = new Set<string>();
  input.programme.forEach((line, i) => {
    checkCount(`programme[${i}].homes`, line.homes, errors);
    const key = `${line.segment}/${line.woningtype}/${line.doelgroep}`;
    if (programmeKeys.has(key)) {
      const combination = [LABELS[line.segment], LABELS[line.woningtype], LABELS[line.doelgroep]].join(', ').toLowerCase();
      errors.push({ path: `programme[${i}]`, code: 'duplicate', message: `De combinatie ${combination} staat er twee keer in.` });
    }
    programmeKeys.add(key);
  });

  const schijfKeys = new Set<string>();
  input.jaarschijven.forEach((s, i) => {
    checkCount(`jaarschijven[${i}].homes`, s.homes, errors);
    if (!Number.isInteger(s.year) || s.year < 2000 || s.year > 2100) {
      errors.push({ path: `jaarschijven[${i}].year`, code: 'invalid_year', message: `Jaar ${s.year} ligt niet tussen 2000 en 2100.` });
    }
    const key = `${s.year}/${s.segment}`;
    if (schijfKeys.has(key)) {
      errors.push({ path: `jaarschijven[${i}]`, code: 'duplicate', message: `Jaarschijf ${s.year} ${LABELS[s.segment]} staat er twee keer in.` });
    }
    schijfKeys.add(key);
  });

  // The same organisation in the same role twice is one party (and would break the table's key: a 500).
  const partyKeys = new Set<string>();
  input.parties.forEach((p, i) => {
    const key = `${p.organisationId}/${p.role}`;
    if (partyKeys.has(key)) {
      errors.push({ path: `parties[${i}]`, code: 'duplicate', message: `Deze organisatie staat er al als ${LABELS[p.role] ?? p.role} in.` });
    }
    partyKeys.add(key);
  });

  const totals = programmeTotals(input.programme);
  checkMilestones(input.milestones, totals.totalHomes, errors);

  if (errors.length === 0) {
    for (const m of jaarschijvenMismatches(input.programme, input.jaarschijven)) {
      warnings.push({
        path: 'jaarschijven',
        code: 'jaarschijven_mismatch',
        message: `${LABELS[m.segment]}: de jaarschijven tellen op tot ${m.planned} woningen, het programma heeft er ${m.programme}.`,
      });
    }
  }
  return { errors, warnings };
}
