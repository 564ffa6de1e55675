/**
 * Open boek: the grondexploitatie totals of the project and the onrendabele top that follows (issue 12 item 5), and for
 * its parties the form to enter or change them (PUT /projects/:id/open-book with the version last read). Shown only to
 * those who may read the figures (the project page asks web/src/auth/permissions.ts mayReadOpenBook, the server's rule):
 * anyone else sees nothing of it. Amounts are checked before sending with the domain's own words; a wrong field is named
 * next to the field and in the summary (which takes the focus), and what was typed stays, also after a conflict.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { deriveOpenBook, formatEuros } from '../../../../src/domain/open-book.ts';
import { OPEN_BOOK_READERS } from '../../../../src/domain/access.ts';
import { api, ApiError } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { DataItem } from '../../components/DataItem.tsx';
import { DateField } from '../../components/DateField.tsx';
import { todayIso } from '../../components/dateInput.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDate } from '../../labels.ts';
import { OPEN_BOOK_FIELDS, OPEN_BOOK_LABELS, readOpenBook, textsOf, type OpenBookField, type OpenBookTexts } from './openBookInput.ts';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';

type OpenBook = components['schemas']['OpenBook'];

export interface OpenBookSectionProps {
  projectId: string;
  /** May the signed-in person enter the figures (a party of the project)? */
  canEdit: boolean;
}

