/**
 * Project page parts about the quarterly round: what changed since the previous (or a chosen) closed
 * quarter, the project quarter by quarter, and alternatives when the project is seriously delayed.
 */
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { ProjectChange, ProjectDetail } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatMonths, formatNumber, label, POLICY } from '../../labels.ts';
import { AlternativesTable } from '../dashboard/AlternativesTable.tsx';
import { regionPath } from '../dashboard/drilldown.ts';
import { quarterLabel } from '../round/quarters.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';

/** Groups of changes in the order a table member reads them. */
const GROUPS: { title: string; match: (c: ProjectChange) => boolean }[] = [
  {
    title: 'Mijlpalen',
    match: (c) => c.field.startsWith('milestones') || c.kind.includes('baseline') || c.kind.includes('forecast') || c.kind.includes('milestone'),
  },
  {
    title: 'Woningbouwprogramma en jaarschijven',
    match: (c) => c.field.startsWith('programme') || c.field.startsWith('jaarschijven') || c.field === 'totalHomes',
  },
  { title: 'Knelpunten', match: (c) => c.field.startsWith('knelpunten') || c.kind.startsWith('knelpunt') },
  { title: 'Overig', match: () => true },
];

export function groupChanges(changes: readonly ProjectChange[]): { title: string; changes: ProjectChange[] }[] {
  const left = [...changes];
  const groups: { title: string; changes: ProjectChange[] }[] = [];
  for (const g of GROUPS) {
    const taken = left.filter(g.match);
    for (const c of taken) left.splice(left.indexOf(c), 1);
    if (taken.length) groups.push({ title: g.title, changes: taken });
  }
  return groups;
}

/** "Wat is er veranderd sinds vorig kwartaal" (or since the quarter in `?sinds=`). */
export function ChangesSection({ project, since }: { project: ProjectDetail; since: string | null }) {
  const changes = useApi(queryKeys.project.changes(project.id, since), (signal) => api.changes(project.id, since, signal));
  return (
    <Section id="wijzigingen" title={`Wat is er veranderd sinds ${since ? 'het gekozen kwartaal' : 'vorig kwartaal'}`}>
      {changes.state === 'loading' && <Loading />}
      {changes.state === 'error' && <ErrorMessage error={changes.error} retry={changes.reload} />}
      {changes.state === 'ready' && !changes.data.since && (
        <Paragraph>Er is nog geen gesloten kwartaal om mee te vergelijken. Na de eerste kwartaalronde ziet u hier wat er veranderde.</Paragraph>
      )}
      {changes.state === 'ready' && changes.data.since && (
        <div data-testid="changes">
          <Paragraph>
            Vergeleken met de stand van <strong>{quarterLabel(changes.data.since.quarter)}</strong> ({changes.data.since.regionName}, gesloten op{' '}
            {formatDate(changes.data.since.closedAt?.slice(0, 10))}).{' '}
            <TextLink to={`${regionPath(changes.data.since.regionId, 'kwartaalronde')}/${changes.data.since.id}`}>Bekijk die stand</TextLink>
          </Paragraph>
          {changes.data.changes.length === 0 ? (
            <Paragraph>Sindsdien is er niets veranderd.</Paragraph>
          ) : (
            groupChanges(changes.data.changes).map((g) => (
              <div key={g.title}>
                <Heading level={3}>{g.title}</Heading>
                <UnorderedList className="wbm-change-list">
                  {g.changes.map((c, i) => (
                    <li key={`${c.field}-${i}`}>
                      {c.message}
                      {/* The API may already name the reason in the message (a delay reason, issue 12 item 4): not twice. */}
                      {c.reason && !c.message.includes(c.reason) && <span className="wbm-muted"> Reden: {c.reason}</span>}
                    </li>
                  ))}
                </UnorderedList>
              </div>
            ))
          )}
        </div>
      )}
    </Section>
  );
}

