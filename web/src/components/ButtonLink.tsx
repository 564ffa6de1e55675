/** A link that looks like a button (NL Design System `utrecht-button-link`): `to` for a page of the app, `href` for a file or another site. */
import type { AnchorHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router';

type Appearance = { appearance: 'primary-action' | 'secondary-action' };
export type ButtonLinkProps = Appearance &
  (Omit<LinkProps, 'className'> | (Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'className'> & { href: string }));

export function ButtonLink({ appearance, ...props }: ButtonLinkProps) {
  const className = `utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${appearance}`;
  return 'to' in props ? <Link className={className} {...props} /> : <a className={className} {...props} />;
}
