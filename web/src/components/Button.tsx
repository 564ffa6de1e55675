/** NL Design System button (`utrecht-button`); `type="button"` unless it submits a form. */
import type { ComponentProps } from 'react';

export interface ButtonProps extends ComponentProps<'button'> {
  /** Primary for the one main action of a form or step, secondary for others, subtle for small in-row actions. */
  appearance?: 'primary-action' | 'secondary-action' | 'subtle';
  /** The compact size used inside tables. */
  small?: boolean;
  'data-testid'?: string;
}

export function Button({ appearance, small = false, className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['utrecht-button', appearance && `utrecht-button--${appearance}`, small && 'wbm-small-button', className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
