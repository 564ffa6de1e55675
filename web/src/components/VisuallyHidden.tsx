/** Text for screen readers only (e.g. the rest of a link's name, or the header of an action column). */
import type { ReactNode } from 'react';

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="rhc-visually-hidden">{children}</span>;
}
