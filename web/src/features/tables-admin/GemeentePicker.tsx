/**
 * Choose gemeenten from the reference list: a text filter labelled "Gemeenten" and a list of checkboxes (accessible
 * without a combobox: every gemeente is a labelled checkbox). The chosen ones are listed first; a gemeente that now
 * lies in another versnellingstafel says so, and that it moves.
 */
import { useState } from 'react';
import type { components } from '../../api/generated/openapi.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { tableOf, type RegionRow } from './regionInput.ts';

type Gemeente = components['schemas']['GemeenteListItem'];
const MAX_SHOWN = 40;

export function GemeentePicker(props: {
  id: string;
  gemeenten: readonly Gemeente[];
  regions: readonly RegionRow[];
  /** The region being changed (its own gemeenten do not "move"). */
  ownId: string | null;
  chosen: string[];
  onChange: (codes: string[]) => void;
  error: string | null;
}) {
  const [filter, setFilter] = useState('');
  const byCode = new Map(props.gemeenten.map((g) => [g.code, g]));
  const needle = filter.trim().toLocaleLowerCase('nl');
  const matches = needle ? props.gemeenten.filter((g) => !props.chosen.includes(g.code) && g.name.toLocaleLowerCase('nl').includes(needle)) : [];
  const toggle = (code: string, on: boolean) => props.onChange(on ? [...props.chosen, code] : props.chosen.filter((c) => c !== code));
  const errorId = props.error ? `${props.id}-error` : null;

  const option = (code: string) => {
    const g = byCode.get(code);
    const other = tableOf(props.regions, code, props.ownId);
    return (
      <li key={code}>
        <CheckboxField
          id={`${props.id}-${code}`}
          label={
            <>
              {g?.name ?? code}
              {g && <span className="wbm-muted"> ({g.provincieName})</span>}
              {other && props.chosen.includes(code) && <strong> — zit nu in ‘{other.name}’ en verhuist naar deze tafel</strong>}
              {other && !props.chosen.includes(code) && <span className="wbm-muted"> — zit nu in ‘{other.name}’</span>}
            </>
          }
          checked={props.chosen.includes(code)}
          onChange={(on) => toggle(code, on)}
        />
      </li>
    );
  };

  return (
    <div data-testid={`${props.id}-picker`}>
      <FormField id={props.id} label="Gemeenten" error={props.error} description="Typ een deel van de naam en vink de gemeenten aan.">
        <TextInput
          id={props.id}
          type="search"
          value={filter}
          autoComplete="off"
          aria-invalid={props.error ? true : undefined}
          aria-describedby={[`${props.id}-help`, errorId].filter(Boolean).join(' ')}
          aria-controls={`${props.id}-matches`}
          onChange={(e) => setFilter(e.target.value)}
        />
      </FormField>
      <Paragraph role="status" data-testid={`${props.id}-count`}>
        {props.chosen.length === 0
          ? 'Nog geen gemeente gekozen.'
          : `${props.chosen.length} ${props.chosen.length === 1 ? 'gemeente' : 'gemeenten'} gekozen.`}
      </Paragraph>
      {props.chosen.length > 0 && (
        <ul className="wbm-plain-list" aria-label="Uw keuze">
          {props.chosen.map(option)}
        </ul>
      )}
      <ul className="wbm-plain-list" id={`${props.id}-matches`} aria-label="Zoekresultaten">
        {matches.slice(0, MAX_SHOWN).map((g) => option(g.code))}
      </ul>
      {matches.length > MAX_SHOWN && <Paragraph>Nog {matches.length - MAX_SHOWN} gemeenten meer; typ verder om te zoeken.</Paragraph>}
      {needle && matches.length === 0 && <Paragraph>Geen andere gemeente gevonden met ‘{filter.trim()}’.</Paragraph>}
    </div>
  );
}
