/**
 * Filter form of the project list. Changes apply when the user presses "Toon projecten", so a
 * screen-reader user is never surprised by content changing while moving through the fields.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Gemeente, Provincie, Region } from '../../api/types.ts';
import { KNELPUNT_CATEGORIES, label, PHASES, PLAN_STATUSES, PROJECT_FLAGS, STATUS_COLOURS, type ProjectFlag } from '../../labels.ts';
import { FormField } from '../../components/FormField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { EMPTY_FILTERS, type ProjectFilters } from './filters.ts';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Select } from '../../components/Select.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';

export interface ProjectFiltersFormProps {
  /** Filters now applied (from the URL). */
  value: ProjectFilters;
  provincies: Provincie[];
  gemeenten: Gemeente[];
  /** Versnellingstafels and woondealregio's. */
  regions: Region[];
  /** Called with the new filters when the form is submitted. */
  onApply: (filters: ProjectFilters) => void;
}

/** Years offered in the "Oplevering in" filter: the jaarschijven run through 2035 (SPEC §1). */
const YEARS = Array.from({ length: 16 }, (_, i) => 2024 + i);

export function ProjectFiltersForm({ value, provincies, gemeenten, regions, onApply }: ProjectFiltersFormProps) {
  const [draft, setDraft] = useState(value);
  const id = useId();
  // A new URL (back button, link) replaces what was typed.
  useEffect(() => setDraft(value), [value]);

  const set = <K extends keyof ProjectFilters>(key: K, v: ProjectFilters[K]) => setDraft((d) => ({ ...d, [key]: v }));
  const gemeenteOptions = draft.provincie ? gemeenten.filter((g) => g.provincieCode === draft.provincie) : gemeenten;

  const onProvincieChange = (provincie: string) =>
    setDraft((d) => ({
      ...d,
      provincie,
      gemeente: provincie && gemeenten.find((g) => g.code === d.gemeente)?.provincieCode !== provincie ? '' : d.gemeente,
    }));

  const toggleFlag = (flag: ProjectFlag, on: boolean) =>
    setDraft((d) => ({ ...d, flags: on ? [...d.flags, flag] : d.flags.filter((f) => f !== flag) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, page: 1 });
  };

  const reset = () => {
    const cleared = { ...EMPTY_FILTERS, sort: value.sort, descending: value.descending };
    setDraft(cleared);
    onApply(cleared);
  };

  return (
    <form className="wbm-filters" onSubmit={submit} aria-labelledby={`${id}-title`} role="search">
      <Heading level={2} className="wbm-filters__title" id={`${id}-title`}>
        Filters
      </Heading>
      <div className="wbm-filters__grid">
        <TextField
          id={`${id}-q`}
          label="Zoek op projectnaam"
          type="search"
          value={draft.q}
          maxLength={200}
          onChange={(v) => set('q', v)}
          className="wbm-filters__wide"
        />
        <SelectField
          id={`${id}-regio`}
          label="Tafel of regio"
          value={draft.region}
          onChange={(v) => set('region', v)}
          emptyLabel="Alle tafels en regio’s"
        >
          {draft.region && !regions.some((r) => r.id === draft.region) && (
            <option value={draft.region}>{areaLabel(draft.region, provincies, gemeenten)}</option>
          )}
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-jaar`}
          label="Oplevering gepland in"
          value={draft.year ? String(draft.year) : ''}
          onChange={(v) => set('year', v ? Number(v) : 0)}
          emptyLabel="Alle jaren"
        >
          {(draft.year && !YEARS.includes(draft.year) ? [draft.year, ...YEARS] : YEARS).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${id}-provincie`} label="Provincie" value={draft.provincie} onChange={onProvincieChange} emptyLabel="Alle provincies">
          <AreaOptions areas={provincies} />
        </SelectField>
        <SelectField id={`${id}-gemeente`} label="Gemeente" value={draft.gemeente} onChange={(v) => set('gemeente', v)} emptyLabel="Alle gemeenten">
          <AreaOptions areas={gemeenteOptions} />
        </SelectField>
        <SelectField
          id={`${id}-planstatus`}
          label="Planstatus"
          value={draft.planStatus}
          onChange={(v) => set('planStatus', v)}
          emptyLabel="Alle planstatussen"
        >
          <CodeOptions codes={PLAN_STATUSES} />
        </SelectField>
        <SelectField id={`${id}-fase`} label="Fase" value={draft.phase} onChange={(v) => set('phase', v)} emptyLabel="Alle fasen">
          <CodeOptions codes={PHASES} />
        </SelectField>
        <SelectField id={`${id}-status`} label="Status" value={draft.status} onChange={(v) => set('status', v)} emptyLabel="Alle statussen">
          <CodeOptions codes={STATUS_COLOURS} />
        </SelectField>
        <SelectField
          id={`${id}-knelpunt`}
          label="Open knelpunt"
          value={draft.knelpunt}
          onChange={(v) => set('knelpunt', v)}
          emptyLabel="Alle projecten"
        >
          <CodeOptions codes={KNELPUNT_CATEGORIES} />
        </SelectField>
        <SelectField
          id={`${id}-woningen`}
          label="Betaalbaar of sociaal"
          value={draft.homesIn}
          onChange={(v) => set('homesIn', v as ProjectFilters['homesIn'])}
          emptyLabel="Alle projecten"
        >
          <option value="betaalbaar">Met betaalbare woningen</option>
          <option value="sociaal">Met sociale huurwoningen</option>
        </SelectField>
        <SelectField
          id={`${id}-vertraagd`}
          label="Vertraging"
          value={draft.delayed ? 'ja' : ''}
          onChange={(v) => set('delayed', v === 'ja')}
          emptyLabel="Alle projecten"
        >
          <option value="ja">Met vertraagde mijlpalen</option>
        </SelectField>
        <SelectField
          id={`${id}-verstreken`}
          label="Prognose verstreken"
          value={draft.forecastExpired ? 'ja' : ''}
          onChange={(v) => set('forecastExpired', v === 'ja')}
          emptyLabel="Alle projecten"
        >
          <option value="ja">Met een prognose in het verleden zonder werkelijke datum</option>
        </SelectField>
        <SelectField
          id={`${id}-plannen`}
          label="Actief of vervallen"
          value={draft.lifecycle}
          onChange={(v) => set('lifecycle', v as ProjectFilters['lifecycle'])}
          emptyLabel="Actieve plannen"
        >
          <option value="vervallen">Vervallen plannen (planuitval)</option>
          <option value="alle">Actieve en vervallen plannen</option>
        </SelectField>
      </div>
      <Fieldset className="wbm-filters__flags" legend="Kenmerken (project heeft ze allemaal)">
        <div className="wbm-checkbox-grid">
          {PROJECT_FLAGS.map((flag) => (
            <CheckboxField
              key={flag}
              id={`${id}-flag-${flag}`}
              label={label(flag)}
              checked={draft.flags.includes(flag)}
              onChange={(on) => toggleFlag(flag, on)}
            />
          ))}
        </div>
      </Fieldset>
      <ButtonGroup className="wbm-button-row">
        <Button appearance="primary-action" type="submit">
          Toon projecten
        </Button>
        <Button appearance="secondary-action" onClick={reset}>
          Wis filters
        </Button>
      </ButtonGroup>
    </form>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Text of the first option, which means "no filter". */
  emptyLabel: string;
  children: ReactNode;
}

