/** A native select with the NL Design System look (`utrecht-select`); label it with FormField. */
import type { ComponentProps } from 'react';

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={`utrecht-select utrecht-select--html-select${className ? ` ${className}` : ''}`} {...props} />;
}
