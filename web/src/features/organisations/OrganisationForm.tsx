/**
 * Register an organisation, or rename / correct one (name, kind, KvK number, website). Checked before sending
 * with the server's rules (organisationInput.ts); the server's errors (a KvK number already registered, 409 with
 * the field) appear next to the field in Dutch; a stale version reloads the list with an explanation.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { REGISTRABLE_ORGANISATION_TYPES } from '../../../../src/domain/organisation.ts';
import { api, ApiError } from '../../api/client.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { label } from '../../labels.ts';
import { EMPTY_FORM, organisationBody, type OrganisationFormValues } from './organisationInput.ts';
import type { OrganisationRow } from './OrganisationsPage.tsx';

export function OrganisationForm(props: {
  /** The organisation being corrected; none to register a new one. */
  organisation?: OrganisationRow;
  onDone: (message: string | null) => Promise<void>;
  onStale: () => Promise<void>;
}) {
  const org = props.organisation;
  const prefix = org ? 'org-edit' : 'org-new';
  const [values, setValues] = useState<OrganisationFormValues>(
    org ? { name: org.name, type: org.type, kvkNumber: org.kvkNumber ?? '', website: org.website ?? '' } : EMPTY_FORM,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const checked = organisationBody(values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (org) {
        const saved = await api.updateOrganisation(org.id, { version: org.version, ...checked.body });
        await props.onDone(`${saved.name} is bijgewerkt.`);
      } else {
        const saved = await api.createOrganisation(checked.body);
        setValues(EMPTY_FORM);
        await props.onDone(`${saved.name} is geregistreerd.`);
      }
    } catch (err) {
      if (err instanceof ApiError && err.problem?.errors?.length) {
        setErrors(Object.fromEntries(err.problem.errors.map((i) => [i.path, i.message])));
      } else if (err instanceof ApiError && err.status === 409) {
        setProblem('Iemand anders heeft deze organisatie intussen gewijzigd. De lijst is opnieuw geladen; kijk of uw wijziging nog nodig is.');
        await props.onStale();
      } else {
        setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het opslaan is niet gelukt.');
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof OrganisationFormValues, text: string, input: (common: Record<string, unknown>) => ReactNode, description?: string) => {
    const id = `${prefix}-${name}`;
    const error = errors[name] ?? null;
    const describedBy = [description ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <FormField id={id} label={text} error={error} description={description} testId={`${prefix}-field-${name}`}>
        {input({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      </FormField>
    );
  };
  const set = (name: keyof OrganisationFormValues) => (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value });

  return (
    <Section id={org ? 'wijzigen' : 'registreren'} title={org ? `${org.name} wijzigen` : 'Nieuwe organisatie registreren'}>
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid={`${prefix}-form`}>
        {field('name', 'Naam', (c) => (
          <TextInput {...c} value={values.name} maxLength={200} autoComplete="organization" onChange={set('name')} />
        ))}
        {field('type', 'Soort organisatie', (c) => (
          <Select {...c} value={values.type} onChange={set('type')}>
            <option value="">Kies…</option>
            {REGISTRABLE_ORGANISATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {label(t)}
              </option>
            ))}
          </Select>
        ))}
        {field(
          'kvkNumber',
          'KvK-nummer (niet verplicht)',
          (c) => (
            <TextInput {...c} value={values.kvkNumber} inputMode="numeric" maxLength={12} onChange={set('kvkNumber')} />
          ),
          '8 cijfers, zoals in het Handelsregister van de Kamer van Koophandel.',
        )}
        {field(
          'website',
          'Website (niet verplicht)',
          (c) => (
            <TextInput {...c} type="url" value={values.website} maxLength={300} onChange={set('website')} />
          ),
          'Het volledige adres, bijvoorbeeld https://www.voorbeeld.nl.',
        )}
        <FormActions busy={busy} submit={org ? 'Opslaan' : 'Registreren'} onCancel={org ? () => void props.onDone(null) : undefined} />
      </form>
    </Section>
  );
}
