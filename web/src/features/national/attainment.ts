/**
 * Target attainment (expected completions / target) in classes for the province map. Each class has
 * a colour (sequential blue–orange, ≥3:1 against the map background) and a name in words, used in the
 * legend and the table, so nothing depends on colour alone (WCAG 1.4.1).
 */
export type AttainmentClass = 'gehaald' | 'bijna' | 'achter' | 'ver_achter' | 'geen_doel';

export const ATTAINMENT_CLASSES: readonly AttainmentClass[] = ['gehaald', 'bijna', 'achter', 'ver_achter', 'geen_doel'];

export const ATTAINMENT_LABELS: Record<AttainmentClass, string> = {
  gehaald: 'Haalt het doel (100% of meer)',
  bijna: 'Bijna (75% tot 100%)',
  achter: 'Achter (50% tot 75%)',
  ver_achter: 'Ver achter (minder dan 50%)',
  geen_doel: 'Geen doel bekend',
};

/** Short name for table cells. */
export const ATTAINMENT_SHORT: Record<AttainmentClass, string> = {
  gehaald: 'Haalt het doel',
  bijna: 'Bijna',
  achter: 'Achter',
  ver_achter: 'Ver achter',
  geen_doel: 'Geen doel bekend',
};

export const ATTAINMENT_COLOURS: Record<AttainmentClass, string> = {
  gehaald: '#1d6b33',
  bijna: '#6b8f2a',
  achter: '#c46a00',
  ver_achter: '#a3271f',
  geen_doel: '#ffffff',
};

export function attainmentClass(attainment: number | null | undefined): AttainmentClass {
  if (attainment === null || attainment === undefined || !Number.isFinite(attainment)) return 'geen_doel';
  if (attainment >= 1) return 'gehaald';
  if (attainment >= 0.75) return 'bijna';
  if (attainment >= 0.5) return 'achter';
  return 'ver_achter';
}

/** Value of a special target with its unit, in Dutch: "60.000 kamers", "30.000 woningen per jaar", "67%". */
export function formatTargetValue(value: number, unit: 'woningen' | 'woningen_per_jaar' | 'aandeel' | 'kamers'): string {
  const n = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
  switch (unit) {
    case 'aandeel':
      return new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(value);
    case 'woningen_per_jaar':
      return `${n.format(value)} woningen per jaar`;
    case 'kamers':
      return `${n.format(value)} kamers`;
    default:
      return `${n.format(value)} woningen`;
  }
}
