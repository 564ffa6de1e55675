/** Kwartaalronde: the open quarter with its delivery, confirmations, reminders and closing. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { roundChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { ConfirmResult, Region, RoundDetail, RoundSummary } from '../../api/types.ts';
import { deliveringOrganisation } from '../../../../src/domain/access.ts';
import { gemeenteOrganisationId } from '../../../../src/domain/identifiers.ts';
import { isSignedIn, type AuthState } from '../../auth/AuthContext.tsx';
import { principalOf } from '../../auth/permissions.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { formatProjectCount } from '../../labels.ts';
import { DeliverySummary } from './DeliverySummary.tsx';
import { confirmableCounts, latestBatches, quarterLabel } from './quarters.ts';
import { failure } from './ActionStatus.tsx';
import type { Asking, LastConfirmation } from './roundTypes.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { OrganisationsTable } from './OrganisationsTable.tsx';
import { ProjectsTable } from './ProjectsTable.tsx';
import { RemindersSection } from './RemindersSection.tsx';
import { CloseRound } from './CloseRound.tsx';
import { Section } from '../../components/Section.tsx';

interface OpenRoundPanelProps {
  summary: RoundSummary;
  region: Region | undefined;
  auth: AuthState;
  canRun: boolean;
  onClosed: (round: RoundDetail) => void;
}

/** The open quarter: delivery, confirmations, reminders, closing. */
export function OpenRoundPanel({ summary, region, auth, canRun, onClosed }: OpenRoundPanelProps) {
  const queryClient = useQueryClient();
  const loaded = useApi(queryKeys.round.detail(summary.id), (signal) => api.getRound(summary.id, signal), { keepPrevious: false });
  const detail = loaded.data ?? null;
  const loadError = loaded.error ?? null;
  /** After a confirmation or undo: show the round as the server answered, and refresh what depends on it. */
  const setDetail = (round: RoundDetail) => void roundChanged(queryClient, round);
  /** Outcome of the last action, shown next to the table where it was taken. */
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string; where: 'organisations' | 'projects' } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [last, setLast] = useState<LastConfirmation | null>(null);

  const principal = isSignedIn(auth) ? principalOf(auth.me) : null;
  /** The organisation the signed-in person delivers for: the gemeente, or the market party (src/domain/access.ts). */
  const own = principal ? deliveringOrganisation(principal, gemeenteOrganisationId) : null;

  const act = async <T extends { round: RoundDetail }>(
    where: 'organisations' | 'projects',
    key: string,
    action: () => Promise<T>,
    what: (result: T) => string,
    after?: (result: T) => void,
  ) => {
    setBusy(key);
    setMessage(null);
    try {
      const result = await action();
      setDetail(result.round);
      setMessage({ type: 'ok', text: what(result), where });
      after?.(result);
    } catch (err) {
      setMessage({ type: 'error', text: failure(err), where });
    } finally {
      setBusy(null);
    }
  };

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!detail) return <Loading>De kwartaalronde wordt geladen…</Loading>;
  const names = new Map(detail.organisations.map((o) => [o.organisationId, o.name]));

  const confirmed = (organisationName: string) => (result: ConfirmResult) => {
    const n = result.confirmedProjectIds.length;
    const left = result.refused.length > 0 ? ` ${formatProjectCount(result.refused.length)} niet meegenomen: de prognose is verstreken.` : '';
    return (
      (n === 0
        ? `${organisationName} had geen openstaande projecten meer.`
        : `${n} ${n === 1 ? 'project' : 'projecten'} van ${organisationName} bevestigd als ongewijzigd.`) + left
    );
  };

  return (
    <>
      <Section id="ronde-stand" title={`Stand van ${quarterLabel(detail.quarter)}`}>
        <DeliverySummary round={detail} regionId={detail.regionId} showLink={false} />
      </Section>

      <OrganisationsTable
        organisations={detail.organisations}
        own={own}
        canRun={canRun}
        busy={busy}
        message={message?.where === 'organisations' ? message : null}
        last={last}
        batches={latestBatches(detail.projects)}
        confirmable={confirmableCounts(detail.projects)}
        onAsk={(o, onBehalf) => {
          setMessage(null);
          setAsking({ organisation: o, onBehalf });
        }}
        onUndo={(l) =>
          act(
            'organisations',
            `undo-${l.batchId}`,
            () => api.undoConfirmation(detail.id, { batchId: l.batchId }),
            (r) => `De bevestiging van ${formatProjectCount(r.undoneProjectIds.length)} van ${l.organisationName} is ongedaan gemaakt.`,
            () => setLast(null),
          )
        }
      >
        {asking && (
          <ConfirmStep
            key={asking.organisation.organisationId}
            roundId={detail.id}
            asking={asking}
            busy={busy !== null}
            onCancel={() => setAsking(null)}
            onConfirm={(reason) =>
              act(
                'organisations',
                `org-${asking.organisation.organisationId}`,
                () => api.confirm(detail.id, { organisationId: asking.organisation.organisationId, ...(asking.onBehalf ? { reason } : {}) }),
                confirmed(asking.organisation.name),
                (r) => {
                  setAsking(null);
                  setLast(
                    r.confirmedProjectIds.length > 0
                      ? { batchId: r.batchId, count: r.confirmedProjectIds.length, organisationName: asking.organisation.name }
                      : null,
                  );
                },
              )
            }
          />
        )}
      </OrganisationsTable>

      <ProjectsTable
        projects={detail.projects}
        names={names}
        organisations={detail.organisations}
        own={own}
        canRun={canRun}
        busy={busy}
        message={message?.where === 'projects' ? message : null}
        onConfirm={(p) =>
          act(
            'projects',
            `project-${p.projectId}`,
            () => api.confirm(detail.id, { projectIds: [p.projectId] }),
            () => `${p.name} is bevestigd als ongewijzigd.`,
          )
        }
        onUndo={(p, party) =>
          act(
            'projects',
            `undo-${p.projectId}`,
            () => api.undoConfirmation(detail.id, { projectId: p.projectId, organisationId: party.organisationId }),
            () => `De bevestiging van ${p.name} door ${names.get(party.organisationId) ?? 'de partij'} is ingetrokken.`,
          )
        }
      />

      {canRun && <RemindersSection round={detail} />}

      {canRun && <CloseRound round={detail} regionName={region?.name ?? detail.regionName} onClosed={onClosed} />}
    </>
  );
}
