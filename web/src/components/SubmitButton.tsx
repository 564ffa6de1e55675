/** The primary button that sends a form; while the form is busy it cannot be pressed and says what is going on ("Bezig met opslaan…"). */
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

export function SubmitButton({ busy, busyText, children }: { busy: boolean; busyText: string; children: ReactNode }) {
  return (
    <Button appearance="primary-action" type="submit" disabled={busy} aria-disabled={busy}>
      {busy ? busyText : children}
    </Button>
  );
}
