/**
 * Proposals of the gemeenten for alternatives on the Tafeloverzicht (issue 12 item 6; `001 § Afspraak 3B`). Who sees the
 * whole table reads every open proposal beside the ranked alternatives ("Voorstellen van gemeenten"); a project leader
 * of a gemeente of the table sees the form "Alternatief voorstellen" and its own gemeente's proposals, which it may
 * withdraw. Others (a market party) see nothing here: the server's rule (src/domain/access.ts proposalsView).
 */
import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { canProposeAlternative } from '../../../../src/domain/access.ts';
import { PROPOSAL_KIND_LABELS } from '../../../../src/domain/alternative-proposal.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { proposalsChanged } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { Dashboard, Proposal, ProposalList } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { may } from '../../auth/permissions.ts';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { RowButton, RowConfirm } from '../../components/RowActions.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatNumber } from '../../labels.ts';
import { projectUrl } from './drilldown.ts';
import { ProposalForm } from './ProposalForm.tsx';

export function ProposalsSection({ dashboard }: { dashboard: Dashboard }) {
  const { state: auth } = useAuth();
  const region = dashboard.region;
  const isTable = region.kind !== 'gebied';
  const proposer = may(auth, (p) => canProposeAlternative(p, { id: region.id, gemeenteCodes: region.gemeenteCodes, provincieCodes: [], isTable }));
  const enabled = isTable && (dashboard.access.view === 'full' || proposer);
  // Proposals come from other people (the table's gemeenten): fetched anew each time the Tafeloverzicht opens.
  const list = useApi(queryKeys.dashboard.proposals(region.id), (signal) => api.proposals(region.id, signal), { enabled, staleTime: 0 });
  if (!enabled) return null;
  if (list.state === 'loading') return <Loading>De voorstellen van gemeenten worden geladen…</Loading>;
  if (list.state === 'error') return <ErrorMessage error={list.error} retry={list.reload} />;
  if (!list.data) return null;
  return list.data.view === 'all' ? <TableProposals list={list.data} /> : <OwnProposals list={list.data} dashboard={dashboard} />;
}

/** For the table: every open proposal, earliest year first. */
function TableProposals({ list }: { list: ProposalList }) {
  return (
    <div className="wbm-proposals" data-testid="table-proposals">
      <Heading level={3}>Voorstellen van gemeenten</Heading>
      <Paragraph>
        Gemeenten van de tafel kunnen zelf een alternatief project of een versnelling voorstellen als de tafel in een jaar tekortkomt. De voorstellen
        staan ook op de agenda van het tafeloverleg.
      </Paragraph>
      <ProposalTable list={list} empty="Er zijn nog geen voorstellen van gemeenten." />
    </div>
  );
}

/** For a gemeente of the table: the form and its own gemeente's proposals, each to withdraw. */
function OwnProposals({ list, dashboard }: { list: ProposalList; dashboard: Dashboard }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => proposalsChanged(client, list.region.id);

  const withdraw = async (p: Proposal) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.withdrawProposal(list.region.id, p.id, p.version);
      setStatus(`Het voorstel ‘${p.title}’ is ingetrokken.`);
      setAsking(null);
      await refresh();
    } catch (err) {
      setProblem(
        err instanceof ApiError && err.status === 409
          ? 'Het voorstel is intussen gewijzigd of al ingetrokken. De lijst is opnieuw geladen.'
          : err instanceof ApiError
            ? (err.problem?.detail ?? err.message)
            : 'Het intrekken is niet gelukt.',
      );
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wbm-proposals" data-testid="own-proposals">
      <Heading level={3}>Alternatief voorstellen</Heading>
      <Paragraph>
        Komt de tafel in een jaar woningen tekort? Dan kan uw gemeente een alternatief project voorstellen, of een project dat sneller kan. Vul in
        hoeveel woningen het oplevert en in welk jaar. De tafel bespreekt uw voorstel in het tafeloverleg.
      </Paragraph>
      <ProposalForm
        list={list}
        dashboard={dashboard}
        onProposed={async (made) => {
          setStatus(`Uw voorstel ‘${made.title}’ is naar de tafel gestuurd.`);
          await refresh();
        }}
      />
      <ActionFeedback status={status} problem={problem} testId="proposal-status" />
      <Heading level={4}>Voorstellen van uw gemeente</Heading>
      <ProposalTable
        list={list}
        empty="Uw gemeente heeft nog geen voorstellen gedaan."
        action={(p) =>
          asking === p.id ? (
            <RowConfirm
              label={`Voorstel ${p.title} intrekken?`}
              question="Weet u het zeker? De tafel ziet het voorstel dan niet meer."
              confirm="Ja, trek in"
              cancel="Nee, laat staan"
              busy={busy}
              onConfirm={() => void withdraw(p)}
              onCancel={() => setAsking(null)}
            />
          ) : (
            <RowButton subject={p.title} onClick={() => setAsking(p.id)}>
              Intrekken
            </RowButton>
          )
        }
      />
    </div>
  );
}

function ProposalTable({ list, empty, action }: { list: ProposalList; empty: string; action?: (p: Proposal) => ReactNode }) {
  return (
    <Table
      caption={list.view === 'all' ? `Voorstellen van gemeenten in ${list.region.name}` : 'Voorstellen van uw gemeente'}
      testId="proposals-table"
      rows={list.items}
      rowKey={(p) => p.id}
      empty={<Paragraph>{empty}</Paragraph>}
      columns={[
        { key: 'title', header: 'Voorstel', cell: (p) => p.title },
        { key: 'gemeente', header: 'Gemeente', cell: (p) => p.gemeenteName },
        { key: 'kind', header: 'Soort', cell: (p) => PROPOSAL_KIND_LABELS[p.kind] },
        { key: 'project', header: 'Project', cell: (p) => (p.project ? <TextLink to={projectUrl(p.project.id)}>{p.project.name}</TextLink> : '–') },
        { key: 'homes', header: 'Woningen', numeric: true, cell: (p) => formatNumber(p.homes) },
        { key: 'year', header: 'Jaar', numeric: true, cell: (p) => p.year },
        { key: 'description', header: 'Toelichting', cell: (p) => p.description ?? '–' },
        ...(action ? [{ key: 'action', header: 'Actie', cell: action }] : []),
      ]}
    />
  );
}
