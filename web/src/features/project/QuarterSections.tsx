/**
 * Project page parts about the quarterly round: what changed since the previous (or a chosen) closed
 * quarter, the project quarter by quarter, and alternatives when the project is seriously delayed.
 */
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { ProjectChange, ProjectDetail } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatMonths, formatNumber, label, POLICY } from '../../labels.ts';
import { AlternativesTable } from '../dashboard/AlternativesTable.tsx';
import { regionPath } from '../dashboard/drilldown.ts';
import { quarterLabel } from '../round/quarters.ts';

/** Groups of changes in the order a table member reads them. */
const GROUPS: { title: string; match: (c: ProjectChange) => boolean }[] = [
  { title: 'Mijlpalen', match: (c) => c.field.startsWith('milestones') || c.kind.includes('baseline') || c.kind.includes('forecast') || c.kind.includes('milestone') },
  { title: 'Woningbouwprogramma en jaarschijven', match: (c) => c.field.startsWith('programme') || c.field.startsWith('jaarschijven') || c.field === 'totalHomes' },
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
    <section aria-labelledby="wijzigingen" className="wbm-section">
      <h2 className="nl-heading nl-heading--level-2" id="wijzigingen">
        Wat is er veranderd sinds {since ? 'het gekozen kwartaal' : 'vorig kwartaal'}
      </h2>
      {changes.state === 'loading' && <Loading />}
      {changes.state === 'error' && <ErrorMessage error={changes.error} retry={changes.reload} />}
      {changes.state === 'ready' && !changes.data.since && (
        <p className="utrecht-paragraph">Er is nog geen gesloten kwartaal om mee te vergelijken. Na de eerste kwartaalronde ziet u hier wat er veranderde.</p>
      )}
      {changes.state === 'ready' && changes.data.since && (
        <div data-testid="changes">
          <p className="utrecht-paragraph">
            Vergeleken met de stand van <strong>{quarterLabel(changes.data.since.quarter)}</strong> ({changes.data.since.regionName}, gesloten op{' '}
            {formatDate(changes.data.since.closedAt?.slice(0, 10))}).{' '}
            <Link className="utrecht-link" to={`${regionPath(changes.data.since.regionId, 'kwartaalronde')}/${changes.data.since.id}`}>
              Bekijk die stand
            </Link>
          </p>
          {changes.data.changes.length === 0 ? (
            <p className="utrecht-paragraph">Sindsdien is er niets veranderd.</p>
          ) : (
            groupChanges(changes.data.changes).map((g) => (
              <div key={g.title}>
                <h3 className="nl-heading nl-heading--level-3">{g.title}</h3>
                <ul className="utrecht-unordered-list wbm-change-list">
                  {g.changes.map((c, i) => (
                    <li key={`${c.field}-${i}`}>
                      {c.message}
                      {c.reason && <span className="wbm-muted"> Reden: {c.reason}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </div>
      )}
    </section>
  );
}

/** The project as frozen at the close of each quarter, latest first. */
export function QuarterHistory({ project }: { project: ProjectDetail }) {
  const snapshots = useApi(queryKeys.project.snapshots(project.id), (signal) => api.snapshots(project.id, signal));
  return (
    <section aria-labelledby="per-kwartaal" className="wbm-section">
      <h2 className="nl-heading nl-heading--level-2" id="per-kwartaal">
        Per kwartaal
      </h2>
      {snapshots.state === 'loading' && <Loading />}
      {snapshots.state === 'error' && <ErrorMessage error={snapshots.error} retry={snapshots.reload} />}
      {snapshots.state === 'ready' && snapshots.data.items.length === 0 && (
        <p className="utrecht-paragraph">Dit project zat nog in geen enkel gesloten kwartaal.</p>
      )}
      {snapshots.state === 'ready' && snapshots.data.items.length > 0 && (
        <div className="utrecht-table-container wbm-table-scroll">
          <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="quarter-history">
            <caption className="utrecht-table__caption">Het project bij het sluiten van elk kwartaal, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Kwartaal</th>
                <th scope="col" className="utrecht-table__header-cell">Geleverd</th>
                <th scope="col" className="utrecht-table__header-cell">Fase</th>
                <th scope="col" className="utrecht-table__header-cell">Planstatus</th>
                <th scope="col" className="utrecht-table__header-cell">Status</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Woningen</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Grootste vertraging</th>
                <th scope="col" className="utrecht-table__header-cell">
                  <span className="rhc-visually-hidden">Vergelijk</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {snapshots.data.items.map((s) => (
                <tr key={s.round.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell wbm-row-header">
                    {quarterLabel(s.round.quarter)}
                    <span className="wbm-muted"> ({s.round.regionName})</span>
                  </th>
                  <td className="utrecht-table__cell">{s.delivery === 'gewijzigd' ? 'Bijgewerkt' : s.delivery === 'bevestigd' ? 'Bevestigd ongewijzigd' : 'Niet geleverd'}</td>
                  <td className="utrecht-table__cell">{label(s.phase)}</td>
                  <td className="utrecht-table__cell">{label(s.planStatus)}</td>
                  <td className="utrecht-table__cell">
                    <StatusBadge status={s.status} />
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(s.totalHomes)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{s.maxDelayMonths > 0 ? formatMonths(s.maxDelayMonths) : 'Geen'}</td>
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`/projecten/${project.id}?sinds=${s.round.id}#wijzigingen`}>
                      Wat is er sindsdien veranderd<span className="rhc-visually-hidden"> sinds {quarterLabel(s.round.quarter)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
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
    <section aria-labelledby="alternatieven" className="wbm-section">
      <h2 className="nl-heading nl-heading--level-2" id="alternatieven">
        Alternatieven
      </h2>
      <p className="utrecht-paragraph">
        Dit project is ernstig vertraagd. Deze projecten in dezelfde regio kunnen misschien naar voren of meer woningen bouwen; ze staan op volgorde
        van hoe ver ze zijn.
      </p>
      {alternatives.state === 'loading' && <Loading />}
      {alternatives.state === 'error' && <ErrorMessage error={alternatives.error} retry={alternatives.reload} />}
      {alternatives.state === 'ready' && <AlternativesTable alternatives={{ ...alternatives.data, candidates: alternatives.data.candidates.filter((c) => c.projectId !== project.id) }} />}
    </section>
  );
}
