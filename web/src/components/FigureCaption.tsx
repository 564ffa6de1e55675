/** The caption under a chart (`figcaption` in the muted paragraph style); the chart's figures are in a table or the text as well. */
import type { ReactNode } from 'react';

export function FigureCaption({ children }: { children: ReactNode }) {
  return <figcaption className="utrecht-paragraph wbm-muted">{children}</figcaption>;
}
