/**
 * Puts the `errors[]` of a problem+json answer next to the form fields they name. The API names a
 * field either directly (`forecastDate`, request validation) or inside the project
 * (`milestones[11].actualDate`, a rule about milestone order).
 */
import type { Issue } from '../../api/types.ts';

export type MilestoneField = 'forecastDate' | 'actualDate';

export interface FieldErrors {
  fields: Partial<Record<MilestoneField, string>>;
  /** Errors that belong to no field of this form. */
  other: string[];
}

const FIELDS: readonly MilestoneField[] = ['forecastDate', 'actualDate'];

export function mapMilestoneErrors(errors: readonly Issue[], milestoneIndex: number): FieldErrors {
  const result: FieldErrors = { fields: {}, other: [] };
  for (const e of errors) {
    const match = /^(?:milestones\[(\d+)\]\.)?(\w+)$/.exec(e.path);
    const field = match?.[2] as MilestoneField | undefined;
    const index = match?.[1] === undefined ? milestoneIndex : Number(match[1]);
    if (field && FIELDS.includes(field) && index === milestoneIndex) {
      result.fields[field] = result.fields[field] ? `${result.fields[field]} ${e.message}` : e.message;
    } else {
      result.other.push(e.message);
    }
  }
  return result;
}
