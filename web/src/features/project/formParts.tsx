/**
 * Small parts shared by "Nieuw project" and the project's edit forms: field ids and summary labels derived from an
 * error key (projectForm.ts), the aria attributes of a control with an error, and the error summary that takes the
 * focus after a failed save (WCAG 3.3.1: the errors are named, next to the field and in one list at the top).
 */
import { useEffect, useRef } from 'react';
import { ErrorSummaryList } from '../../components/ErrorSummaryList.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { PROJECT_FLAGS } from '../../labels.ts';
import { LOCATION_LABELS, type LocationField } from './locationInput.ts';
import type { FieldErrors } from './projectForm.ts';

/** The id of the control an error key names: `programme.1.homes` → `<prefix>-programme-1-homes`. */
export function fieldId(prefix: string, key: string): string {
  if (key === 'flags') return `${prefix}-flag-${PROJECT_FLAGS[0]}`;
  return `${prefix}-${key.replace(/\./g, '-')}`;
}

const CORE_LABELS: Record<string, string> = {
  gemeenteCode: 'Gemeente',
  name: 'Naam',
  description: 'Beschrijving',
  planStatus: 'Planstatus',
  origin: 'Herkomst',
  flags: 'Kenmerken',
};
const PART_LABELS: Record<string, string> = { programme: 'Programma', jaarschijven: 'Jaarschijven', parties: 'Partijen', milestones: 'Mijlpalen' };
const ROW_FIELD_LABELS: Record<string, string> = {
  segment: 'segment',
  woningtype: 'woningtype',
  doelgroep: 'doelgroep',
  homes: 'aantal woningen',
  year: 'jaar',
  organisationId: 'organisatie',
  role: 'rol',
  code: 'mijlpaal',
  baselineDate: 'basisplanning',
  forecastDate: 'prognose',
};

/** The name of the field in the error summary ("Programma – aantal woningen"); the message itself names the row. */
export function fieldLabel(key: string): string {
  const [head = '', , field = ''] = key.split('.');
  if (head === 'location') return `Ligging – ${LOCATION_LABELS[key.split('.')[1] as LocationField] ?? 'punt'}`;
  if (PART_LABELS[head]) return `${PART_LABELS[head]} – ${ROW_FIELD_LABELS[field] ?? 'regel'}`;
  return CORE_LABELS[key] ?? key;
}

/** aria attributes of a control whose error (if any) stands next to it; `help`: the id of its help text. */
export function invalidProps(id: string, error: string | undefined, help?: string) {
  const describedBy = [help, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': describedBy || undefined };
}

/**
 * "Controleer het formulier": every wrong field as a link to it, then the messages that belong to no field.
 * Takes the focus each time `attempt` changes (one more failed save), so a screen reader hears the list.
 */
export function FormErrors({
  prefix,
  errors,
  other,
  attempt,
  title = 'Controleer het formulier',
  testId,
}: {
  prefix: string;
  errors: FieldErrors;
  other: readonly string[];
  attempt: number;
  title?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const keys = Object.keys(errors);
  const shown = keys.length > 0 || other.length > 0;
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  return (
    <div ref={ref} tabIndex={-1} className="wbm-error-summary">
      {shown && (
        <Alert type="error" title={title} urgent>
          <ErrorSummaryList
            testId={testId}
            fields={keys.map((key) => {
              const id = fieldId(prefix, key);
              return { id, label: fieldLabel(key), message: errors[key]!, focus: () => document.getElementById(id)?.focus() };
            })}
            other={other}
          />
        </Alert>
      )}
    </div>
  );
}
