/**
 * "Waarom schuift deze datum?" (issue 12 item 4): shown in the milestone form when the typed forecast lies past the
 * delay tolerance and later than it was — the same rule the API applies (src/domain/delay-reason.ts
 * needsDelayReason). A kind of knelpunt with a short explanation, or one of the project's open knelpunten.
 */
import type { RefObject } from 'react';
import type { Knelpunt } from '../../api/types.ts';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Options } from '../../components/Options.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { formatMonths, label, POLICY } from '../../labels.ts';
import { CATEGORY_OPTIONS } from './KnelpuntForm.tsx';
import { invalidProps } from './useStepForm.tsx';

export interface DelayReasonValue {
  category: string;
  text: string;
  knelpuntId: string;
}

export type DelayReasonField = 'category' | 'text' | 'knelpuntId';
export type DelayReasonErrors = Partial<Record<DelayReasonField, string>>;

export const EMPTY_DELAY_REASON: DelayReasonValue = { category: '', text: '', knelpuntId: '' };

export const DELAY_REASON_LABELS: Record<DelayReasonField, string> = {
  category: 'Soort knelpunt',
  text: 'Toelichting',
  knelpuntId: 'Of kies een bestaand knelpunt',
};

/** What is missing from the reason, in the words of the API (src/domain/delay-reason.ts). */
export function checkDelayReason(value: DelayReasonValue): DelayReasonErrors {
  if (value.knelpuntId) return {};
  const errors: DelayReasonErrors = {};
  if (!value.category) errors.category = 'Kies de soort knelpunt waardoor de datum schuift, of kies een bestaand knelpunt.';
  if (!value.text.trim()) errors.text = 'Licht kort toe waarom de datum schuift.';
  return errors;
}

/** The reason as the API takes it. */
export function delayReasonBody(value: DelayReasonValue) {
  return value.knelpuntId ? { knelpuntId: value.knelpuntId } : { category: value.category as Knelpunt['category'], text: value.text.trim() };
}

/** API errors about the reason (`delayReason`, `delayReason.text`, …) by field; the rest is left to the form. */
export function delayReasonErrorsOf(issues: ReadonlyArray<{ path: string; message: string }>): DelayReasonErrors {
  const errors: DelayReasonErrors = {};
  for (const issue of issues) {
    const field = issue.path === 'delayReason' ? 'category' : (issue.path.replace(/^delayReason\./, '') as DelayReasonField);
    if (issue.path.startsWith('delayReason') && field in DELAY_REASON_LABELS) errors[field] = issue.message;
  }
  return errors;
}

export function DelayReasonFields({
  idPrefix,
  value,
  onChange,
  errors,
  knelpunten,
  firstRef,
}: {
  idPrefix: string;
  value: DelayReasonValue;
  onChange: (value: DelayReasonValue) => void;
  errors: DelayReasonErrors;
  /** The project's open knelpunten, to choose one as the reason. */
  knelpunten: readonly Knelpunt[];
  /** The first control, to put the focus in. */
  firstRef?: RefObject<HTMLSelectElement | null>;
}) {
  const id = (f: DelayReasonField) => `${idPrefix}-${f}`;
  const linked = Boolean(value.knelpuntId);
  return (
    <Fieldset legend="Waarom schuift deze datum?" className="wbm-delay-reason">
      <Paragraph>
        De nieuwe prognose ligt meer dan {formatMonths(POLICY.delay.toleranceMonths)} na de basisplanning en later dan hij was. Geef aan waardoor de
        datum schuift, zodat de versnellingstafel het kan bespreken.
      </Paragraph>
      <div className="wbm-edit-form__fields" data-testid="delay-reason">
        <FormField id={id('category')} label={DELAY_REASON_LABELS.category} error={errors.category}>
          <Select
            id={id('category')}
            ref={firstRef}
            value={value.category}
            disabled={linked}
            onChange={(e) => onChange({ ...value, category: e.target.value })}
            {...invalidProps(id('category'), errors.category)}
          >
            <option value="">Kies de soort knelpunt</option>
            <Options options={CATEGORY_OPTIONS} />
          </Select>
        </FormField>
        <FormField id={id('text')} label={DELAY_REASON_LABELS.text} error={errors.text}>
          <Textarea
            id={id('text')}
            value={value.text}
            rows={2}
            maxLength={2000}
            disabled={linked}
            onChange={(e) => onChange({ ...value, text: e.target.value })}
            {...invalidProps(id('text'), errors.text)}
          />
        </FormField>
        {knelpunten.length > 0 && (
          <FormField id={id('knelpuntId')} label={DELAY_REASON_LABELS.knelpuntId} error={errors.knelpuntId}>
            <Select
              id={id('knelpuntId')}
              value={value.knelpuntId}
              onChange={(e) => onChange({ ...value, knelpuntId: e.target.value })}
              {...invalidProps(id('knelpuntId'), errors.knelpuntId)}
            >
              <option value="">Geen: ik vul hierboven een reden in</option>
              <Options options={knelpunten.map((k) => ({ value: k.id, text: `${label(k.category)}: ${k.description}` }))} />
            </Select>
          </FormField>
        )}
      </div>
    </Fieldset>
  );
}
