/**
 * The two steps of an open knelpunt that are acts of their own (SPEC §2 "Knelpunt"): escalating it to the
 * versnellingstafel with the reason the table must pick it up, and resolving it with the date and how.
 * POST /projects/{id}/knelpunten/{knelpuntId}/escalate and …/resolve.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Knelpunt } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { checkDateInput, isoToInput, todayIso } from '../../components/dateInput.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { formatDate, label } from '../../labels.ts';
import { invalidProps, useStepForm, type FieldErrors } from './useStepForm.tsx';

export interface StepFormProps {
  projectId: string;
  knelpunt: Knelpunt;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}

/** "Escaleren naar de tafel": asks why the table must pick it up. */
export function EscalateForm({ projectId, knelpunt, onSaved, onCancel, onReload }: StepFormProps) {
  const id = useId();
  const reasonId = `${id}-reason`;
  const [reason, setReason] = useState('');
  const form = useStepForm<'reason'>(
    [{ name: 'reason', label: 'Waarom moet de tafel dit oppakken?', id: reasonId }],
    onReload,
    'escalate-error-summary',
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors<'reason'> = reason.trim() ? {} : { reason: 'Schrijf waarom de versnellingstafel dit knelpunt moet oppakken.' };
    const saved = await form.run(local, () => api.escalateKnelpunt(projectId, knelpunt.id, { version: knelpunt.version, reason: reason.trim() }));
    if (saved) await onSaved(`Het knelpunt ${label(knelpunt.category)} is geëscaleerd naar de versnellingstafel.`);
  };

  return (
    <form className="wbm-edit-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="escalate-form">
      <Heading level={4} id={`${id}-title`}>
        Escaleren naar de tafel: {label(knelpunt.category)}
      </Heading>
      <Paragraph>De secretaris van de versnellingstafel ziet dit knelpunt dan bovenaan het tafeloverzicht, met uw reden.</Paragraph>
      {form.summary}
      <FormField id={reasonId} label="Waarom moet de tafel dit oppakken?" error={form.errors.reason}>
        <Textarea
          id={reasonId}
          value={reason}
          rows={3}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          {...invalidProps(reasonId, form.errors.reason)}
        />
      </FormField>
      <FormActions busy={form.busy} submit="Escaleren" onCancel={onCancel} />
    </form>
  );
}

/** "Oplossen": asks when (today unless changed) and how. */
export function ResolveForm({ projectId, knelpunt, onSaved, onCancel, onReload }: StepFormProps) {
  const id = useId();
  const ids = { resolvedDate: `${id}-date`, resolution: `${id}-resolution` };
  const [date, setDate] = useState(isoToInput(todayIso()));
  const [resolution, setResolution] = useState('');
  const form = useStepForm<'resolvedDate' | 'resolution'>(
    [
      { name: 'resolvedDate', label: 'Opgelost op', id: ids.resolvedDate },
      { name: 'resolution', label: 'Hoe is het opgelost?', id: ids.resolution },
    ],
    onReload,
    'resolve-error-summary',
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors<'resolvedDate' | 'resolution'> = {};
    const checked = checkDateInput(date, { what: 'De datum waarop het knelpunt is opgelost', kind: 'happened' });
    if (checked.kind === 'empty') local.resolvedDate = 'Vul de datum in waarop het knelpunt is opgelost.';
    else if (checked.kind === 'invalid') local.resolvedDate = checked.message;
    else if (checked.iso < knelpunt.raisedDate) {
      local.resolvedDate = `De datum van oplossen ligt vóór de datum van melden (${formatDate(knelpunt.raisedDate)}).`;
    }
    if (!resolution.trim()) local.resolution = 'Beschrijf hoe het knelpunt is opgelost.';
    const saved = await form.run(local, () =>
      api.resolveKnelpunt(projectId, knelpunt.id, {
        version: knelpunt.version,
        resolvedDate: checked.kind === 'date' ? checked.iso : '',
        resolution: resolution.trim(),
      }),
    );
    if (saved) await onSaved(`Het knelpunt ${label(knelpunt.category)} is opgelost.`);
  };

  return (
    <form className="wbm-edit-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="resolve-form">
      <Heading level={4} id={`${id}-title`}>
        Oplossen: {label(knelpunt.category)}
      </Heading>
      {form.summary}
      <DateField
        id={ids.resolvedDate}
        label="Opgelost op"
        value={date}
        onChange={setDate}
        error={form.errors.resolvedDate}
        testId="knelpunt-resolved"
      />
      <FormField id={ids.resolution} label="Hoe is het opgelost?" error={form.errors.resolution}>
        <Textarea
          id={ids.resolution}
          value={resolution}
          rows={3}
          maxLength={2000}
          onChange={(e) => setResolution(e.target.value)}
          {...invalidProps(ids.resolution, form.errors.resolution)}
        />
      </FormField>
      <FormActions busy={form.busy} submit="Oplossen" onCancel={onCancel} />
    </form>
  );
}
