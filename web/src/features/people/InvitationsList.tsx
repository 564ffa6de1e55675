/** Mensen: the open invitations the signed-in person may manage, each with "Intrekken" (the link stops working). */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';
import { useApi } from '../../api/hooks.ts';
import { peopleChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { roleLabel } from '../../auth/permissions.ts';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { RowButton } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { formatMoment } from '../account/format.ts';

type Invitation = components['schemas']['Invitation'];

const scopeName = (i: Invitation) => i.gemeenteName ?? i.regionName ?? i.organisationName ?? i.provincieName ?? '—';

export function InvitationsList() {
  // Invitations are accepted elsewhere: fetched anew each time the page opens.
  const invitations = useApi(queryKeys.people.invitations, (signal) => api.listInvitations(signal), { staleTime: 0 });
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const revoke = async (i: Invitation) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.revokeInvitation(i.id);
      setStatus(`De uitnodiging voor ${i.name} is ingetrokken. De link werkt niet meer.`);
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het intrekken is niet gelukt.');
    } finally {
      setBusy(false);
      await peopleChanged(client);
    }
  };

  return (
    <Section id="open-uitnodigingen" title="Open uitnodigingen">
      <ActionFeedback status={status} problem={problem} testId="invitations-status" />
      <LoadState result={invitations} loading="De uitnodigingen worden geladen…" />
      {invitations.data && (
        <Table<Invitation>
          caption="Open uitnodigingen"
          testId="invitations-table"
          rows={invitations.data.items}
          rowKey={(i) => i.id}
          rowData={(i) => ({ 'data-email': i.email })}
          empty={<Paragraph>Er zijn geen open uitnodigingen.</Paragraph>}
          columns={[
            { key: 'name', header: 'Naam', cell: (i) => i.name },
            { key: 'email', header: 'E-mailadres', cell: (i) => i.email },
            { key: 'role', header: 'Rol', cell: (i) => roleLabel(i.role) },
            { key: 'scope', header: 'Werkgebied', cell: scopeName },
            { key: 'by', header: 'Uitgenodigd door', cell: (i) => i.invitedByName ?? 'Onbekend' },
            { key: 'expires', header: 'Werkt tot', cell: (i) => formatMoment(i.expiresAt, ''), className: 'wbm-nowrap' },
            {
              key: 'action',
              header: 'Actie',
              cell: (i) => (
                <RowButton subject={i.name} disabled={busy} onClick={() => void revoke(i)}>
                  Intrekken
                </RowButton>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
