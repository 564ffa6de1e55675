/** A group of form fields under one legend (NL Design System `utrecht-form-fieldset`). */
import type { ReactNode } from 'react';

export function Fieldset({ legend, className, children }: { legend: ReactNode; className?: string; children: ReactNode }) {
  return (
    <fieldset className={className ? `utrecht-form-fieldset ${className}` : 'utrecht-form-fieldset'}>
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}