function SelectField({ id, label: text, value, onChange, emptyLabel, children }: SelectFieldProps) {
  return (
    <FormField id={id} label={text}>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {children}
      </Select>
    </FormField>
  );
}

/** One option per provincie or gemeente, named by its name. */
function AreaOptions({ areas }: { areas: readonly { code: string; name: string }[] }) {
  return areas.map((area) => (
    <option key={area.code} value={area.code}>
      {area.name}
    </option>
  ));
}

/** One option per code, named by its label. */
function CodeOptions({ codes }: { codes: readonly string[] }) {
  return codes.map((code) => (
    <option key={code} value={code}>
      {label(code)}
    </option>
  ));
}

/** Name of an area used as a region (`provincie:PV27` → "Provincie Noord-Holland"). */
export function areaLabel(region: string, provincies: Provincie[], gemeenten: Gemeente[]): string {
  const [kind, code] = region.split(':');
  if (kind === 'provincie') return `Provincie ${provincies.find((p) => p.code === code)?.name ?? code}`;
  if (kind === 'gemeente') return `Gemeente ${gemeenten.find((g) => g.code === code)?.name ?? code}`;
  if (kind === 'corop') return `COROP-gebied ${gemeenten.find((g) => g.coropCode === code)?.coropName ?? code}`;
  return region;
}
