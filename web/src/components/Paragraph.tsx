/** NL Design System paragraph (`utrecht-paragraph`); `lead` for the introduction under a page title. */
import type { HTMLAttributes, ReactNode } from 'react';

export interface ParagraphProps extends HTMLAttributes<HTMLParagraphElement> {
  children?: ReactNode;
  /** The larger introduction paragraph under the page title. */
  lead?: boolean;
  /** `data-testid`, for the browser tests. */
  'data-testid'?: string;
}

export function Paragraph({ lead = false, className, children, ...rest }: ParagraphProps) {
  return (
    <p className={['utrecht-paragraph', lead && 'nl-paragraph--lead', className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </p>
  );
}
