/** An NL Design System text link (`utrecht-link`) to a page of the app. */
import { Link, type LinkProps } from 'react-router';

export function TextLink({ className, ...props }: LinkProps) {
  return <Link className={className ? `utrecht-link ${className}` : 'utrecht-link'} {...props} />;
}
