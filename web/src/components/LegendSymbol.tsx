/** The 20×20 symbol in front of a legend item (a dot, a square); decoration: the item's text says what it means. */
import type { ReactNode } from 'react';

export function LegendSymbol({ children }: { children: ReactNode }) {
  return (
    <svg className="wbm-legend-dot" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}
