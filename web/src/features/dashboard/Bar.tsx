/** A small bar in a table cell: decoration (aria-hidden) that helps the eye compare rows; the figure is the text beside it. */
import type { ReactNode } from 'react';

export function Bar({ share }: { share: number }) {
  return <span className="wbm-bar" aria-hidden="true" style={{ inlineSize: `${Math.max(0, Math.min(1, share)) * 100}%` }} />;
}

/** A figure with a Bar of the given share (0–1) after it: the cell of a numeric column. */
export function WithBar({ share, children }: { share: number; children: ReactNode }) {
  return (
    <>
      {children}
      <Bar share={share} />
    </>
  );
}
