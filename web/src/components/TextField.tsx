/** A one-line text field with its label (NL Design System `utrecht-textbox`); see DateField for dates. */
import type { HTMLInputTypeAttribute } from 'react';
import { FormField } from './FormField.tsx';
import { TextInput } from './TextInput.tsx';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** `text` unless the browser can help with the kind of value (`email`, `password`, `search`). */
  type?: HTMLInputTypeAttribute;
  /** What the browser may fill in (`username`, `current-password`, …). */
  autoComplete?: string;
  maxLength?: number;
  /** Extra classes of the field around label and input. */
  className?: string;
}

export function TextField({ id, label, value, onChange, type = 'text', autoComplete, maxLength, className }: TextFieldProps) {
  return (
    <FormField id={id} label={label} className={className}>
      <TextInput id={id} type={type} autoComplete={autoComplete} value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
    </FormField>
  );
}
