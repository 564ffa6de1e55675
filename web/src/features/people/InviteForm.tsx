/**
 * Mensen: "Iemand uitnodigen". Name, e-mail address, a role the signed-in person may give and the werkgebied for that
 * role, chosen only from what they may choose (GET /invitations/choices: the server's own rule, src/domain/access.ts
 * canAssignRoleScope). ?uitnodigen=<role>&regionId=<id> in the address fills in role and table (the table page links
 * here). After sending: the address it went to, or, without mail, the link with a copy button to pass on.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { roleScopeProblems, scopeForRole, type AccountScope } from '../../../../src/domain/account.ts';
import type { Role } from '../../../../src/domain/access.ts';
import { api, ApiError } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';
import { useApi } from '../../api/hooks.ts';
import { peopleChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { InvitationSent } from './InvitationSent.tsx';

type Choice = components['schemas']['InvitationChoices']['roles'][number];
type Created = components['schemas']['InvitationCreated'];
type Field = 'name' | 'email' | 'role' | keyof AccountScope;

export const SCOPE_FIELD_LABEL: Record<keyof AccountScope, string> = {
  gemeenteCode: 'Gemeente',
  regionId: 'Versnellingstafel',
  organisationId: 'Organisatie',
  provincieCode: 'Provincie',
};

/** aria attributes of a control whose error (if any) stands next to it. */
const invalid = (id: string, error: string | undefined) => (error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

export function InviteForm() {
  const choices = useApi(queryKeys.people.choices, (signal) => api.invitationChoices(signal));
  const roles = choices.data?.roles ?? [];
  return roles.length === 0 ? null : <InviteFormFields roles={roles} />;
}

function InviteFormFields({ roles }: { roles: Choice[] }) {
  const client = useQueryClient();
  const [params] = useSearchParams();
  const asked = roles.find((r) => r.role === params.get('uitnodigen'));
  const [role, setRole] = useState<Role>((asked ?? roles[0]!).role);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [scope, setScope] = useState(asked?.scopeField === 'regionId' ? (params.get('regionId') ?? '') : '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);
  const choice = roles.find((r) => r.role === role) ?? roles[0]!;
  const field = choice.scopeField;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const given: Partial<AccountScope> = field && scope ? { [field]: scope } : {};
    const local: Partial<Record<Field, string>> = {};
    if (!name.trim()) local.name = 'Vul de naam in.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) local.email = 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.';
    for (const issue of roleScopeProblems(role, scopeForRole(role, given))) local[issue.path as Field] = issue.message;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const created = await api.createInvitation({ name: name.trim(), email: email.trim(), role: role as Exclude<Role, 'publiek'>, ...given });
      setSent(created);
      setName('');
      setEmail('');
      await peopleChanged(client);
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      if (fieldErrors.length > 0) setErrors(Object.fromEntries(fieldErrors.map((i) => [i.path, i.message])));
      else setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het versturen is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="uitnodigen" title="Iemand uitnodigen">
      <Paragraph>
        De persoon krijgt een e-mail met een link. Met die link maakt hij of zij zelf een account, met de rol en het werkgebied die u hier kiest. De
        link werkt één keer en 7 dagen lang.
      </Paragraph>
      {sent && <InvitationSent created={sent} onDone={() => setSent(null)} />}
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary
        testId="invite-error-summary"
        fields={[
          { id: 'invite-name', label: 'Naam', message: errors.name },
          { id: 'invite-email', label: 'E-mailadres', message: errors.email },
          { id: 'invite-role', label: 'Rol', message: errors.role },
          ...(field ? [{ id: 'invite-scope', label: SCOPE_FIELD_LABEL[field], message: errors[field] }] : []),
        ]}
      />
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="invite-form">
        <FormField id="invite-name" label="Naam" error={errors.name}>
          <TextInput
            id="invite-name"
            value={name}
            autoComplete="off"
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            {...invalid('invite-name', errors.name)}
          />
        </FormField>
        <FormField id="invite-email" label="E-mailadres" error={errors.email}>
          <TextInput
            id="invite-email"
            type="email"
            value={email}
            autoComplete="off"
            maxLength={320}
            onChange={(e) => setEmail(e.target.value)}
            {...invalid('invite-email', errors.email)}
          />
        </FormField>
        <FormField id="invite-role" label="Rol" error={errors.role}>
          <Select
            id="invite-role"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role);
              setScope('');
              setErrors({});
            }}
            {...invalid('invite-role', errors.role)}
          >
            {roles.map((r) => (
              <option key={r.role} value={r.role}>
                {r.label}
              </option>
            ))}
          </Select>
        </FormField>
        {field && (
          <FormField id="invite-scope" label={SCOPE_FIELD_LABEL[field]} error={errors[field]}>
            <Select id="invite-scope" value={scope} onChange={(e) => setScope(e.target.value)} {...invalid('invite-scope', errors[field])}>
              <option value="">Kies…</option>
              {choice.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        {field && choice.options.length === 0 && <Paragraph>Er is nog niets binnen uw werkgebied om uit te kiezen.</Paragraph>}
        <Button type="submit" appearance="primary-action" disabled={busy}>
          Uitnodiging versturen
        </Button>
      </form>
    </Section>
  );
}
