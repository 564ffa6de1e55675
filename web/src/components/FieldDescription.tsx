/** The help text of a form field, under its label; the control names it in `aria-describedby`. */
import type { ReactNode } from 'react';

export function FieldDescription({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="utrecht-form-field-description wbm-muted" id={id}>
      {children}
    </p>
  );
}
