/**
 * "Alternatief voorstellen" (issue 12 item 6; `001 § Afspraak 3B`): a project leader of a gemeente of the table puts
 * forward an alternative project or the acceleration of one of its projects, with the homes it adds and the year. Checked
 * by the server's own rule (src/domain/alternative-proposal.ts) before sending; the server's errors stand next to their
 * fields and in a summary that gets the focus; what was typed stays in the form.
 */
import { useRef, useState, type FormEvent } from 'react';
import { proposalProblems, PROPOSAL_KIND_LABELS, PROPOSAL_KINDS, type ProposalKind } from '../../../../src/domain/alternative-proposal.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Dashboard, Proposal, ProposalList } from '../../api/types.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatNumber } from '../../labels.ts';

type Field = 'kind' | 'projectId' | 'title' | 'description' | 'homes' | 'year';
const LABELS: Record<Field, string> = {
  kind: 'Soort voorstel',
  projectId: 'Project',
  title: 'Titel',
  description: 'Toelichting (niet verplicht)',
  homes: 'Aantal woningen erbij',
  year: 'Jaar',
};
const idOf = (f: Field) => `voorstel-${f}`;
const invalid = (f: Field, error: string | undefined, help = false) => {
  const describedBy = [help ? `${idOf(f)}-help` : null, error ? `${idOf(f)}-error` : null].filter(Boolean).join(' ');
  return { ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
};

interface Values {
  kind: ProposalKind;
  projectId: string;
  title: string;
  description: string;
  homes: string;
  year: string;
}

export function ProposalForm({
  list,
  dashboard,
  onProposed,
}: {
  list: ProposalList;
  dashboard: Dashboard;
  onProposed: (p: Proposal) => Promise<void>;
}) {
  const gaps = new Map(dashboard.summary.perYear.filter((y) => y.gap !== null && y.gap < 0).map((y) => [y.year, -y.gap!]));
  const years = Array.from({ length: list.years.to - list.years.from + 1 }, (_, i) => list.years.from + i);
  const firstShort = years.find((y) => gaps.has(y));
  const empty: Values = {
    kind: 'alternatief_project',
    projectId: '',
    title: '',
    description: '',
    homes: '',
    year: firstShort ? String(firstShort) : '',
  };
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const set = (f: Field) => (e: { target: { value: string } }) => setValues({ ...values, [f]: e.target.value });

  const showErrors = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    if (Object.keys(found).length > 0) requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const body = {
      kind: values.kind,
      projectId: values.projectId || null,
      title: values.title,
      description: values.description.trim() || null,
      homes: values.homes.trim() === '' ? null : Number(values.homes.replace(/\./g, '')),
      year: values.year === '' ? null : Number(values.year),
    };
    // The server's rule first, here; the project's own facts (its gemeente) are the server's to check.
    const local = proposalProblems(body, {
      gemeenteCode: '',
      gemeenteName: '',
      project: body.projectId ? { gemeenteCode: '', phase: 'planvorming' } : null,
      today: `${list.years.from}-01-01`,
    });
    const found = Object.fromEntries(local.map((i) => [i.path, i.message])) as Partial<Record<Field, string>>;
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    setBusy(true);
    try {
      const made = await api.propose(list.region.id, body);
      setValues(empty);
      await onProposed(made);
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      if (fieldErrors.length > 0) showErrors(Object.fromEntries(fieldErrors.map((i) => [i.path, i.message])));
      else setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het versturen is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <div ref={summary} tabIndex={-1}>
        <FormErrorSummary
          testId="proposal-error-summary"
          fields={(Object.keys(LABELS) as Field[]).map((f) => ({ id: idOf(f), label: LABELS[f], message: errors[f] }))}
        />
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="proposal-form">
        <FormField id={idOf('kind')} label={LABELS.kind} error={errors.kind}>
          <Select id={idOf('kind')} value={values.kind} onChange={set('kind')} {...invalid('kind', errors.kind)}>
            {PROPOSAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {PROPOSAL_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          id={idOf('projectId')}
          label={values.kind === 'versnelling' ? 'Project dat sneller kan' : 'Bestaand project (niet verplicht)'}
          error={errors.projectId}
          description="Alleen projecten van uw eigen gemeente."
        >
          <Select id={idOf('projectId')} value={values.projectId} onChange={set('projectId')} {...invalid('projectId', errors.projectId, true)}>
            <option value="">{values.kind === 'versnelling' ? 'Kies een project…' : 'Geen: een nieuw plan'}</option>
            {list.projectChoices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id={idOf('title')} label={LABELS.title} error={errors.title}>
          <TextInput id={idOf('title')} value={values.title} maxLength={200} onChange={set('title')} {...invalid('title', errors.title)} />
        </FormField>
        <FormField id={idOf('description')} label={LABELS.description} error={errors.description}>
          <Textarea
            id={idOf('description')}
            value={values.description}
            rows={3}
            maxLength={2000}
            onChange={set('description')}
            {...invalid('description', errors.description)}
          />
        </FormField>
        <FormField id={idOf('homes')} label={LABELS.homes} error={errors.homes}>
          <TextInput
            id={idOf('homes')}
            inputMode="numeric"
            className="wbm-input-short"
            value={values.homes}
            onChange={set('homes')}
            {...invalid('homes', errors.homes)}
          />
        </FormField>
        <FormField
          id={idOf('year')}
          label={LABELS.year}
          error={errors.year}
          description="Het jaar waarin de woningen erbij komen. Bij een jaar met een tekort staat het tekort erbij."
        >
          <Select id={idOf('year')} value={values.year} onChange={set('year')} {...invalid('year', errors.year, true)}>
            <option value="">Kies een jaar…</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {gaps.has(y) ? `${y} (tekort ${formatNumber(gaps.get(y)!)} woningen)` : y}
              </option>
            ))}
          </Select>
        </FormField>
        <FormActions busy={busy} submit="Alternatief voorstellen" />
      </form>
    </>
  );
}
