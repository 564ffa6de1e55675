/**
 * Organisaties (issue 11 item 2): administrators and province analysts register market parties, corporations
 * and other organisations with their KvK number, and rename or correct them. Gemeenten, provinces, the state and
 * water boards come from the reference lists and are shown, not changed. The server decides
 * (src/domain/access.ts canRegisterOrganisations, canChangeOrganisation).
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/generated/openapi.ts';
import { useReference } from '../../api/hooks.ts';
import { organisationsChanged } from '../../api/invalidation.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayChangeOrganisation, mayManageOrganisations } from '../../auth/permissions.ts';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { RowButton } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { label } from '../../labels.ts';
import { MergeOrganisation } from './MergeOrganisation.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { matchesSearch } from './organisationInput.ts';

export type OrganisationRow = components['schemas']['Organisation'];

export function OrganisationsPage() {
  usePageTitle('Organisaties');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (!isSignedIn(state) || !mayManageOrganisations(state)) {
    return (
      <article data-testid="organisations-not-allowed">
        <Heading level={1}>Organisaties</Heading>
        <Alert type="info" title="Alleen voor beheerders en analisten van een provincie">
          <Paragraph>Op deze pagina registreren beheerders en analisten van een provincie marktpartijen en corporaties.</Paragraph>
          {!isSignedIn(state) && (
            <ButtonLink appearance="secondary-action" to="/inloggen?terug=%2Fbeheer%2Forganisaties">
              Inloggen
            </ButtonLink>
          )}
        </Alert>
      </article>
    );
  }
  return <OrganisationList />;
}

function OrganisationList() {
  const { state } = useAuth();
  const organisations = useReference('organisations');
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [merging, setMerging] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const done = async (message: string | null) => {
    setEditing(null);
    setMerging(null);
    if (message) setStatus(message);
    await organisationsChanged(client);
  };
  /** Open the form to correct, or to merge, this organisation (one at a time). */
  const open = (id: string, form: 'edit' | 'merge') => {
    setStatus(null);
    setEditing(form === 'edit' ? id : null);
    setMerging(form === 'merge' ? id : null);
  };
  const rows = (organisations.data ?? []).filter((o) => matchesSearch(o, search));
  const edited = organisations.data?.find((o) => o.id === editing) ?? null;
  const merged = organisations.data?.find((o) => o.id === merging) ?? null;

  return (
    <article data-testid="organisations">
      <Heading level={1}>Organisaties</Heading>
      <Paragraph lead>
        Hier registreert u marktpartijen, corporaties en andere organisaties die aan projecten meedoen, met hun KvK-nummer. Gemeenten en provincies
        staan al in de lijst. Staat een organisatie er twee keer in? Voeg ze dan samen.
      </Paragraph>
      <Paragraph className="wbm-save-status" role="status" data-testid="organisations-status">
        {status}
      </Paragraph>
      {merged && organisations.data ? (
        <MergeOrganisation
          key={`${merged.id}-${merged.version}`}
          organisation={merged}
          organisations={organisations.data}
          onDone={done}
          onStale={() => organisationsChanged(client)}
        />
      ) : edited ? (
        <OrganisationForm key={`${edited.id}-${edited.version}`} organisation={edited} onDone={done} onStale={() => organisationsChanged(client)} />
      ) : (
        <OrganisationForm onDone={done} onStale={() => organisationsChanged(client)} />
      )}
      <Section id="lijst" title="Alle organisaties">
        <TextField id="org-search" label="Zoek op naam of KvK-nummer" type="search" value={search} onChange={setSearch} />
        {organisations.state === 'error' && organisations.error && <ErrorMessage error={organisations.error} retry={organisations.reload} />}
        {organisations.state === 'loading' && <Loading>De organisaties worden geladen…</Loading>}
        {organisations.data && (
          <Table<OrganisationRow>
            caption={search.trim() ? `Organisaties met ‘${search.trim()}’ (${rows.length})` : `Organisaties (${rows.length})`}
            testId="organisations-table"
            rows={rows}
            rowKey={(o) => o.id}
            rowData={(o) => ({ 'data-kvk': o.kvkNumber ?? '', 'data-name': o.name })}
            scrollLabel="Organisaties"
            empty={
              <Paragraph>Geen organisatie gevonden. Kijk of de naam of het nummer goed gespeld is, of registreer de organisatie hierboven.</Paragraph>
            }
            columns={[
              { key: 'name', header: 'Naam', cell: (o) => (o.synthetic ? `${o.name} (demo)` : o.name) },
              { key: 'type', header: 'Soort', cell: (o) => label(o.type) },
              { key: 'kvk', header: 'KvK-nummer', cell: (o) => o.kvkNumber ?? '–', className: 'wbm-nowrap' },
              { key: 'website', header: 'Website', cell: (o) => o.website ?? '–' },
              {
                key: 'action',
                header: 'Actie',
                cell: (o) =>
                  isSignedIn(state) && mayChangeOrganisation(state, o) ? (
                    <ButtonGroup>
                      <RowButton subject={o.name} onClick={() => open(o.id, 'edit')}>
                        Wijzigen
                      </RowButton>
                      <RowButton subject={o.name} onClick={() => open(o.id, 'merge')}>
                        Samenvoegen
                      </RowButton>
                    </ButtonGroup>
                  ) : (
                    <span>Uit de referentielijst</span>
                  ),
              },
            ]}
          />
        )}
      </Section>
    </article>
  );
}
