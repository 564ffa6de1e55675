/** An NL Design System text link (`utrecht-link`): `to` for a page of the app, `href` for a file, an anchor or another site. */
import type { AnchorHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router';

export type TextLinkProps = LinkProps | (AnchorHTMLAttributes<HTMLAnchorElement> & { href: string });

export function TextLink({ className, ...props }: TextLinkProps) {
  const classes = className ? `utrecht-link ${className}` : 'utrecht-link';
  return 'to' in props ? <Link className={classes} {...props} /> : <a className={classes} {...props} />;
}
