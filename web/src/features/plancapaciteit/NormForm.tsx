/**
 * Set the plancapaciteit norm of an area (PUT /national/plancapaciteit/normen/{areaId}): a percentage and a
 * reason. A norm already set is changed with the version last read, so a change made meanwhile by someone
 * else is refused (409) instead of overwritten. Wrong values get a Dutch message next to their field and
 * nothing is sent; after saving every plancapaciteit figure is fetched again (its test against the norm).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { normChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { Button } from '../../components/Button.tsx';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDate, formatPercent } from '../../labels.ts';
import { parseNormPercent } from './plancapaciteit.ts';
import type { Norm } from './types.ts';

export function NormForm({ areaId, areaName }: { areaId: string; areaName: string }) {
  const [saved, setSaved] = useState<Norm | null>(null);
  const norms = useApi(queryKeys.national.norms, (signal) => api.plancapaciteitNorms(signal));
  if (norms.state === 'loading') return <Loading>De ingestelde normen worden geladen…</Loading>;
  if (norms.state === 'error') return <ErrorMessage error={norms.error} retry={norms.reload} />;
  const current = norms.data.items.find((n) => n.areaId === areaId);
  // A new key after a save (or someone else's change) starts the fields from the norm as it now is.
  return (
    <>
      <NormFields key={`${areaId}-${current?.version ?? 0}`} areaId={areaId} areaName={areaName} current={current} onSaved={setSaved} />
      {saved?.areaId === areaId && <SavedMessage norm={saved} areaName={areaName} />}
    </>
  );
}

/** The last save of this page, kept above the fields (they start again from the saved norm). */
function SavedMessage({ norm, areaName }: { norm: Norm; areaName: string }) {
  return (
    <Alert type="ok" title="Opgeslagen">
      <Paragraph data-testid="norm-saved">
        De norm van {areaName} is nu {formatPercent(norm.norm)}. De cijfers op deze pagina zijn bijgewerkt.
      </Paragraph>
    </Alert>
  );
}

type Fields = 'norm' | 'reason';
type Outcome = { kind: 'idle' } | { kind: 'failed'; message: string; conflict: boolean };

interface NormFieldsProps {
  areaId: string;
  areaName: string;
  current: Norm | undefined;
  /** The norm as saved; null when a new attempt starts. */
  onSaved: (norm: Norm | null) => void;
}

function NormFields({ areaId, areaName, current, onSaved }: NormFieldsProps) {
  const id = useId();
  const client = useQueryClient();
  const [percent, setPercent] = useState(current ? String(Math.round(current.norm * 1000) / 10).replace('.', ',') : '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseNormPercent(percent);
    const found: Partial<Record<Fields, string>> = {};
    if ('error' in parsed) found.norm = parsed.error;
    if (!reason.trim()) found.reason = 'Geef een reden voor deze norm, bijvoorbeeld: krimpregio, 130% is hier niet nodig.';
    setErrors(found);
    setOutcome({ kind: 'idle' });
    onSaved(null);
    if ('error' in parsed || found.reason) return;
    setBusy(true);
    try {
      const saved = await api.setPlancapaciteitNorm(areaId, {
        norm: parsed.value,
        reason: reason.trim(),
        ...(current ? { version: current.version } : {}),
      });
      onSaved(saved);
      await normChanged(client);
    } catch (err) {
      const issues = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      const byField: Partial<Record<Fields, string>> = {};
      for (const issue of issues) if (issue.path === 'norm' || issue.path === 'reason') byField[issue.path] = issue.message;
      setErrors(byField);
      const conflict = err instanceof ApiError && err.status === 409;
      const other = issues.filter((i) => i.path !== 'norm' && i.path !== 'reason').map((i) => i.message);
      if (Object.keys(byField).length === 0 || other.length > 0)
        setOutcome({ kind: 'failed', message: [err instanceof Error ? err.message : 'Onbekende fout.', ...other].join(' '), conflict });
    } finally {
      setBusy(false);
    }
  };

  const described = (field: Fields, help?: string) => [help, errors[field] && `${id}-${field}-error`].filter(Boolean).join(' ') || undefined;

  return (
    <form className="wbm-edit-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="norm-form">
      <Heading level={3} id={`${id}-title`}>
        Norm van {areaName} wijzigen
      </Heading>
      <Paragraph>
        {current
          ? `Nu ingesteld: ${formatPercent(current.norm)}, sinds ${formatDate(current.updatedAt)}.`
          : 'Voor dit gebied is nog geen eigen norm ingesteld.'}
      </Paragraph>
      <div className="wbm-edit-form__fields">
        <FormField
          id={`${id}-norm`}
          label="Norm (procent van de behoefte)"
          error={errors.norm}
          description="Bijvoorbeeld 130 voor 130%. Een lagere norm past waar 130% niet nodig is."
        >
          <TextInput
            id={`${id}-norm`}
            name="norm"
            inputMode="decimal"
            autoComplete="off"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            aria-required="true"
            aria-invalid={errors.norm ? true : undefined}
            aria-describedby={described('norm', `${id}-norm-help`)}
          />
        </FormField>
        <FormField
          id={`${id}-reason`}
          label="Reden (verplicht)"
          error={errors.reason}
          description="Waarom wijkt de norm hier af? Bijvoorbeeld: krimpregio."
        >
          <Textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={errors.reason ? true : undefined}
            aria-required="true"
            aria-describedby={described('reason', `${id}-reason-help`)}
          />
        </FormField>
      </div>
      <Button appearance="primary-action" type="submit" disabled={busy}>
        Norm opslaan
      </Button>
      {outcome.kind === 'failed' && (
        <Alert type={outcome.conflict ? 'warning' : 'error'} title="De norm is niet opgeslagen" urgent>
          <Paragraph>{outcome.message}</Paragraph>
          {outcome.conflict && <Paragraph>Laad de pagina opnieuw om de nieuwste norm te zien.</Paragraph>}
        </Alert>
      )}
    </form>
  );
}
