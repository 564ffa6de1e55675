/** A labelled form field (NL Design System `utrecht-form-field`): label, the error right above the control, the control. */
import type { ReactNode } from 'react';
import { FieldDescription } from './FieldDescription.tsx';
import { FieldError } from './FieldError.tsx';

export interface FormFieldProps {
  /** Id of the control the label names; the error gets `${id}-error` (name it in the control's aria-describedby). */
  id: string;
  label: ReactNode;
  /** The message when the value is wrong; marks the field invalid. */
  error?: string | null;
  /** The control, and any description after it. */
  children: ReactNode;
  /** Extra classes of the field (e.g. its place in a grid). */
  className?: string;
  /** Help text between the label and the error (name it in the control's aria-describedby). */
  description?: ReactNode;
  /** Id of the help text; by default `${id}-help`. */
  descriptionId?: string;
  /** `data-testid` of the field. */
  testId?: string;
}

export function FormField({ id, label, error, children, className, description, descriptionId = `${id}-help`, testId }: FormFieldProps) {
  return (
    <div
      className={['utrecht-form-field', 'wbm-field', className, error && 'utrecht-form-field--invalid'].filter(Boolean).join(' ')}
      data-testid={testId}
    >
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {description !== undefined && <FieldDescription id={descriptionId}>{description}</FieldDescription>}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      {children}
    </div>
  );
}
