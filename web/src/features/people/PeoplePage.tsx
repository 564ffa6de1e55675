/**
 * Mensen (issue 11 items 3 and 5): administrators see everyone's account, province analysts and table secretaries the
 * people of their area (role, scope, active or not, last sign-in); they invite someone by e-mail (InviteForm), see and
 * withdraw open invitations (InvitationsList), change a person's role and scope, and deactivate an account after a
 * confirmation (all the person's sessions and API tokens end at once) or turn it on again. The server decides
 * (src/domain/access.ts canManageUsers, canAssignRoleScope).
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_SCOPE } from '../../../../src/domain/account.ts';
import { api, ApiError } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { peopleChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayManagePeople, roleLabel } from '../../auth/permissions.ts';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { Alert, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { RowButton, RowConfirm } from '../../components/RowActions.tsx';
import { Table } from '../../components/Table.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatMoment } from '../account/format.ts';
import { InvitationsList } from './InvitationsList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { RoleScopeForm, useScopeNames } from './RoleScopeForm.tsx';
import { PseudonymiseButton } from './PseudonymiseButton.tsx';

export type Account = components['schemas']['Account'];

export function PeoplePage() {
  usePageTitle('Mensen');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (!isSignedIn(state) || !mayManagePeople(state)) {
    return (
      <article data-testid="people-not-allowed">
        <Heading level={1}>Mensen</Heading>
        <Alert type="info" title="Alleen voor wie mensen beheert">
          <Paragraph>
            Op deze pagina beheren een beheerder, een analist van een provincie en de secretaris van een versnellingstafel de accounts van anderen. Uw
            eigen gegevens staan op Mijn account.
          </Paragraph>
          <ButtonLink appearance="secondary-action" to={isSignedIn(state) ? '/account' : '/inloggen?terug=%2Fbeheer%2Fmensen'}>
            {isSignedIn(state) ? 'Naar Mijn account' : 'Inloggen'}
          </ButtonLink>
        </Alert>
      </article>
    );
  }
  return <PeopleList ownId={state.me.principal.userId} />;
}

function PeopleList({ ownId }: { ownId: string | null }) {
  // Accounts change by others' actions (an invitation accepted elsewhere): fetched anew each time the page opens.
  const people = useApi(queryKeys.people.all, (signal) => api.listUsers(signal), { staleTime: 0 });
  const client = useQueryClient();
  const names = useScopeNames();
  const organisations = useReference('organisations');
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const scopeText = (a: Account) => {
    const parts = [
      a.gemeenteCode && `Gemeente ${names.gemeente(a.gemeenteCode)}`,
      a.regionId && `Tafel ${names.region(a.regionId)}`,
      a.provincieCode && `Provincie ${names.provincie(a.provincieCode)}`,
      a.organisationId && !a.gemeenteCode && (organisations.data?.find((o) => o.id === a.organisationId)?.name ?? 'Organisatie'),
    ].filter(Boolean);
    if (parts.length > 0) return parts.join(', ');
    return ROLE_SCOPE[a.role] ? 'Niet ingesteld' : 'Heel Nederland';
  };

  const setActive = async (a: Account, active: boolean) => {
    setBusy(true);
    setProblem(null);
    setStatus(null);
    try {
      await (active ? api.reactivateUser(a.id) : api.deactivateUser(a.id));
      setConfirming(null);
      setStatus(
        active
          ? `Het account van ${a.name} staat weer aan. ${a.name} kan weer inloggen.`
          : `Het account van ${a.name} staat uit. ${a.name} is overal uitgelogd en de API-tokens werken niet meer.`,
      );
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Dat is niet gelukt.');
    } finally {
      setBusy(false);
      await peopleChanged(client);
    }
  };

  const editedAccount = people.data?.items.find((a) => a.id === editing) ?? null;

  return (
    <article data-testid="people">
      <Heading level={1}>Mensen</Heading>
      <Paragraph lead>
        Hier ziet u wie een account heeft. U kunt iemand uitnodigen, iemands rol en werkgebied wijzigen, en een account uitzetten als iemand vertrekt.
      </Paragraph>
      <InviteForm />
      <InvitationsList />
      <ActionFeedback status={status} problem={problem} testId="people-status" />
      <LoadState result={people} loading="De accounts worden geladen…" />
      {editedAccount && (
        <RoleScopeForm
          key={`${editedAccount.id}-${editedAccount.version}`}
          account={editedAccount}
          own={editedAccount.id === ownId}
          onDone={async (message) => {
            setEditing(null);
            if (message) setStatus(message);
            await peopleChanged(client);
          }}
          onStale={() => peopleChanged(client)}
        />
      )}
      {people.data && (
        <Table<Account>
          caption="Accounts"
          testId="people-table"
          rows={people.data.items}
          rowKey={(a) => a.id}
          rowData={(a) => ({ 'data-email': a.email, 'data-disabled': a.disabled ? 'true' : 'false' })}
          empty={<Paragraph>Er zijn nog geen accounts.</Paragraph>}
          columns={[
            {
              key: 'name',
              header: 'Naam',
              cell: (a) => (
                <>
                  {a.name}
                  {a.id === ownId && ' (u)'}
                  {a.isDemo && ' (demo)'}
                </>
              ),
            },
            { key: 'email', header: 'E-mailadres', cell: (a) => a.email },
            { key: 'role', header: 'Rol', cell: (a) => roleLabel(a.role) },
            { key: 'scope', header: 'Werkgebied', cell: scopeText },
            { key: 'state', header: 'Status', cell: (a) => (a.disabled ? <strong>Uitgezet</strong> : 'Actief') },
            { key: 'signIn', header: 'Laatst ingelogd', cell: (a) => formatMoment(a.lastSignInAt, 'Onbekend'), className: 'wbm-nowrap' },
            {
              key: 'action',
              header: 'Actie',
              cell: (a) =>
                confirming === a.id ? (
                  <RowConfirm
                    label={`Account van ${a.name} uitzetten?`}
                    question={`Weet u het zeker? ${a.name} wordt meteen overal uitgelogd, de API-tokens werken niet meer en inloggen kan niet meer.`}
                    confirm="Ja, zet uit"
                    cancel="Nee, laat aan"
                    onConfirm={() => void setActive(a, false)}
                    onCancel={() => setConfirming(null)}
                    busy={busy}
                    confirmTestId="confirm-deactivate"
                  />
                ) : (
                  <ButtonGroup>
                    <RowButton
                      subject={a.name}
                      onClick={() => {
                        setStatus(null);
                        setEditing(a.id);
                      }}
                    >
                      Wijzigen
                    </RowButton>
                    {a.disabled ? (
                      <RowButton subject={a.name} disabled={busy} onClick={() => void setActive(a, true)}>
                        Weer aanzetten
                      </RowButton>
                    ) : (
                      a.id !== ownId && (
                        <RowButton
                          subject={a.name}
                          onClick={() => {
                            setStatus(null);
                            setConfirming(a.id);
                          }}
                        >
                          Uitzetten
                        </RowButton>
                      )
                    )}
                    <PseudonymiseButton account={a} onDone={setStatus} />
                  </ButtonGroup>
                ),
            },
          ]}
        />
      )}
    </article>
  );
}
