/** A checkbox with its label after it (NL Design System `utrecht-checkbox` in a checkbox form field). */
import type { ReactNode } from 'react';

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ id, label, checked, onChange }: CheckboxFieldProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox wbm-checkbox">
      <input
        id={id}
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
