/**
 * Add a target, or change one (PATCH with the version last read). Values are checked with the server's own
 * rule before sending and refused next to their field, with a summary above the form; the server's
 * errors land next to the same fields. A 409 says someone else was first (the typed values stay); a target
 * outside one's area is refused by the server with its reason.
 */
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import { targetsChanged } from '../../api/invalidation.ts';
import type { Target } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { ErrorSummaryList } from '../../components/ErrorSummaryList.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Options } from '../../components/Options.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { saveProblem, SaveProblemAlert, type SaveProblem } from '../project/SaveProblem.tsx';
import { METRIC_LABELS, TARGET_METRICS, type TargetReferences } from '../../../../src/domain/national.ts';
import {
  emptyValues,
  FIELD_LABELS,
  FORM_FIELDS,
  isShareMetric,
  mapErrors,
  toInput,
  valuesOf,
  type FieldErrors,
  type FormField as Field,
  type TargetFormValues,
} from './targetForm.ts';
import { formatFigure, formatPeriod, LEVEL_LABELS } from './targetList.ts';

/** The areas the person may choose per level (their own province's, or all). */
export interface AreaOptions {
  nation: boolean;
  provincie: { code: string; name: string }[];
  region: { code: string; name: string }[];
  gemeente: { code: string; name: string }[];
}

type Outcome = { kind: 'none' } | { kind: 'invalid'; fields: FieldErrors; other: string[] } | { kind: 'refused'; message: string } | SaveProblem;

export interface TargetFormProps {
  /** The target being changed (its newest version known), or null to add one. */
  target: Target | null;
  areas: AreaOptions;
  refs: TargetReferences;
  onSaved: (saved: Target, created: boolean) => void;
  onCancel: () => void;
  /** Loads the newest targets; resolves when they are shown. */
  onReload: () => Promise<void>;
}

