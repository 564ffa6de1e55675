/** A native multi-line text field with the NL Design System look (`utrecht-textarea`); label it with FormField. */
import type { ComponentProps } from 'react';

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={`utrecht-textarea utrecht-textarea--html-textarea${className ? ` ${className}` : ''}`} {...props} />;
}
