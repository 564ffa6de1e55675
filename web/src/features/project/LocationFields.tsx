/**
 * Ligging: coordinates typed in WGS84 (breedtegraad/lengtegraad) or RD New (x/y in meters), or a click on the map.
 * The map is optional: everything can be done with the fields alone, also with the keyboard. A click fills the
 * fields of the chosen system; the fields are checked on saving (locationInput.ts).
 */
import { lazy, Suspense } from 'react';
import { Button } from '../../components/Button.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { fieldId, invalidProps } from './formParts.tsx';
import {
  checkLocation,
  EMPTY_LOCATION,
  LOCATION_LABELS,
  locationTextOf,
  switchSystem,
  type CoordinateSystem,
  type LocationField,
  type LocationText,
} from './locationInput.ts';
import type { FieldErrors } from './projectForm.ts';

const LocationMap = lazy(() => import('./LocationMap.tsx'));

const SYSTEMS: ReadonlyArray<{ value: CoordinateSystem; text: string; fields: [LocationField, LocationField]; hint: string }> = [
  {
    value: 'wgs84',
    text: 'WGS84 (lengte-/breedtegraad)',
    fields: ['lat', 'lon'],
    hint: 'In graden, bijvoorbeeld breedtegraad 52,1552 en lengtegraad 5,3872.',
  },
  {
    value: 'rd',
    text: 'RD New (x/y in meters)',
    fields: ['x', 'y'],
    hint: 'Rijksdriehoekscoördinaten in meters, bijvoorbeeld x 155000 en y 463000.',
  },
];

export interface LocationFieldsProps {
  prefix: string;
  value: LocationText;
  onChange: (value: LocationText) => void;
  errors: FieldErrors;
  /** The gemeente the project lies in: the map starts there. */
  gemeenteCode: string;
}

export function LocationFields({ prefix, value, onChange, errors, gemeenteCode }: LocationFieldsProps) {
  const system = SYSTEMS.find((s) => s.value === value.system)!;
  const checked = checkLocation(value);
  const hintId = `${prefix}-location-hint`;
  return (
    <Fieldset legend="Ligging (niet verplicht)" className="wbm-location">
      <Paragraph>Vul coördinaten in of klik op de kaart.</Paragraph>
      <Fieldset legend="Soort coördinaten" className="wbm-radio-group">
        {SYSTEMS.map((s) => (
          <div key={s.value} className="utrecht-form-field utrecht-form-field--radio wbm-checkbox">
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={`${prefix}-system-${s.value}`}
              name={`${prefix}-system`}
              checked={value.system === s.value}
              onChange={() => onChange(switchSystem(value, s.value))}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${prefix}-system-${s.value}`}>
              {s.text}
            </label>
          </div>
        ))}
      </Fieldset>
      <Paragraph id={hintId} className="wbm-muted">
        {system.hint}
      </Paragraph>
      <div className="wbm-edit-form__fields">
        {system.fields.map((f) => {
          const key = `location.${f}`;
          const id = fieldId(prefix, key);
          return (
            <FormField key={f} id={id} label={LOCATION_LABELS[f]} error={errors[key]}>
              <TextInput
                id={id}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                maxLength={20}
                value={value[f]}
                onChange={(e) => onChange({ ...value, [f]: e.target.value })}
                className={errors[key] ? 'utrecht-textbox--invalid' : undefined}
                {...invalidProps(id, errors[key], hintId)}
              />
            </FormField>
          );
        })}
      </div>
      {checked.kind !== 'empty' && (
        <Button appearance="subtle" onClick={() => onChange({ ...EMPTY_LOCATION, system: value.system })}>
          Ligging leegmaken
        </Button>
      )}
      <Suspense fallback={<Paragraph className="wbm-muted">De kaart wordt geladen…</Paragraph>}>
        <LocationMap
          point={checked.kind === 'point' ? checked.point : null}
          gemeenteCode={gemeenteCode}
          onPick={(point) => onChange(locationTextOf(point, value.system))}
        />
      </Suspense>
    </Fieldset>
  );
}
