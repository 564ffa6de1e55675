/** NL Design System heading (`nl-heading`) of a given level; the level follows the page outline, never the look. */
import type { ReactNode, Ref } from 'react';

export interface HeadingProps {
  /** 1–4: the place in the page outline. */
  level: 1 | 2 | 3 | 4;
  children: ReactNode;
  id?: string;
  /** Extra classes. */
  className?: string;
  /** For moving focus to the heading (with tabIndex -1), e.g. after paging or a confirmation. */
  ref?: Ref<HTMLHeadingElement>;
  tabIndex?: number;
}

export function Heading({ level, children, id, className, ref, tabIndex }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={`nl-heading nl-heading--level-${level}${className ? ` ${className}` : ''}`} id={id} ref={ref} tabIndex={tabIndex}>
      {children}
    </Tag>
  );
}