export function TargetForm({ target, areas, refs, onSaved, onCancel, onReload }: TargetFormProps) {
  const id = useId();
  const client = useQueryClient();
  const [values, setValues] = useState<TargetFormValues>(() =>
    target
      ? valuesOf(target)
      : emptyValues(areas.provincie.length === 1 ? { geoCode: areas.provincie[0]?.code ?? '', geoName: areas.provincie[0]?.name ?? '' } : {}),
  );
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<TargetFormValues>) => setValues((v) => ({ ...v, ...change }));
  const fieldId = (f: Field) => `${id}-${f}`;
  const focus = (f: Field) => document.getElementById(fieldId(f))?.focus();

  const showInvalid = (fields: FieldErrors, other: string[]) => {
    setOutcome({ kind: 'invalid', fields, other });
    const first = FORM_FIELDS.find((f) => fields[f]);
    if (first) requestAnimationFrame(() => focus(first));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors } = toInput(values, refs);
    if (!input) return showInvalid(errors, []);
    setSaving(true);
    setOutcome({ kind: 'none' });
    try {
      const saved = target ? await api.updateTarget(target.id, { ...input, version: target.version }) : await api.createTarget(input);
      await targetsChanged(client);
      onSaved(saved, !target);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 422) && err.problem?.errors?.length) {
        const mapped = mapErrors(err.problem.errors);
        showInvalid(mapped.fields, mapped.other);
      } else if (err instanceof ApiError && err.status === 403) {
        setOutcome({ kind: 'refused', message: err.problem?.detail ?? 'U mag dit doel niet wijzigen.' });
      } else {
        setOutcome(saveProblem(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    await onReload();
    setOutcome({ kind: 'reloaded' });
  };

  const errors = outcome.kind === 'invalid' ? outcome.fields : {};
  const share = isShareMetric(values.metric);
  const describedBy = (f: Field) => (errors[f] ? `${fieldId(f)}-error` : undefined);
  const text = (
    f: Exclude<Field, 'metric' | 'geoLevel' | 'geoCode' | 'unit' | 'note'>,
    props: { inputMode?: 'numeric' | 'decimal'; type?: string } = {},
  ) => (
    <FormField id={fieldId(f)} label={FIELD_LABELS[f]} error={errors[f]}>
      <TextInput
        id={fieldId(f)}
        value={values[f]}
        onChange={(e) => set({ [f]: e.target.value })}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={describedBy(f)}
        data-testid={`target-${f}`}
        {...props}
      />
    </FormField>
  );
  const areaList = values.geoLevel === 'nation' ? [] : areas[values.geoLevel];
  const levels = (['nation', 'provincie', 'region', 'gemeente'] as const).filter((l) => (l === 'nation' ? areas.nation : areas[l].length > 0));

  return (
    <form className="wbm-edit-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate data-testid="target-form">
      <Heading level={3} id={`${id}-title`}>
        {target ? `Doel wijzigen: ${target.geoName}, ${formatPeriod(target)} (${formatFigure(target)})` : 'Doel toevoegen'}
      </Heading>
      <Paragraph>Elk doel heeft een bron: de titel en datum van het document waarin het staat, of het webadres ervan.</Paragraph>

      <SaveProblemAlert
        outcome={outcome}
        notSaved="Het doel is niet opgeslagen."
        reloaded="De nieuwste versie van de doelen is geladen. Controleer uw invoer en kies opnieuw “Opslaan”."
        onReload={reload}
      />
      {outcome.kind === 'refused' && (
        <Alert type="error" title="Dit mag u niet opslaan" urgent>
          <Paragraph>{outcome.message}</Paragraph>
        </Alert>
      )}
      {outcome.kind === 'invalid' && (
        <Alert type="error" title="Het doel is niet opgeslagen. Bekijk de meldingen bij de velden." urgent>
          <ErrorSummaryList
            testId="target-error-summary"
            fields={FORM_FIELDS.filter((f) => errors[f]).map((f) => ({
              id: fieldId(f),
              label: FIELD_LABELS[f],
              message: errors[f] ?? '',
              focus: () => focus(f),
            }))}
            other={outcome.other}
          />
        </Alert>
      )}

      <div className="wbm-edit-form__fields">
        <FormField id={fieldId('metric')} label={FIELD_LABELS.metric} error={errors.metric}>
          <Select id={fieldId('metric')} value={values.metric} onChange={(e) => set({ metric: e.target.value as TargetFormValues['metric'] })}>
            <Options options={TARGET_METRICS.map((m) => ({ value: m, text: METRIC_LABELS[m] }))} />
          </Select>
        </FormField>
        <FormField id={fieldId('geoLevel')} label={FIELD_LABELS.geoLevel} error={errors.geoLevel}>
          <Select
            id={fieldId('geoLevel')}
            value={values.geoLevel}
            onChange={(e) => {
              const level = e.target.value as TargetFormValues['geoLevel'];
              const list = level === 'nation' ? [] : areas[level];
              const only = list.length === 1 ? list[0] : undefined;
              set({ geoLevel: level, geoCode: only?.code ?? '', geoName: only?.name ?? '' });
            }}
          >
            <Options options={levels.map((l) => ({ value: l, text: LEVEL_LABELS[l] }))} />
          </Select>
        </FormField>
        {values.geoLevel !== 'nation' && (
          <FormField id={fieldId('geoCode')} label={FIELD_LABELS.geoCode} error={errors.geoCode}>
            <Select
              id={fieldId('geoCode')}
              value={values.geoCode}
              aria-invalid={errors.geoCode ? true : undefined}
              aria-describedby={describedBy('geoCode')}
              data-testid="target-geoCode"
              onChange={(e) => set({ geoCode: e.target.value, geoName: areaList.find((a) => a.code === e.target.value)?.name ?? '' })}
            >
              <option value="">Kies een gebied</option>
              <Options options={areaList.map((a) => ({ value: a.code, text: a.name }))} />
            </Select>
          </FormField>
        )}
        {text('periodStart', { inputMode: 'numeric' })}
        {text('periodEnd', { inputMode: 'numeric' })}
        {share ? (
          text('share', { inputMode: 'decimal' })
        ) : (
          <>
            {text('homes', { inputMode: 'numeric' })}
            <FormField id={fieldId('unit')} label={FIELD_LABELS.unit} error={errors.unit}>
              <Select id={fieldId('unit')} value={values.unit} onChange={(e) => set({ unit: e.target.value as TargetFormValues['unit'] })}>
                <option value="woningen">woningen in de hele periode</option>
                <option value="woningen_per_jaar">woningen per jaar</option>
                <option value="kamers">kamers</option>
              </Select>
            </FormField>
          </>
        )}
        {text('kind')}
        {text('sourceRef')}
        {text('sourceUrl', { type: 'url' })}
        {text('sourcePublished')}
        <FormField id={fieldId('note')} label={FIELD_LABELS.note} error={errors.note}>
          <Textarea id={fieldId('note')} rows={3} value={values.note} onChange={(e) => set({ note: e.target.value })} />
        </FormField>
      </div>
      <ButtonGroup className="wbm-button-row">
        <SubmitButton busy={saving} busyText="Bezig met opslaan…">
          Opslaan
        </SubmitButton>
        <Button appearance="secondary-action" onClick={onCancel}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
