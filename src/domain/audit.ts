/** Field-level change lists for the audit trail (SPEC §7: every change traceable). */
import type { Principal } from './access.ts';

/** The channel a change came through. */
export type Via = 'ui' | 'api' | 'import' | 'cli' | 'system';

/** Who makes a change, and through which channel. */
export interface Actor {
  principal: Principal;
  via: Via;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The identity of an item in a list, so lists are compared item by item: milestones by code,
 * knelpunten by id, parties by organisation and role, jaarschijven by year and segment, programme
 * lines by segment, type and target group.
 */
const ITEM_KEYS: ReadonlyArray<readonly string[]> = [
  ['code'],
  ['id'],
  ['organisationId', 'role'],
  ['year', 'segment'],
  ['segment', 'woningtype', 'doelgroep'],
];

function keyOf(item: unknown): string | null {
  if (!isPlainObject(item)) return null;
  const key = ITEM_KEYS.find((fields) => fields.every((f) => item[f] !== undefined && item[f] !== null));
  return key ? key.map((f) => String(item[f])).join('/') : null;
}

/**
 * The changed leaf fields between two values, with dotted paths (`milestones.M12.forecastDate`).
 * Arrays of keyed objects are matched by key; other arrays are compared whole.
 */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffFields(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = [...before, ...after].every((x) => keyOf(x) !== null);
    if (keyed && before.length + after.length > 0) {
      const b = new Map(before.map((x) => [keyOf(x)!, x]));
      const a = new Map(after.map((x) => [keyOf(x)!, x]));
      const keys = [...new Set([...b.keys(), ...a.keys()])].sort();
      return keys.flatMap((k) => diffFields(b.get(k) ?? null, a.get(k) ?? null, `${path}.${k}`));
    }
  }
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ field: path, old: before ?? null, new: after ?? null }];
}