export function OpenBookSection({ projectId, canEdit }: OpenBookSectionProps) {
  const loaded = useApi(queryKeys.project.openBook(projectId), (signal) => api.openBook(projectId, signal));
  return (
    <Section id="open-boek" title="Open boek">
      <Paragraph data-testid="open-book-audience">
        <strong>{OPEN_BOOK_READERS}</strong> De cijfers van de grondexploitatie zijn vertrouwelijk: ze staan niet in overzichten, exports of
        landelijke cijfers.
      </Paragraph>
      {loaded.state === 'loading' && <Loading>Het open boek wordt geladen…</Loading>}
      {loaded.state === 'error' && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {loaded.state === 'ready' && (
        <>
          {loaded.data ? (
            <OpenBookFigures book={loaded.data} />
          ) : (
            <Paragraph data-testid="open-book-empty">
              Er zijn nog geen cijfers ingevuld.{canEdit ? ' Vul hieronder de totalen van de grondexploitatie in.' : ''}
            </Paragraph>
          )}
          {canEdit && <OpenBookForm projectId={projectId} book={loaded.data} onReload={loaded.reload} />}
        </>
      )}
    </Section>
  );
}

function OpenBookFigures({ book }: { book: OpenBook }) {
  const derived = deriveOpenBook(book);
  return (
    <dl className="utrecht-data-list wbm-data-list" data-testid="open-book-figures">
      <DataItem term="Totale kosten">{formatEuros(book.totalCostsEuros)}</DataItem>
      <DataItem term="Totale opbrengsten">{formatEuros(book.totalRevenuesEuros)}</DataItem>
      <DataItem term="Saldo">
        {formatEuros(derived.saldoEuros)} {derived.saldoEuros < 0 ? '(tekort)' : derived.saldoEuros > 0 ? '(overschot)' : ''}
      </DataItem>
      <DataItem term="Onrendabele top">
        {derived.hasDeficit ? formatEuros(derived.onrendabeleTopEuros) : 'Geen: de opbrengsten dekken de kosten'}
      </DataItem>
      <DataItem term="Bijdragen van overheden">{formatEuros(book.publicContributionsEuros)}</DataItem>
      <DataItem term="Onrendabele top na bijdragen">
        {derived.hasRemainingDeficit
          ? formatEuros(derived.remainingDeficitEuros)
          : derived.hasDeficit
            ? 'Geen: de bijdragen dekken het tekort'
            : 'Geen'}
      </DataItem>
      <DataItem term="Peildatum">{formatDate(book.peildatum)}</DataItem>
      <DataItem term="Ingevuld door">
        {book.enteredByOrganisationName}, {formatDate(book.enteredAt.slice(0, 10))} (versie {book.version})
      </DataItem>
    </dl>
  );
}

const FIELD_IDS: Record<OpenBookField, string> = {
  totalCostsEuros: 'open-book-costs',
  totalRevenuesEuros: 'open-book-revenues',
  publicContributionsEuros: 'open-book-contributions',
  peildatum: 'open-book-peildatum',
};

type Outcome = { kind: 'none' } | { kind: 'saved' } | SaveProblem;

function OpenBookForm({ projectId, book, onReload }: { projectId: string; book: OpenBook | null; onReload: () => void }) {
  const client = useQueryClient();
  const [texts, setTexts] = useState<OpenBookTexts>(() => textsOf(book));
  const [errors, setErrors] = useState<Partial<Record<OpenBookField, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  /** Counts refused submits, so the summary takes the focus after each one. */
  const [refusals, setRefusals] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refusals > 0) summaryRef.current?.focus();
  }, [refusals]);

  const refuse = (found: Partial<Record<OpenBookField, string>>) => {
    setErrors(found);
    setRefusals((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome({ kind: 'none' });
    const read = readOpenBook(texts, todayIso());
    if ('errors' in read) return refuse(read.errors);
    setErrors({});
    setBusy(true);
    try {
      const saved = await api.saveOpenBook(projectId, { version: book?.version ?? 0, ...read.figures });
      client.setQueryData(queryKeys.project.openBook(projectId), saved);
      setTexts(textsOf(saved));
      setOutcome({ kind: 'saved' });
    } catch (err) {
      const issues = err instanceof ApiError && err.status !== 409 ? (err.problem?.errors ?? []) : [];
      const known = issues.filter((i) => (OPEN_BOOK_FIELDS as readonly string[]).includes(i.path));
      if (known.length > 0) refuse(Object.fromEntries(known.map((i) => [i.path, i.message])));
      else setOutcome(saveProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const set = (field: OpenBookField) => (text: string) => setTexts((t) => ({ ...t, [field]: text }));
  const amountField = (field: Exclude<OpenBookField, 'peildatum'>) => {
    const id = FIELD_IDS[field];
    const error = errors[field];
    return (
      <FormField id={id} label={OPEN_BOOK_LABELS[field]} error={error} description="In hele euro’s, bijvoorbeeld 1.250.000.">
        <TextInput
          id={id}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={30}
          value={texts[field]}
          onChange={(e) => set(field)(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : null, `${id}-help`].filter(Boolean).join(' ')}
          className={error ? 'utrecht-textbox--invalid' : undefined}
        />
      </FormField>
    );
  };

  return (
    <form className="wbm-edit-form" onSubmit={(e) => void submit(e)} aria-labelledby="open-book-form-title" noValidate data-testid="open-book-form">
      <Heading level={3} id="open-book-form-title">
        Open boek bijwerken
      </Heading>
      <Paragraph>
        Vul de totalen uit de grondexploitatie in en de datum waarop ze betrekking hebben. De onrendabele top rekent de monitor zelf uit. Eerdere
        cijfers blijven bewaard in de geschiedenis van het project.
      </Paragraph>
      <SaveProblemAlert
        outcome={outcome}
        notSaved="Uw cijfers zijn niet opgeslagen."
        reloaded="De nieuwste cijfers zijn geladen. Controleer uw invoer en kies opnieuw “Open boek opslaan”."
        onReload={() => {
          onReload();
          setOutcome({ kind: 'reloaded' });
        }}
      />
      <div ref={summaryRef} tabIndex={-1}>
        <FormErrorSummary
          testId="open-book-error-summary"
          fields={OPEN_BOOK_FIELDS.map((f) => ({ id: FIELD_IDS[f], label: OPEN_BOOK_LABELS[f], message: errors[f] }))}
        />
      </div>
      <div className="wbm-edit-form__fields">
        {amountField('totalCostsEuros')}
        {amountField('totalRevenuesEuros')}
        {amountField('publicContributionsEuros')}
        <DateField
          id={FIELD_IDS.peildatum}
          label={OPEN_BOOK_LABELS.peildatum}
          value={texts.peildatum}
          onChange={set('peildatum')}
          error={errors.peildatum}
          required
        />
      </div>
      <SubmitButton busy={busy} busyText="Bezig met opslaan…">
        Open boek opslaan
      </SubmitButton>
      <Paragraph className="wbm-save-status" role="status" data-testid="open-book-status">
        {outcome.kind === 'saved' && 'Het open boek is opgeslagen.'}
      </Paragraph>
    </form>
  );
}
