/**
 * The project's own fields: name, description, plan status (hardheid), origin, flags and location — on
 * "Nieuw project" and in "Kerngegevens wijzigen". Values are kept as typed (projectForm.ts CoreValues).
 */
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Select } from '../../components/Select.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { label, ORIGINS, PLAN_STATUSES, PROJECT_FLAGS, type Origin, type PlanStatus } from '../../labels.ts';
import { fieldId, invalidProps } from './formParts.tsx';
import { LocationFields } from './LocationFields.tsx';
import type { CoreValues, FieldErrors } from './projectForm.ts';

/** What each plan status means, in plain words (SPEC §2 "Plan status (hardheid)"). */
const PLAN_STATUS_HELP = 'Onherroepelijk en vastgesteld samen zijn de harde plancapaciteit. Kies “Onbekend” als u het niet weet.';

export interface CoreFieldsProps {
  prefix: string;
  values: CoreValues;
  onChange: (values: CoreValues) => void;
  errors: FieldErrors;
  gemeenteCode: string;
}

export function CoreFields({ prefix, values, onChange, errors, gemeenteCode }: CoreFieldsProps) {
  const id = (key: string) => fieldId(prefix, key);
  const set = <K extends keyof CoreValues>(key: K, value: CoreValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <div className="wbm-edit-form__fields">
        <FormField id={id('name')} label="Naam" error={errors.name} className="wbm-field--wide">
          <TextInput
            id={id('name')}
            autoComplete="off"
            maxLength={200}
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            className={errors.name ? 'utrecht-textbox--invalid' : undefined}
            {...invalidProps(id('name'), errors.name)}
          />
        </FormField>
        <FormField id={id('planStatus')} label="Planstatus" error={errors.planStatus} description={PLAN_STATUS_HELP}>
          <Select
            id={id('planStatus')}
            value={values.planStatus}
            onChange={(e) => set('planStatus', e.target.value as PlanStatus)}
            {...invalidProps(id('planStatus'), errors.planStatus, `${id('planStatus')}-help`)}
          >
            <option value="">Kies de planstatus…</option>
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id={id('origin')} label="Herkomst van de woningen" error={errors.origin}>
          <Select
            id={id('origin')}
            value={values.origin}
            onChange={(e) => set('origin', e.target.value as Origin)}
            {...invalidProps(id('origin'), errors.origin)}
          >
            {ORIGINS.map((o) => (
              <option key={o} value={o}>
                {label(o)}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <FormField id={id('description')} label="Beschrijving (niet verplicht)" error={errors.description}>
        <Textarea
          id={id('description')}
          rows={3}
          maxLength={5000}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          {...invalidProps(id('description'), errors.description)}
        />
      </FormField>
      <Fieldset legend="Kenmerken" className="wbm-flags">
        <div className="wbm-checkbox-grid">
          {PROJECT_FLAGS.map((f) => (
            <CheckboxField
              key={f}
              id={`${prefix}-flag-${f}`}
              label={label(f)}
              checked={values.flags.includes(f)}
              onChange={(on) => set('flags', on ? [...values.flags, f] : values.flags.filter((x) => x !== f))}
            />
          ))}
        </div>
      </Fieldset>
      <LocationFields
        prefix={prefix}
        value={values.location}
        onChange={(location) => set('location', location)}
        errors={errors}
        gemeenteCode={gemeenteCode}
      />
    </>
  );
}
