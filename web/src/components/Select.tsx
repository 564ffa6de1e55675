/** A native select with the NL Design System look (`utrecht-select`); label it with FormField. */
import type { SelectHTMLAttributes } from 'react';

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`utrecht-select utrecht-select--html-select${className ? ` ${className}` : ''}`} {...props} />;
}
