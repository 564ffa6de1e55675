/**
 * The rows of a project's programme (segment × woningtype × doelgroep × homes), jaarschijven (year × segment ×
 * homes) and parties (organisation + role), as edited on "Nieuw project" and in the edit forms of the project page.
 * Numbers are typed as text: what the user typed stays, also when it is wrong.
 */
import type { Organisation } from '../../api/types.ts';
import { FormField } from '../../components/FormField.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { DOELGROEPEN, label, ORGANISATION_TYPES, PARTY_ROLES, SEGMENTS, WONINGTYPES, type PartyRole, type Segment } from '../../labels.ts';
import { fieldId, invalidProps } from './formParts.tsx';
import {
  newJaarschijfRow,
  newPartyRow,
  newProgrammeRow,
  type FieldErrors,
  type JaarschijfRow,
  type PartyRow,
  type ProgrammeRow,
} from './projectForm.ts';
import { RowsEditor } from './RowsEditor.tsx';

interface PartProps<R> {
  /** Prefix of the control ids (one per form on the page). */
  prefix: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  errors: FieldErrors;
}

function Choice<T extends string>(props: {
  prefix: string;
  errorKey: string;
  text: string;
  value: T | '';
  options: readonly T[];
  errors: FieldErrors;
  onChange: (value: T) => void;
  placeholder?: string;
}) {
  const id = fieldId(props.prefix, props.errorKey);
  const error = props.errors[props.errorKey];
  return (
    <FormField id={id} label={props.text} error={error}>
      <Select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)} {...invalidProps(id, error)}>
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </Select>
    </FormField>
  );
}

function NumberText(props: {
  prefix: string;
  errorKey: string;
  text: string;
  value: string;
  errors: FieldErrors;
  onChange: (v: string) => void;
  size?: number;
}) {
  const id = fieldId(props.prefix, props.errorKey);
  const error = props.errors[props.errorKey];
  return (
    <FormField id={id} label={props.text} error={error}>
      <TextInput
        id={id}
        inputMode="numeric"
        autoComplete="off"
        size={props.size ?? 8}
        maxLength={12}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={error ? 'utrecht-textbox--invalid' : undefined}
        {...invalidProps(id, error)}
      />
    </FormField>
  );
}

export function ProgrammeRows({ prefix, rows, onChange, errors }: PartProps<ProgrammeRow>) {
  const key = (i: number, f: string) => `programme.${i}.${f}`;
  return (
    <RowsEditor
      legend="Programma: woningen per segment, woningtype en doelgroep"
      testId="programme-rows"
      rows={rows}
      onChange={onChange}
      newRow={(rs) => newProgrammeRow(rs.at(-1)?.segment)}
      firstId={(i) => fieldId(prefix, key(i, 'segment'))}
      addText="Programmaregel toevoegen"
      emptyText="Er is nog geen programma."
      renderRow={(row, i, update) => (
        <>
          <Choice
            prefix={prefix}
            errorKey={key(i, 'segment')}
            text="Segment"
            value={row.segment}
            options={SEGMENTS}
            errors={errors}
            onChange={(segment) => update({ segment })}
          />
          <Choice
            prefix={prefix}
            errorKey={key(i, 'woningtype')}
            text="Woningtype"
            value={row.woningtype}
            options={WONINGTYPES}
            errors={errors}
            onChange={(woningtype) => update({ woningtype })}
          />
          <Choice
            prefix={prefix}
            errorKey={key(i, 'doelgroep')}
            text="Doelgroep"
            value={row.doelgroep}
            options={DOELGROEPEN}
            errors={errors}
            onChange={(doelgroep) => update({ doelgroep })}
          />
          <NumberText
            prefix={prefix}
            errorKey={key(i, 'homes')}
            text="Aantal woningen"
            value={row.homes}
            errors={errors}
            onChange={(homes) => update({ homes })}
          />
        </>
      )}
    />
  );
}

export function JaarschijvenRows({ prefix, rows, onChange, errors, defaultSegment }: PartProps<JaarschijfRow> & { defaultSegment?: Segment }) {
  const key = (i: number, f: string) => `jaarschijven.${i}.${f}`;
  return (
    <RowsEditor
      legend="Jaarschijven: verwachte oplevering per jaar en segment"
      testId="jaarschijven-rows"
      rows={rows}
      onChange={onChange}
      newRow={(rs) => newJaarschijfRow(rs.at(-1)?.segment ?? defaultSegment)}
      firstId={(i) => fieldId(prefix, key(i, 'year'))}
      addText="Jaarschijf toevoegen"
      emptyText="Er zijn nog geen jaarschijven."
      renderRow={(row, i, update) => (
        <>
          <NumberText
            prefix={prefix}
            errorKey={key(i, 'year')}
            text="Jaar"
            value={row.year}
            size={6}
            errors={errors}
            onChange={(year) => update({ year })}
          />
          <Choice
            prefix={prefix}
            errorKey={key(i, 'segment')}
            text="Segment"
            value={row.segment}
            options={SEGMENTS}
            errors={errors}
            onChange={(segment) => update({ segment })}
          />
          <NumberText
            prefix={prefix}
            errorKey={key(i, 'homes')}
            text="Aantal woningen"
            value={row.homes}
            errors={errors}
            onChange={(homes) => update({ homes })}
          />
        </>
      )}
    />
  );
}

/** Organisations grouped by kind (gemeenten, corporaties, ontwikkelaars, …), each group sorted by name. */
function organisationGroups(organisations: readonly Organisation[]) {
  return ORGANISATION_TYPES.map((type) => ({
    type,
    items: organisations.filter((o) => o.type === type).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  })).filter((g) => g.items.length > 0);
}

export function PartyRows({ prefix, rows, onChange, errors, organisations }: PartProps<PartyRow> & { organisations: readonly Organisation[] }) {
  const key = (i: number, f: string) => `parties.${i}.${f}`;
  const groups = organisationGroups(organisations);
  return (
    <RowsEditor
      legend="Partijen en hun rol"
      testId="party-rows"
      rows={rows}
      onChange={onChange}
      newRow={() => newPartyRow()}
      firstId={(i) => fieldId(prefix, key(i, 'organisationId'))}
      addText="Partij toevoegen"
      emptyText="Er zijn nog geen partijen."
      renderRow={(row, i, update) => {
        const id = fieldId(prefix, key(i, 'organisationId'));
        const error = errors[key(i, 'organisationId')];
        return (
          <>
            <FormField id={id} label="Organisatie" error={error} className="wbm-row__wide">
              <Select id={id} value={row.organisationId} onChange={(e) => update({ organisationId: e.target.value })} {...invalidProps(id, error)}>
                <option value="">Kies een organisatie…</option>
                {/* A stored party whose organisation is not in the list (e.g. not visible to this account) stays choosable. */}
                {row.organisationId && !organisations.some((o) => o.id === row.organisationId) && (
                  <option value={row.organisationId}>Onbekende organisatie</option>
                )}
                {groups.map((g) => (
                  <optgroup key={g.type} label={label(g.type)}>
                    {g.items.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </Select>
            </FormField>
            <Choice<PartyRole>
              prefix={prefix}
              errorKey={key(i, 'role')}
              text="Rol"
              value={row.role}
              options={PARTY_ROLES}
              errors={errors}
              placeholder="Kies een rol…"
              onChange={(role) => update({ role })}
            />
          </>
        );
      }}
    />
  );
}
