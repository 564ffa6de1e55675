/**
 * Add a knelpunt ("Knelpunt toevoegen") or change one ("Wijzigen"): the kind from the taxonomy, what is the matter, who
 * must act, and the day it was raised (today unless changed). SPEC §2 "Knelpunt". POST or PATCH
 * /projects/{id}/knelpunten; errors of the API stand next to the fields and what was typed stays.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Knelpunt } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { checkDateInput, isoToInput, todayIso } from '../../components/dateInput.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Options } from '../../components/Options.tsx';
import { Select } from '../../components/Select.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { KNELPUNT_CATEGORIES, label } from '../../labels.ts';
import { invalidProps, useStepForm, type FieldErrors } from './useStepForm.tsx';

type Field = 'category' | 'description' | 'owner' | 'raisedDate';

export const CATEGORY_OPTIONS = KNELPUNT_CATEGORIES.map((c) => ({ value: c, text: label(c) }));

export interface KnelpuntFormProps {
  projectId: string;
  /** The knelpunt to change; none: a new one. */
  knelpunt?: Knelpunt;
  /** Called once saved (the project is then loaded again). */
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}

export function KnelpuntForm({ projectId, knelpunt, onSaved, onCancel, onReload }: KnelpuntFormProps) {
  const id = useId();
  const ids = { category: `${id}-category`, description: `${id}-description`, owner: `${id}-owner`, raisedDate: `${id}-raised` };
  const [category, setCategory] = useState<string>(knelpunt?.category ?? '');
  const [description, setDescription] = useState(knelpunt?.description ?? '');
  const [owner, setOwner] = useState(knelpunt?.owner ?? '');
  const [raised, setRaised] = useState(isoToInput(knelpunt?.raisedDate ?? todayIso()));
  const form = useStepForm<Field>(
    [
      { name: 'category', label: 'Soort knelpunt', id: ids.category },
      { name: 'description', label: 'Omschrijving', id: ids.description },
      { name: 'owner', label: 'Wie moet actie nemen', id: ids.owner },
      { name: 'raisedDate', label: 'Gemeld op', id: ids.raisedDate },
    ],
    onReload,
    'knelpunt-error-summary',
  );
  const { errors } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors<Field> = {};
    if (!category) local.category = 'Kies de soort knelpunt.';
    if (!description.trim()) local.description = 'Beschrijf het knelpunt.';
    const date = checkDateInput(raised, { what: 'De datum waarop het knelpunt is gemeld', kind: 'happened' });
    if (date.kind === 'empty') local.raisedDate = 'Vul de datum in waarop het knelpunt is gemeld.';
    else if (date.kind === 'invalid') local.raisedDate = date.message;
    const raisedDate = date.kind === 'date' ? date.iso : '';
    const body = {
      category: category as Knelpunt['category'],
      description: description.trim(),
      owner: owner.trim() || null,
      raisedDate,
    };
    const saved = await form.run(local, () =>
      knelpunt ? api.updateKnelpunt(projectId, knelpunt.id, { ...body, version: knelpunt.version }) : api.addKnelpunt(projectId, body),
    );
    if (saved) await onSaved(knelpunt ? `Het knelpunt ${label(body.category)} is gewijzigd.` : `Het knelpunt ${label(body.category)} is toegevoegd.`);
  };

  return (
    <form className="wbm-edit-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="knelpunt-form">
      <Heading level={3} id={`${id}-title`}>
        {knelpunt ? 'Knelpunt wijzigen' : 'Knelpunt toevoegen'}
      </Heading>
      {form.summary}
      <FormField id={ids.category} label="Soort knelpunt" error={errors.category}>
        <Select id={ids.category} value={category} onChange={(e) => setCategory(e.target.value)} {...invalidProps(ids.category, errors.category)}>
          <option value="">Kies de soort knelpunt</option>
          <Options options={CATEGORY_OPTIONS} />
        </Select>
      </FormField>
      <FormField id={ids.description} label="Omschrijving" error={errors.description}>
        <Textarea
          id={ids.description}
          value={description}
          rows={3}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
          {...invalidProps(ids.description, errors.description)}
        />
      </FormField>
      <FormField
        id={ids.owner}
        label="Wie moet actie nemen"
        error={errors.owner}
        description="Een organisatie of persoon, bijvoorbeeld de netbeheerder."
      >
        <TextInput
          id={ids.owner}
          value={owner}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setOwner(e.target.value)}
          aria-invalid={errors.owner ? true : undefined}
          aria-describedby={[errors.owner ? `${ids.owner}-error` : null, `${ids.owner}-help`].filter(Boolean).join(' ')}
        />
      </FormField>
      <DateField id={ids.raisedDate} label="Gemeld op" value={raised} onChange={setRaised} error={errors.raisedDate} testId="knelpunt-raised" />
      <FormActions busy={form.busy} submit="Knelpunt opslaan" onCancel={onCancel} />
    </form>
  );
}
