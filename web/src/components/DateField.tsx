/**
 * A date typed as text (dd-mm-jjjj), with its label, a hint, and the error right next to it. Used by
 * every form that takes a date, so an impossible date is never silently turned into "no date" (issue 8):
 * what the user typed stays in the field until they change it. Parse with parseDateInput/checkDateInput.
 */
import type { ReactNode, RefObject } from 'react';
import { DATE_FORMAT_HINT } from './dateInput.ts';
import { FormField } from './FormField.tsx';
import { TextInput } from './TextInput.tsx';

export interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Ids of further descriptions (e.g. the current baseline). */
  describedBy?: string;
  disabled?: boolean;
  required?: boolean;
  /** Extra controls under the field (e.g. "Datum wissen"). */
  children?: ReactNode;
  testId?: string;
}

export function DateField({ id, label, value, onChange, error, inputRef, describedBy, disabled, required, children, testId }: DateFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedByIds = [error ? errorId : null, hintId, describedBy].filter(Boolean).join(' ');
  return (
    <FormField id={id} label={label} error={error} description={DATE_FORMAT_HINT} descriptionId={hintId} testId={testId}>
      <TextInput
        id={id}
        ref={inputRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        size={12}
        maxLength={20}
        className={`wbm-date-input${error ? ' utrecht-textbox--invalid' : ''}`}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedByIds}
      />
      {children}
    </FormField>
  );
}
