/** Kwartaalronde: delivery per organisation, with bulk confirmation and undo. */
import { useRef, useState, type ReactNode } from 'react';
import type { OrganisationDelivery } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatNumber, formatProjectCount, label } from '../../labels.ts';
import type { ConfirmationBatch } from './quarters.ts';
import type { LastConfirmation, ActionMessage } from './roundTypes.ts';
import { ActionStatus } from './ActionStatus.tsx';
import { Delivered } from './delivery.tsx';
import { Section } from '../../components/Section.tsx';

interface OrganisationsTableProps {
  organisations: OrganisationDelivery[];
  /** The organisation the signed-in person delivers for (null: none). */
  own: string | null;
  /** The secretary: may record a delivery on behalf of a party. */
  canRun: boolean;
  busy: string | null;
  message: ActionMessage | null;
  last: LastConfirmation | null;
  /** Per organisation its latest confirmation of several projects at once (see latestBatches). */
  batches: Map<string, ConfirmationBatch>;
  /** Per organisation: outstanding projects it can confirm now, and those waiting for a new forecast. */
  confirmable: Map<string, { ready: number; blocked: number }>;
  onAsk: (o: OrganisationDelivery, onBehalf: boolean) => void;
  onUndo: (last: LastConfirmation) => void;
  children?: ReactNode;
}

export function OrganisationsTable({ organisations, children, ...actions }: OrganisationsTableProps) {
  const { busy, message, last, onUndo } = actions;
  const [showAll, setShowAll] = useState(false);
  // Keep the order of the first load (most outstanding first): a row must not jump away after its
  // organisation confirmed its projects.
  const order = useRef<Map<string, number>>(new Map());
  for (const o of organisations) if (!order.current.has(o.organisationId)) order.current.set(o.organisationId, order.current.size);
  const sorted = [...organisations].sort((a, b) => order.current.get(a.organisationId)! - order.current.get(b.organisationId)!);
  const shown = showAll ? sorted : sorted.slice(0, 15);
  return (
    <Section id="ronde-organisaties" title="Per organisatie">
      <Paragraph>
        Elke partij levert voor haar eigen deel van het project: de gemeente voor de publieke mijlpalen, de marktpartij voor de private. Niets
        veranderd? Bevestig dan in één keer alle projecten van uw organisatie die u nog niet hebt bijgewerkt of bevestigd.
      </Paragraph>
      <ActionStatus message={message} />
      {last && message?.type === 'ok' && (
        <Paragraph>
          <Button appearance="secondary-action" small disabled={busy !== null} onClick={() => onUndo(last)}>
            Ongedaan maken
            <VisuallyHidden>
              : bevestiging van {formatProjectCount(last.count)} van {last.organisationName}
            </VisuallyHidden>
          </Button>
        </Paragraph>
      )}
      {children}
      <Table
        caption={`Geleverd per organisatie, bij het openen van de pagina meeste openstaande projecten eerst (${formatNumber(shown.length)} van ${formatNumber(organisations.length)})`}
        testId="organisation-delivery"
        rows={shown}
        rowKey={(o) => o.organisationId}
        rowData={(o) => ({ 'data-organisation': o.name })}
        columns={[
          { key: 'name', header: 'Organisatie', cell: (o) => o.name },
          { key: 'type', header: 'Soort', cell: (o) => (o.type ? label(o.type) : '–') },
          {
            key: 'delivered',
            header: 'Geleverd',
            cell: (o) => (
              <>
                <Delivered done={o.outstanding === 0} text={`${formatNumber(o.delivered)} van ${formatNumber(o.total)}`} />
                {o.onBehalf > 0 && (
                  <span className="wbm-muted">
                    {' '}
                    (waarvan {formatNumber(o.onBehalf)} namens {o.name} vastgelegd door de secretaris)
                  </span>
                )}
              </>
            ),
          },
          { key: 'action', header: <VisuallyHidden>Actie</VisuallyHidden>, cell: (o) => <OrganisationActions o={o} {...actions} /> },
        ]}
      />
      {organisations.length > 15 && (
        <Button appearance="subtle" onClick={() => setShowAll((s) => !s)} aria-expanded={showAll}>
          {showAll ? 'Toon alleen de eerste 15' : `Toon alle ${formatNumber(organisations.length)} organisaties`}
        </Button>
      )}
    </Section>
  );
}

/** The actions of one organisation's row: confirm its own projects, record on its behalf, undo its last confirmation. */
function OrganisationActions({
  o,
  own,
  canRun,
  busy,
  message,
  last,
  batches,
  confirmable,
  onAsk,
  onUndo,
}: { o: OrganisationDelivery } & Omit<OrganisationsTableProps, 'organisations' | 'children'>) {
  const batch = batches.get(o.organisationId);
  // Right after confirming, the undo button next to the message does this.
  const showUndo = batch && (o.organisationId === own || canRun) && !(last?.batchId === batch.batchId && message?.type === 'ok');
  return (
    <>
      {o.outstanding > 0 && o.organisationId === own && (confirmable.get(o.organisationId)?.ready ?? o.outstanding) > 0 && (
        <Button appearance="secondary-action" small disabled={busy !== null} onClick={() => onAsk(o, false)}>
          Bevestig alle {formatNumber(confirmable.get(o.organisationId)?.ready ?? o.outstanding)} ongewijzigde projecten
          <VisuallyHidden> van {o.name}</VisuallyHidden>
        </Button>
      )}
      {o.outstanding > 0 && o.organisationId === own && (confirmable.get(o.organisationId)?.blocked ?? 0) > 0 && (
        <Paragraph className="wbm-muted" data-testid="confirm-blocked">
          {formatProjectCount(confirmable.get(o.organisationId)?.blocked ?? 0)} met een verstreken prognose: werk die eerst bij.
        </Paragraph>
      )}
      {o.outstanding > 0 && o.organisationId !== own && canRun && (
        <Button appearance="subtle" small disabled={busy !== null} onClick={() => onAsk(o, true)}>
          Namens {o.name} vastleggen…
        </Button>
      )}
      {showUndo && (
        <Button
          appearance="subtle"
          small
          disabled={busy !== null}
          data-testid="undo-batch"
          onClick={() => onUndo({ batchId: batch.batchId, count: batch.count, organisationName: o.name })}
        >
          Maak de bevestiging van {formatProjectCount(batch.count)} in één keer ongedaan
          <VisuallyHidden> ({o.name})</VisuallyHidden>
        </Button>
      )}
    </>
  );
}
