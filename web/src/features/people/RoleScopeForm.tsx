/**
 * Mensen: change a person's role and werkgebied. The roles and the werkgebied the role needs (a gemeente, a table, a
 * province or an organisation) are chosen from what the signed-in person may give (GET /invitations/choices, the
 * server's own rule), and checked with the server's own rule before sending
 * (src/domain/account.ts roleScopeProblems); the server's 422 errors appear next to the field, a 409 reloads.
 */
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../src/domain/access.ts';
import { ROLE_SCOPE, roleScopeProblems, scopeForRole, type AccountScope } from '../../../../src/domain/account.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { roleLabel } from '../../auth/permissions.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import type { Account } from './PeoplePage.tsx';

const SCOPE_LABEL: Record<keyof AccountScope, string> = {
  gemeenteCode: 'Gemeente',
  regionId: 'Versnellingstafel of regio',
  provincieCode: 'Provincie',
  organisationId: 'Organisatie',
};

/** Names of gemeenten, tables and provinces by code, for the list and the form. */
export function useScopeNames() {
  const gemeenten = useReference('gemeenten');
  const regions = useReference('regions');
  const provincies = useReference('provincies');
  return {
    gemeenten: gemeenten.data ?? [],
    regions: regions.data ?? [],
    provincies: provincies.data ?? [],
    gemeente: (code: string) => gemeenten.data?.find((g) => g.code === code)?.name ?? code,
    region: (id: string) => regions.data?.find((r) => r.id === id)?.name ?? id,
    provincie: (code: string) => provincies.data?.find((p) => p.code === code)?.name ?? code,
  };
}

export function RoleScopeForm(props: {
  account: Account;
  own: boolean;
  onDone: (message: string | null) => Promise<void>;
  onStale: () => Promise<void>;
}) {
  const { account } = props;
  const choices = useApi(queryKeys.people.choices, (signal) => api.invitationChoices(signal));
  const roles = choices.data?.roles ?? [];
  const [role, setRole] = useState<Role>(account.role);
  const [value, setValue] = useState<Partial<Record<keyof AccountScope, string>>>({
    gemeenteCode: account.gemeenteCode ?? '',
    regionId: account.regionId ?? '',
    provincieCode: account.provincieCode ?? '',
    organisationId: account.organisationId ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = ROLE_SCOPE[role];

  const options = roles.find((r) => r.role === role)?.options ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    // Only the werkgebied the role needs is sent: the rest becomes empty (as the server stores it).
    const given: Partial<AccountScope> = field && value[field] ? { [field]: value[field] } : {};
    const local = roleScopeProblems(role, scopeForRole(role, given));
    if (local.length > 0) {
      setErrors(Object.fromEntries(local.map((i) => [i.path, i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await api.changeUserRoleScope(account.id, { version: account.version, role, ...given });
      await props.onDone(`De rol van ${saved.name} is nu ${roleLabel(saved.role)}.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setProblem('Iemand anders heeft dit account intussen gewijzigd. De lijst is opnieuw geladen; kijk of uw wijziging nog nodig is.');
        await props.onStale();
      } else if (err instanceof ApiError && err.problem?.errors?.length) {
        setErrors(Object.fromEntries(err.problem.errors.map((i) => [i.path, i.message])));
      } else {
        setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het opslaan is niet gelukt.');
      }
    } finally {
      setBusy(false);
    }
  };

  const roleError = errors.role ?? null;
  const scopeError = field ? (errors[field] ?? null) : null;

  return (
    <Section id="wijzigen" title={`Rol en werkgebied van ${account.name}`}>
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="role-scope-form">
        <FormField id="people-role" label="Rol" error={roleError}>
          <Select
            id="people-role"
            value={role}
            disabled={props.own}
            aria-invalid={roleError ? true : undefined}
            aria-describedby={roleError ? 'people-role-error' : undefined}
            onChange={(e) => {
              setRole(e.target.value as Role);
              setErrors({});
            }}
          >
            {(roles.some((r) => r.role === account.role) ? roles : [{ role: account.role, label: roleLabel(account.role) }, ...roles]).map((r) => (
              <option key={r.role} value={r.role}>
                {r.label}
              </option>
            ))}
          </Select>
        </FormField>
        {props.own && <Paragraph>Uw eigen rol kunt u niet wijzigen. Vraag een andere beheerder om dat te doen.</Paragraph>}
        {field && (
          <FormField id="people-scope" label={SCOPE_LABEL[field]} error={scopeError}>
            <Select
              id="people-scope"
              value={value[field] ?? ''}
              aria-invalid={scopeError ? true : undefined}
              aria-describedby={scopeError ? 'people-scope-error' : undefined}
              onChange={(e) => setValue({ ...value, [field]: e.target.value })}
            >
              <option value="">Kies…</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <FormActions busy={busy} submit="Opslaan" onCancel={() => void props.onDone(null)} />
      </form>
    </Section>
  );
}
