/**
 * A page this person cannot use (not signed in, or not for their role): the page's own heading and a plain
 * notice saying why, with what they can do instead (sign in, another page).
 */
import type { ReactNode } from 'react';
import { Alert } from './Feedback.tsx';
import { Heading } from './Heading.tsx';

export interface PageNoticeProps {
  /** The page's name, as its level-1 heading. */
  heading: string;
  /** The notice's title, e.g. "U bent niet ingelogd". */
  title: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}

export function PageNotice({ heading, title, children, testId, className }: PageNoticeProps) {
  return (
    <article className={className} data-testid={testId}>
      <Heading level={1}>{heading}</Heading>
      <Alert type="info" title={title}>
        {children}
      </Alert>
    </article>
  );
}
