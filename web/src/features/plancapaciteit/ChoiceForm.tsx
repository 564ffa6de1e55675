/**
 * The choice of the Plancapaciteit page: area, start year and breakdown; "Toon plancapaciteit" puts them in the
 * page address. The page gives it a new `key` when the address changes, so it starts from the address again.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { OptionGroups, Options } from '../../components/Options.tsx';
import { Select } from '../../components/Select.tsx';
import { BREAKDOWN_LABELS, BREAKDOWNS, fromYearOptions, type AreaGroup, type Breakdown, type Choice } from './plancapaciteit.ts';

export interface ChoiceFormProps {
  choice: Choice;
  groups: readonly AreaGroup[];
  /** Name of the area shown, until the lists have loaded. */
  currentName?: string;
  thisYear: number;
  onChoose: (choice: Choice) => void;
}

export function ChoiceForm({ choice, groups, currentName, thisYear, onChoose }: ChoiceFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(choice);
  const listed = groups.some((g) => g.options.some((o) => o.value === draft.area));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose(draft);
  };

  return (
    <form className="wbm-region-chooser" onSubmit={submit} aria-label="Kies gebied en periode" data-testid="plancapaciteit-choice">
      <FormField id={`${id}-gebied`} label="Gebied">
        <Select id={`${id}-gebied`} name="gebied" value={draft.area} onChange={(e) => setDraft({ ...draft, area: e.target.value })}>
          {!listed && <option value={draft.area}>{currentName ?? draft.area}</option>}
          <OptionGroups groups={groups} />
        </Select>
      </FormField>
      <FormField id={`${id}-vanaf`} label="Vanaf jaar">
        <Select id={`${id}-vanaf`} name="vanaf" value={draft.fromYear} onChange={(e) => setDraft({ ...draft, fromYear: Number(e.target.value) })}>
          <Options options={fromYearOptions(thisYear).map((y) => ({ value: y, text: String(y) }))} />
        </Select>
      </FormField>
      <FormField id={`${id}-uitsplitsing`} label="Uitsplitsing">
        <Select
          id={`${id}-uitsplitsing`}
          name="uitsplitsing"
          value={draft.breakdown}
          onChange={(e) => setDraft({ ...draft, breakdown: e.target.value as Breakdown })}
        >
          <Options options={BREAKDOWNS.map((b) => ({ value: b, text: BREAKDOWN_LABELS[b] }))} />
        </Select>
      </FormField>
      <Button appearance="secondary-action" type="submit">
        Toon plancapaciteit
      </Button>
    </form>
  );
}
