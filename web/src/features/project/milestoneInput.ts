/**
 * The optional milestone rows of "Nieuw project" (milestone + basisplanning + prognose, dates typed as dd-mm-jjjj)
 * → the `milestones` of POST /projects. The project always gets all twelve milestones (so each can be planned
 * later on the project page); a row only adds its dates to the milestone it names. Checked first the way the server
 * checks (an existing, plausible date: checkDateInput), plus: a milestone only once, a row with dates names its
 * milestone. Errors are keyed `milestones.<row>.<field>` and name the row ("Regel 2: …"), like the other rows.
 */
import type { components } from '../../api/generated/openapi.ts';
import { checkDateInput } from '../../components/dateInput.ts';
import { MILESTONE_CODES, type MilestoneCode } from '../../labels.ts';
import { rowKey, type Collected } from './projectForm.ts';

/** One milestone as POST /projects takes it. */
export type MilestoneEntry = components['schemas']['MilestoneEntryInput'];

export interface MilestoneRow {
  key: number;
  code: MilestoneCode | '';
  /** As typed (dd-mm-jjjj), so nothing is lost on an error. */
  baselineDate: string;
  forecastDate: string;
}

export type MilestoneRowField = 'code' | 'baselineDate' | 'forecastDate';

export const newMilestoneRow = (): MilestoneRow => ({ key: rowKey(), code: '', baselineDate: '', forecastDate: '' });

const DATE_FIELDS = [
  { field: 'baselineDate', what: 'De basisplanning' },
  { field: 'forecastDate', what: 'De prognosedatum' },
] as const;

const rowText = (index: number) => `Regel ${index + 1}`;

/**
 * All twelve milestones to send, with the dates of the rows merged in, and per item the row it came from (-1: no
 * row, a milestone still without dates), so the server's `milestones[5].forecastDate` finds its row. Empty rows
 * are left out.
 */
export function collectMilestones(rows: readonly MilestoneRow[], today?: string): Collected<MilestoneEntry> {
  const errors: Collected<MilestoneEntry>['errors'] = {};
  const chosen = new Map<MilestoneCode, { row: number; entry: MilestoneEntry }>();
  rows.forEach((r, i) => {
    if (r.code === '' && r.baselineDate.trim() === '' && r.forecastDate.trim() === '') return;
    const entry: MilestoneEntry = { code: r.code || 'M01' };
    for (const { field, what } of DATE_FIELDS) {
      const checked = checkDateInput(r[field], { what, kind: 'planned', today });
      if (checked.kind === 'invalid') {
        errors[`milestones.${i}.${field}`] = `${rowText(i)}: ${checked.message}`;
      } else if (checked.kind === 'date') entry[field] = checked.iso;
    }
    if (r.code === '') {
      errors[`milestones.${i}.code`] = `${rowText(i)}: Kies de mijlpaal waarbij deze datums horen.`;
      return;
    }
    const earlier = chosen.get(r.code);
    if (earlier) {
      errors[`milestones.${i}.code`] = `${rowText(i)}: Deze mijlpaal staat al in regel ${earlier.row + 1}. Zet de datums in één regel.`;
      return;
    }
    chosen.set(r.code, { row: i, entry });
  });
  const items: MilestoneEntry[] = [];
  const rowOf: number[] = [];
  for (const code of MILESTONE_CODES) {
    const found = chosen.get(code);
    items.push(found?.entry ?? { code });
    rowOf.push(found?.row ?? -1);
  }
  return { items, rowOf, errors };
}
