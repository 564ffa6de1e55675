/**
 * Small form parts shared by the Woningbouwimpuls and Gebiedsbudget pages: a number field (amounts in euros, counts)
 * that keeps what was typed, the server's 422 issues mapped to the fields they name, and the eligibility result per
 * criterion (met / not met, the rule, what was found, and the source by its title and date).
 */
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextInput } from '../../components/TextInput.tsx';

/** `1.250.000`, `1250000` or `1 250 000` → 1250000; null when it is not a whole number. */
export function parseWhole(text: string): number | null {
  const cleaned = text.replace(/[\s.\u00a0€]/g, '');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : null;
}

export function euros(amount: number): string {
  return `€ ${Math.round(amount).toLocaleString('nl-NL')}`;
}

export type FieldErrors = Record<string, string | undefined>;

/** The issues of a refused request by field (422), or the message of any other failure. */
export function problemOf(err: unknown): { fields: FieldErrors; message: string | null } {
  if (err instanceof ApiError && err.status === 422 && err.problem?.errors?.length) {
    return { fields: Object.fromEntries(err.problem.errors.map((i) => [i.path, i.message])), message: null };
  }
  return { fields: {}, message: err instanceof Error ? err.message : 'Er ging iets mis.' };
}

export function NumberField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  description?: ReactNode;
}) {
  const { id, label, value, onChange, error, description } = props;
  return (
    <FormField id={id} label={label} error={error} description={description}>
      <TextInput
        id={id}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? `${id}-error` : null, description ? `${id}-help` : null].filter(Boolean).join(' ') || undefined}
        className={error ? 'utrecht-textbox--invalid' : undefined}
      />
    </FormField>
  );
}

interface Criterion {
  code: string;
  met: boolean;
  rule: string;
  finding: string;
  source: string;
}

/** The eligibility check as a list: each requirement with "Voldaan" / "Niet voldaan", the rule and what was found. */
export function EligibilityList({
  criteria,
  eligible,
  headingId,
  testId,
}: {
  criteria: readonly Criterion[];
  eligible: boolean;
  headingId: string;
  testId?: string;
}) {
  const sources = [...new Set(criteria.map((c) => c.source))];
  return (
    <div data-testid={testId}>
      <Heading level={4} id={headingId}>
        Toets op de voorwaarden: {eligible ? 'voldoet aan alle voorwaarden' : 'voldoet niet aan alle voorwaarden'}
      </Heading>
      <ul className="utrecht-unordered-list" aria-labelledby={headingId}>
        {criteria.map((c) => (
          <li key={c.code} className="utrecht-unordered-list__item" data-criterion={c.code} data-met={c.met ? 'ja' : 'nee'}>
            <strong>{c.met ? 'Voldaan' : 'Niet voldaan'}:</strong> {c.rule} <em>{c.finding}</em>
          </li>
        ))}
      </ul>
      <Paragraph>Bron: {sources.join('; ')}.</Paragraph>
    </div>
  );
}
