/** One term and its value in an NL Design System data list (`<dl className="utrecht-data-list ...">`). */
import type { ReactNode } from 'react';

export function DataItem({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{term}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}
