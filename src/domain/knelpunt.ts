/** Rules for knelpunten (bottlenecks). SPEC §2 "Knelpunt". */
import type { Issue } from './errors.ts';
import { formatDatum } from './format-nl.ts';
import type { Knelpunt } from './project.ts';

/** A knelpunt cannot be resolved before it was raised, and a resolution date needs a resolution text. */
export function checkKnelpunt(k: Pick<Knelpunt, 'raisedDate' | 'resolvedDate' | 'resolution'>): Issue[] {
  const errors: Issue[] = [];
  if (k.resolvedDate && k.resolvedDate < k.raisedDate) {
    errors.push({
      path: 'resolvedDate',
      code: 'date_order',
      message: `De datum van oplossen (${formatDatum(k.resolvedDate)}) ligt vóór de datum van melden (${formatDatum(k.raisedDate)}).`,
    });
  }
  if (k.resolvedDate && !k.resolution?.trim()) {
    errors.push({ path: 'resolution', code: 'required', message: 'Beschrijf hoe het knelpunt is opgelost.' });
  }
  return errors;
}
