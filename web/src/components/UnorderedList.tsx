/** NL Design System bulleted list (`utrecht-unordered-list`). */
import type { ComponentProps } from 'react';

export function UnorderedList({ className, ...props }: ComponentProps<'ul'> & { 'data-testid'?: string }) {
  return <ul className={className ? `utrecht-unordered-list ${className}` : 'utrecht-unordered-list'} {...props} />;
}
