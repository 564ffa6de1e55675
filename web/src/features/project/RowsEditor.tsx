/**
 * Rows of a list in a form (programme lines, jaarschijven, parties): each row a group "Regel 1", "Regel 2", … with
 * its fields and a "Verwijderen" button that names the row for screen readers, and one button to add a row. After
 * adding, the focus goes to the new row's first field; after removing, to the add button.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../components/Button.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';

export interface RowsEditorProps<R extends { key: number }> {
  /** Legend of the whole list ("Programma"). */
  legend: string;
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  /** A new, empty row (given the rows so far, e.g. to copy a segment). */
  newRow: (rows: readonly R[]) => R;
  /** The fields of one row; `firstId` must be the id of its first control. */
  renderRow: (row: R, index: number, update: (change: Partial<R>) => void) => ReactNode;
  /** Id of the first control of a row (focused after adding it). */
  firstId: (index: number) => string;
  addText: string;
  /** Shown when there are no rows. */
  emptyText: string;
  testId?: string;
}

export function RowsEditor<R extends { key: number }>({
  legend,
  rows,
  onChange,
  newRow,
  renderRow,
  firstId,
  addText,
  emptyText,
  testId,
}: RowsEditorProps<R>) {
  const addButton = useRef<HTMLButtonElement>(null);
  // Where the focus goes once the rows on screen have changed (after the render that adds or removes one).
  const focus = useRef<{ to: 'add' } | { to: 'row'; index: number } | null>(null);

  useEffect(() => {
    const target = focus.current;
    if (!target) return;
    focus.current = null;
    if (target.to === 'add') addButton.current?.focus();
    else document.getElementById(firstId(target.index))?.focus();
  });

  const update = (index: number) => (change: Partial<R>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <Fieldset legend={legend} className="wbm-rows">
      <div data-testid={testId}>
        {rows.length === 0 && <Paragraph className="wbm-muted">{emptyText}</Paragraph>}
        {rows.map((row, index) => (
          <fieldset key={row.key} className="utrecht-form-fieldset wbm-row">
            <legend className="utrecht-form-fieldset__legend wbm-row__legend">Regel {index + 1}</legend>
            <div className="wbm-row__fields">{renderRow(row, index, update(index))}</div>
            <Button
              appearance="subtle"
              className="wbm-row__remove"
              onClick={() => {
                onChange(rows.filter((_, i) => i !== index));
                focus.current = { to: 'add' };
              }}
            >
              Verwijderen<VisuallyHidden> regel {index + 1}</VisuallyHidden>
            </Button>
          </fieldset>
        ))}
        <Button
          ref={addButton}
          appearance="secondary-action"
          onClick={() => {
            onChange([...rows, newRow(rows)]);
            focus.current = { to: 'row', index: rows.length };
          }}
        >
          {addText}
        </Button>
      </div>
    </Fieldset>
  );
}
