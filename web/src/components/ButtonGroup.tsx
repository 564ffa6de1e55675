/** Buttons side by side (NL Design System `utrecht-button-group`); `wbm-button-row` for the row under a form. */
import type { ReactNode } from 'react';

export function ButtonGroup({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={className ? `utrecht-button-group ${className}` : 'utrecht-button-group'}>{children}</div>;
}
