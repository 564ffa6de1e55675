/** A native one-line input with the NL Design System look (`utrecht-textbox`); label it with FormField, or use TextField. */
import type { ComponentProps } from 'react';

export function TextInput({ className, ...props }: ComponentProps<'input'>) {
  return <input className={`utrecht-textbox utrecht-textbox--html-input${className ? ` ${className}` : ''}`} {...props} />;
}