/** The project as frozen at the close of each quarter, latest first. */
export function QuarterHistory({ project }: { project: ProjectDetail }) {
  const snapshots = useApi(queryKeys.project.snapshots(project.id), (signal) => api.snapshots(project.id, signal));
  return (
    <Section id="per-kwartaal" title="Per kwartaal">
      {snapshots.state === 'loading' && <Loading />}
      {snapshots.state === 'error' && <ErrorMessage error={snapshots.error} retry={snapshots.reload} />}
      {snapshots.state === 'ready' && snapshots.data.items.length === 0 && (
        <Paragraph>Dit project zat nog in geen enkel gesloten kwartaal.</Paragraph>
      )}
      {snapshots.state === 'ready' && snapshots.data.items.length > 0 && (
        <Table
          caption="Het project bij het sluiten van elk kwartaal, nieuwste eerst"
          testId="quarter-history"
          rows={snapshots.data.items}
          rowKey={(s) => s.round.id}
          columns={[
            {
              key: 'quarter',
              header: 'Kwartaal',
              cell: (s) => (
                <>
                  {quarterLabel(s.round.quarter)}
                  <span className="wbm-muted"> ({s.round.regionName})</span>
                </>
              ),
            },
            {
              key: 'delivery',
              header: 'Geleverd',
              cell: (s) => (s.delivery === 'gewijzigd' ? 'Bijgewerkt' : s.delivery === 'bevestigd' ? 'Bevestigd ongewijzigd' : 'Niet geleverd'),
            },
            { key: 'phase', header: 'Fase', cell: (s) => label(s.phase) },
            { key: 'planStatus', header: 'Planstatus', cell: (s) => label(s.planStatus) },
            { key: 'status', header: 'Status', cell: (s) => <StatusBadge status={s.status} /> },
            { key: 'homes', header: 'Woningen', numeric: true, cell: (s) => formatNumber(s.totalHomes) },
            {
              key: 'delay',
              header: 'Grootste vertraging',
              numeric: true,
              cell: (s) => (s.maxDelayMonths > 0 ? formatMonths(s.maxDelayMonths) : 'Geen'),
            },
            {
              key: 'compare',
              header: <VisuallyHidden>Vergelijk</VisuallyHidden>,
              cell: (s) => (
                <TextLink to={`/projecten/${project.id}?sinds=${s.round.id}#wijzigingen`}>
                  Wat is er sindsdien veranderd<VisuallyHidden> sinds {quarterLabel(s.round.quarter)}</VisuallyHidden>
                </TextLink>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}

/** True when a milestone still to come is later than its baseline by more than the "serious" limit. */
export function isSeriouslyDelayed(project: Pick<ProjectDetail, 'milestones' | 'maxDelayMonths'>): boolean {
  return project.milestones.some((m) => !m.actualDate && m.delay.severity === 'ernstig') || project.maxDelayMonths > POLICY.delay.seriousMonths;
}

/** For a seriously delayed project: candidate projects in the same region that could make up for it. */
export function ProjectAlternatives({ project }: { project: ProjectDetail }) {
  const alternatives = useApi(queryKeys.project.alternatives(project.id), (signal) => api.projectAlternatives(project.id, signal));
  return (
    <Section id="alternatieven" title="Alternatieven">
      <Paragraph>
        Dit project is ernstig vertraagd. Deze projecten in dezelfde regio kunnen misschien naar voren of meer woningen bouwen; ze staan op volgorde
        van hoe ver ze zijn.
      </Paragraph>
      {alternatives.state === 'loading' && <Loading />}
      {alternatives.state === 'error' && <ErrorMessage error={alternatives.error} retry={alternatives.reload} />}
      {alternatives.state === 'ready' && (
        <AlternativesTable
          alternatives={{ ...alternatives.data, candidates: alternatives.data.candidates.filter((c) => c.projectId !== project.id) }}
        />
      )}
    </Section>
  );
}
