/**
 * Actions in a table row: a small button that names its row for screen readers ("Intrekken: Planningssysteem"),
 * and a confirmation in the row itself ("Weet u het zeker?" with a yes and a no button) for actions that cannot be undone.
 */
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { ButtonGroup } from './ButtonGroup.tsx';
import { Paragraph } from './Paragraph.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';

export interface RowButtonProps {
  /** The visible words, e.g. "Wijzigen". */
  children: ReactNode;
  /** What the row is about, read after the words by a screen reader only; none where the words say it all. */
  subject?: ReactNode;
  onClick: () => void;
  disabled?: boolean;
}

export function RowButton({ children, subject, onClick, disabled }: RowButtonProps) {
  return (
    <Button appearance="secondary-action" small disabled={disabled} onClick={onClick}>
      {children}
      {subject !== undefined && <VisuallyHidden>: {subject}</VisuallyHidden>}
    </Button>
  );
}

export interface RowConfirmProps {
  /** Names the group for screen readers, as a question: "Token Planningssysteem intrekken?". */
  label: string;
  /** The question with what will happen, e.g. "Weet u het zeker? ...". */
  question: ReactNode;
  /** Words of the yes button ("Ja, trek in") and the no button ("Nee, laat staan"). */
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While true the yes button cannot be pressed again. */
  busy?: boolean;
  confirmTestId?: string;
}

export function RowConfirm({ label, question, confirm, cancel, onConfirm, onCancel, busy, confirmTestId }: RowConfirmProps) {
  return (
    <div role="group" aria-label={label}>
      <Paragraph>{question}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action" small disabled={busy} onClick={onConfirm} data-testid={confirmTestId}>
          {confirm}
        </Button>
        <Button appearance="secondary-action" small onClick={onCancel}>
          {cancel}
        </Button>
      </ButtonGroup>
    </div>
  );
}
