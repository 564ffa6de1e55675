/**
 * Mijn account, "Waar u bent ingelogd": the person's own browser sessions (this one marked), and ending one.
 * Ending another session signs that browser out at once; ending this one signs you out here.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { components } from '../../api/generated/openapi.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { RowButton } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { describeBrowser, formatMoment, signInMethod } from './format.ts';

type Session = components['schemas']['Session'];

export function SessionsSection() {
  const sessions = useApi(queryKeys.account.sessions, (signal) => api.listSessions(signal));
  const client = useQueryClient();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const end = async (session: Session) => {
    setProblem(null);
    setStatus(null);
    setBusy(session.id);
    try {
      await api.endSession(session.id);
      if (session.current) {
        // This browser's own session: it is gone, so sign out here too (empties what this page showed).
        await signOut();
        navigate('/inloggen?uitgelogd=1');
        return;
      }
      setStatus(`U bent uitgelogd in ${describeBrowser(session.userAgent)} (ingelogd op ${formatMoment(session.createdAt)}).`);
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het uitloggen is niet gelukt.');
    } finally {
      setBusy(null);
      await client.invalidateQueries({ queryKey: queryKeys.account.sessions });
    }
  };

  return (
    <Section id="sessies" title="Waar u bent ingelogd">
      <Paragraph>
        U bent ingelogd in deze browsers. Herkent u er een niet, of gebruikt u een computer niet meer? Log die dan uit. Dat werkt meteen.
      </Paragraph>
      <ActionFeedback status={status} problem={problem} testId="session-status" />
      <LoadState result={sessions} loading="Uw sessies worden geladen…" />
      {sessions.data && (
        <Table<Session>
          caption="Uw sessies"
          testId="session-table"
          rows={[...sessions.data.items].sort((a, b) => Number(b.current) - Number(a.current))}
          rowKey={(s) => s.id}
          rowData={(s) => ({ 'data-current': s.current ? 'true' : 'false' })}
          empty={<Paragraph>U bent nergens anders ingelogd.</Paragraph>}
          columns={[
            {
              key: 'browser',
              header: 'Browser',
              cell: (s) => (
                <>
                  {describeBrowser(s.userAgent)}
                  {s.current && (
                    <>
                      {' '}
                      <strong data-testid="current-session">(deze sessie)</strong>
                    </>
                  )}
                </>
              ),
            },
            { key: 'via', header: 'Manier van inloggen', cell: (s) => signInMethod(s.via) },
            { key: 'created', header: 'Ingelogd op', cell: (s) => formatMoment(s.createdAt), className: 'wbm-nowrap' },
            { key: 'used', header: 'Laatst gebruikt', cell: (s) => formatMoment(s.lastUsedAt, 'Onbekend'), className: 'wbm-nowrap' },
            { key: 'expires', header: 'Verloopt op', cell: (s) => formatMoment(s.expiresAt), className: 'wbm-nowrap' },
            {
              key: 'action',
              header: 'Actie',
              cell: (s) => (
                <RowButton
                  disabled={busy !== null}
                  onClick={() => void end(s)}
                  subject={s.current ? undefined : `${describeBrowser(s.userAgent)}, ingelogd op ${formatMoment(s.createdAt)}`}
                >
                  {s.current ? 'Uitloggen' : 'Uitloggen daar'}
                </RowButton>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
