/**
 * Knelpunten of a project as a workflow (issue 12 item 3; SPEC §2 "Knelpunt"): open ones first, then the resolved
 * ones. Whoever may (the gemeente and the market parties of the project, src/domain/access.ts canEditKnelpunten) adds
 * one ("Knelpunt toevoegen"), and per open knelpunt changes it, escalates it to the table with a reason, or resolves
 * it with a date and how; "Verwijderen" is for a record made in error, after a confirmation. One form is open at a
 * time; each button names its knelpunt for screen readers.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Knelpunt } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { RowButton, RowConfirm } from '../../components/RowActions.tsx';
import { formatDate, label } from '../../labels.ts';
import { KnelpuntForm } from './KnelpuntForm.tsx';
import { EscalateForm, ResolveForm } from './KnelpuntStepForms.tsx';

type Active = { kind: 'none' } | { kind: 'add' } | { kind: 'edit' | 'escalate' | 'resolve' | 'delete'; id: string };

export interface KnelpuntenSectionProps {
  projectId: string;
  knelpunten: readonly Knelpunt[];
  /** May the signed-in person add and follow up knelpunten of this project? */
  canEdit: boolean;
  /** Loads the project again (after a step, or after a conflict). */
  onReload: () => Promise<void>;
}

/** Open first, newest raised first; then resolved, latest resolved first. */
export function sortKnelpunten(knelpunten: readonly Knelpunt[]): Knelpunt[] {
  return [...knelpunten].sort(
    (a, b) =>
      Number(Boolean(a.resolvedDate)) - Number(Boolean(b.resolvedDate)) ||
      (b.resolvedDate ?? '').localeCompare(a.resolvedDate ?? '') ||
      b.raisedDate.localeCompare(a.raisedDate),
  );
}

/** Which knelpunt a button is about, for screen readers: "Netcongestie, Geen aansluiting op het net…". */
export function knelpuntSubject(k: Pick<Knelpunt, 'category' | 'description'>): string {
  const text = k.description.length > 60 ? `${k.description.slice(0, 57)}…` : k.description;
  return `${label(k.category)}, ${text}`;
}

