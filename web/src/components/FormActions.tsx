/** A form's buttons: the primary button that sends it (not pressable while busy) and, when `onCancel` is given, "Annuleren". */
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { ButtonGroup } from './ButtonGroup.tsx';

export function FormActions({ busy, submit, onCancel }: { busy: boolean; submit: ReactNode; onCancel?: (() => void) | undefined }) {
  return (
    <ButtonGroup>
      <Button appearance="primary-action" type="submit" disabled={busy}>
        {submit}
      </Button>
      {onCancel && (
        <Button appearance="secondary-action" type="button" onClick={onCancel}>
          Annuleren
        </Button>
      )}
    </ButtonGroup>
  );
}
