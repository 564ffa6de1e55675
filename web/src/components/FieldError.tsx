/** The error of one form field, right above its input; the input names it in `aria-describedby`. */
import type { ReactNode } from 'react';

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="utrecht-form-field-error-message wbm-field-error" id={id}>
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}