export function KnelpuntenSection({ projectId, knelpunten, canEdit, onReload }: KnelpuntenSectionProps) {
  const [active, setActive] = useState<Active>({ kind: 'none' });
  const [status, setStatus] = useState('');
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const sorted = sortKnelpunten(knelpunten);
  const openCount = knelpunten.filter((k) => !k.resolvedDate).length;

  // A form that closes gives the focus back to where one starts again.
  const [returnFocus, setReturnFocus] = useState(0);
  useEffect(() => {
    if (returnFocus > 0) addButton.current?.focus();
  }, [returnFocus]);

  const open = (next: Active) => {
    setActive(next);
    setStatus('');
    setDeleteProblem(null);
  };
  const close = () => {
    setActive({ kind: 'none' });
    setReturnFocus((n) => n + 1);
  };
  const saved = async (message: string) => {
    await onReload();
    setActive({ kind: 'none' });
    setStatus(message);
    setReturnFocus((n) => n + 1);
  };
  const remove = async (k: Knelpunt) => {
    setBusy(true);
    try {
      await api.deleteKnelpunt(projectId, k.id, k.version);
      await saved(`Het knelpunt ${label(k.category)} is verwijderd.`);
    } catch (err) {
      setDeleteProblem(err instanceof Error ? err.message : 'Verwijderen is niet gelukt.');
      await onReload();
    } finally {
      setBusy(false);
    }
  };
  const formProps = { projectId, onSaved: saved, onCancel: close, onReload };

  return (
    <>
      <Paragraph>
        {knelpunten.length === 0
          ? 'Er zijn geen knelpunten gemeld.'
          : `${openCount} open ${openCount === 1 ? 'knelpunt' : 'knelpunten'}, ${knelpunten.length - openCount} opgelost.`}
      </Paragraph>
      {canEdit && active.kind !== 'add' && (
        <ButtonGroup>
          <Button appearance="primary-action" ref={addButton} onClick={() => open({ kind: 'add' })} data-testid="add-knelpunt">
            Knelpunt toevoegen
          </Button>
        </ButtonGroup>
      )}
      {active.kind === 'add' && <KnelpuntForm {...formProps} />}
      <Paragraph className="wbm-save-status" role="status" data-testid="knelpunt-status">
        {status}
      </Paragraph>
      {sorted.length > 0 && (
        <ul className="wbm-card-list" data-testid="knelpunten-list">
          {sorted.map((k) => {
            const mine = active.kind !== 'none' && active.kind !== 'add' && active.id === k.id ? active.kind : null;
            return (
              <li key={k.id} className={`wbm-card${k.resolvedDate ? ' wbm-card--resolved' : ''}`} data-testid="knelpunt">
                <KnelpuntDetails k={k} />
                {canEdit && mine === null && (
                  <ButtonGroup>
                    {!k.resolvedDate && (
                      <>
                        <RowButton subject={knelpuntSubject(k)} onClick={() => open({ kind: 'edit', id: k.id })}>
                          Wijzigen
                        </RowButton>
                        {!k.escalated && (
                          <RowButton subject={knelpuntSubject(k)} onClick={() => open({ kind: 'escalate', id: k.id })}>
                            Escaleren naar de tafel
                          </RowButton>
                        )}
                        <RowButton subject={knelpuntSubject(k)} onClick={() => open({ kind: 'resolve', id: k.id })}>
                          Oplossen
                        </RowButton>
                      </>
                    )}
                    <RowButton subject={knelpuntSubject(k)} onClick={() => open({ kind: 'delete', id: k.id })}>
                      Verwijderen
                    </RowButton>
                  </ButtonGroup>
                )}
                {mine === 'edit' && <KnelpuntForm {...formProps} knelpunt={k} />}
                {mine === 'escalate' && <EscalateForm {...formProps} knelpunt={k} />}
                {mine === 'resolve' && <ResolveForm {...formProps} knelpunt={k} />}
                {mine === 'delete' && (
                  <RowConfirm
                    label={`Knelpunt ${knelpuntSubject(k)} verwijderen?`}
                    question={
                      <>
                        Weet u het zeker? Verwijder een knelpunt alleen als het per vergissing is gemeld. Is het knelpunt opgelost? Kies dan
                        ‘Oplossen’: dan blijft het in de geschiedenis van het project.
                      </>
                    }
                    confirm="Ja, verwijder"
                    cancel="Nee, laat staan"
                    busy={busy}
                    onConfirm={() => void remove(k)}
                    onCancel={close}
                    confirmTestId="confirm-delete-knelpunt"
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {deleteProblem && (
        <Alert type="error" title="Verwijderen is niet gelukt" urgent>
          <Paragraph>{deleteProblem}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** What a knelpunt is about, where it stands, and the steps taken (escalated: when and why; resolved: when and how). */
function KnelpuntDetails({ k }: { k: Knelpunt }) {
  return (
    <>
      <Heading level={3} className="wbm-card__title">
        {label(k.category)}
      </Heading>
      <p className="wbm-tags">
        {k.resolvedDate ? (
          <span className="wbm-tag wbm-tag--ok">Opgelost op {formatDate(k.resolvedDate)}</span>
        ) : (
          <span className="wbm-tag wbm-tag--open">Open</span>
        )}
        {k.escalated && !k.resolvedDate && (
          <span className="wbm-tag wbm-tag--alert">
            Geëscaleerd naar de versnellingstafel{k.escalatedOn ? ` op ${formatDate(k.escalatedOn)}` : ''}
          </span>
        )}
      </p>
      <Paragraph>{k.description}</Paragraph>
      <dl className="wbm-inline-dl">
        <div>
          <dt>Gemeld op</dt>
          <dd>{formatDate(k.raisedDate)}</dd>
        </div>
        {k.owner && (
          <div>
            <dt>Wie moet actie nemen</dt>
            <dd>{k.owner}</dd>
          </div>
        )}
        {k.escalationReason && (
          <div>
            <dt>Waarom naar de tafel</dt>
            <dd>{k.escalationReason}</dd>
          </div>
        )}
        {k.resolution && (
          <div>
            <dt>Hoe opgelost</dt>
            <dd>{k.resolution}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
