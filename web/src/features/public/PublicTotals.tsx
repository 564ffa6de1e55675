/**
 * Totals for the public: projects and homes per province (or per gemeente of one province) and the number
 * of projects per phase, from GET /api/v1/public/aggregates. Figures of fewer than 3 projects are hidden by
 * the server; the rule is said on the page (SPEC §1 public users, §7).
 */
import { useEffect, useId } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { PublicAggregates, PublicAreaAggregate } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { DataCell, RowHeaderCell, Table, TableRow } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatNumber, label } from '../../labels.ts';
import { PHASES } from '../../../../src/domain/codes.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';

/** A hidden figure shows as a dash, with the reason for screen readers. */
export function Hidden() {
  return (
    <>
      <span aria-hidden="true">–</span>
      <VisuallyHidden>niet getoond</VisuallyHidden>
    </>
  );
}

const count = (v: number | null) => (v === null ? <Hidden /> : formatNumber(v));

/** The rule in plain words, as the server states it, and what a dash means. */
export function DisclosureRule({ rule }: { rule: string }) {
  return (
    <Paragraph className="wbm-muted" data-testid="disclosure-rule">
      {rule} Een streepje (–) staat voor een aantal dat we daarom niet tonen.
    </Paragraph>
  );
}

export function usePublicAggregates(provincie: string | null) {
  return useApi(queryKeys.public.aggregates(provincie ? 'gemeente' : 'provincie', provincie), (signal) =>
    api.publicAggregates(provincie ? 'gemeente' : 'provincie', provincie, signal),
  );
}

export function PublicTotals({ provincie, onReady }: { provincie: string | null; onReady?: (data: PublicAggregates) => void }) {
  const id = useId();
  const data = usePublicAggregates(provincie);
  useEffect(() => {
    if (data.state === 'ready') onReady?.(data.data);
  }, [data.state, data.data, onReady]);
  if (data.state === 'error') return <ErrorMessage error={data.error} retry={data.reload} />;
  if (data.state === 'loading') return <Loading>De totalen worden geteld…</Loading>;
  const { items, total, rule } = data.data;
  const shown = provincie ? items.filter((i) => i.projects !== 0) : items;
  return (
    <section aria-labelledby={`${id}-totalen`} className="wbm-section" data-testid="public-totals">
      <Heading level={2} id={`${id}-totalen`}>
        {provincie ? 'Projecten per gemeente' : 'Projecten per provincie'}
      </Heading>
      <DisclosureRule rule={rule} />
      {provincie && (
        <Paragraph>
          <TextLink to="/projecten">
            <span aria-hidden="true">← </span>Alle provincies
          </TextLink>
        </Paragraph>
      )}
      <Table
        caption={
          <>
            {provincie
              ? 'Aantal projecten en woningen per gemeente, en projecten per fase'
              : 'Aantal projecten en woningen per provincie, en projecten per fase'}
            {provincie && ' (gemeenten zonder projecten staan er niet in)'}
          </>
        }
        rows={shown}
        rowKey={(a) => a.code}
        rowData={(a) => ({ 'data-code': a.code })}
        columns={[
          {
            key: 'name',
            header: provincie ? 'Gemeente' : 'Provincie',
            cell: (a) => (provincie ? a.name : <TextLink to={`/projecten?provincie=${a.code}`}>{a.name}</TextLink>),
          },
          { key: 'projects', header: 'Projecten', numeric: true, cell: (a) => count(a.projects) },
          { key: 'homes', header: 'Woningen', numeric: true, cell: (a) => count(a.homes) },
          ...PHASES.map((phase) => ({
            key: phase,
            header: label(phase),
            numeric: true,
            cell: (a: PublicAreaAggregate) => count(a.byPhase.find((p) => p.phase === phase)?.projects ?? null),
          })),
        ]}
        footerClassName=""
        footer={
          provincie ? undefined : (
            <TableRow>
              <RowHeaderCell plain>Nederland</RowHeaderCell>
              <DataCell numeric>{count(total.projects)}</DataCell>
              <DataCell numeric>{count(total.homes)}</DataCell>
              <DataCell colSpan={PHASES.length} />
            </TableRow>
          )
        }
      />
    </section>
  );
}
