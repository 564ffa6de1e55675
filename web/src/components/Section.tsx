/** A page section named by its own level-2 heading (`aria-labelledby`), so it is a landmark with a name. */
import type { ReactNode } from 'react';
import { Heading } from './Heading.tsx';

export interface SectionProps {
  /** Id of the heading; the section is labelled by it. */
  id: string;
  /** Text of the heading. */
  title: ReactNode;
  /** Classes of the section (the page's section style). */
  className?: string;
  children: ReactNode;
}

export function Section({ id, title, className = 'wbm-section', children }: SectionProps) {
  return (
    <section className={className} aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
