/** Kwartaalronde: delivery per project, filtered and paged, with confirm and undo per project. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { OrganisationDelivery, PartyDelivery, ProjectDelivery } from '../../api/types.ts';
import { Pagination } from '../../components/Pagination.tsx';
import { formatProjectCount } from '../../labels.ts';
import { projectUrl } from '../dashboard/drilldown.ts';
import type { ActionMessage } from './roundTypes.ts';
import { ActionStatus } from './ActionStatus.tsx';
import { partyName, partyText, ExpiredTag, Delivered } from './delivery.tsx';

const PAGE_SIZE = 25;

type DeliveryFilter = 'alle' | 'open' | 'geleverd' | 'verstreken';

export function ProjectsTable({
  projects,
  names,
  organisations,
  own,
  canRun,
  busy,
  message,
  onConfirm,
  onUndo,
}: {
  projects: ProjectDelivery[];
  names: Map<string, string>;
  organisations: OrganisationDelivery[];
  own: string | null;
  canRun: boolean;
  busy: string | null;
  message: ActionMessage | null;
  onConfirm: (p: ProjectDelivery) => void;
  onUndo: (p: ProjectDelivery, party: PartyDelivery) => void;
}) {
  const id = useId();
  const [filter, setFilter] = useState<DeliveryFilter>('alle');
  const [organisation, setOrganisation] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);
  const matching = useMemo(() => {
    const text = q.trim().toLowerCase();
    return projects
      .filter((p) => (filter === 'open' ? !p.delivered : filter === 'geleverd' ? p.delivered : filter === 'verstreken' ? p.expiredForecasts.length > 0 : true))
      .filter((p) => !organisation || p.organisationIds.includes(organisation))
      .filter((p) => !text || p.name.toLowerCase().includes(text) || p.gemeenteName.toLowerCase().includes(text))
      .sort((a, b) => Number(a.delivered) - Number(b.delivered) || a.name.localeCompare(b.name, 'nl'));
  }, [projects, filter, organisation, q]);
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const shown = matching.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  useEffect(() => setPage(1), [filter, organisation, q]);

  return (
    <section className="wbm-section" aria-labelledby={`${id}-title`}>
      <h2 className="nl-heading nl-heading--level-2" id={`${id}-title`} ref={heading} tabIndex={-1}>
        Per project
      </h2>
      <div className="wbm-filters wbm-filters--compact" role="search" aria-label="Projecten in de kwartaalronde zoeken">
        <div className="wbm-filters__grid">
          <div className="utrecht-form-field wbm-field">
            <label className="utrecht-form-label" htmlFor={`${id}-filter`}>
              Toon
            </label>
            <select id={`${id}-filter`} className="utrecht-select utrecht-select--html-select" value={filter} onChange={(e) => setFilter(e.target.value as DeliveryFilter)}>
              <option value="alle">Alle projecten</option>
              <option value="open">Nog niet geleverd</option>
              <option value="geleverd">Geleverd</option>
              <option value="verstreken">Prognose verstreken</option>
            </select>
          </div>
          <div className="utrecht-form-field wbm-field">
            <label className="utrecht-form-label" htmlFor={`${id}-org`}>
              Organisatie
            </label>
            <select id={`${id}-org`} className="utrecht-select utrecht-select--html-select" value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
              <option value="">Alle organisaties</option>
              {[...organisations]
                .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                .map((o) => (
                  <option key={o.organisationId} value={o.organisationId}>
                    {o.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="utrecht-form-field wbm-field">
            <label className="utrecht-form-label" htmlFor={`${id}-q`}>
              Zoek op project of gemeente
            </label>
            <input id={`${id}-q`} type="search" className="utrecht-textbox utrecht-textbox--html-input" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
        </div>
      </div>
      <p className="utrecht-paragraph wbm-count" role="status" aria-live="polite">
        {formatProjectCount(matching.length)}
        {matching.length > PAGE_SIZE && ` – pagina ${current} van ${pageCount}`}
      </p>
      <ActionStatus message={message} />
      {shown.length > 0 && (
        <div className="utrecht-table-container wbm-table-scroll">
          <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="project-delivery">
            <caption className="utrecht-table__caption">Geleverd per project, nog niet geleverde eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Project</th>
                <th scope="col" className="utrecht-table__header-cell">Gemeente</th>
                <th scope="col" className="utrecht-table__header-cell">Geleverd</th>
                <th scope="col" className="utrecht-table__header-cell">Per partij</th>
                <th scope="col" className="utrecht-table__header-cell">
                  <span className="rhc-visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {shown.map((p) => {
                const mine = own ? p.parties.find((x) => x.organisationId === own) : undefined;
                const mineExpired = mine ? p.expiredForecasts.filter((m) => m.ownerSide === mine.side || m.ownerSide === 'beide') : [];
                return (
                  <tr key={p.projectId} className="utrecht-table__row" data-project={p.name}>
                    <th scope="row" className="utrecht-table__header-cell wbm-row-header">
                      <Link className="utrecht-link" to={projectUrl(p.projectId)}>
                        {p.name}
                      </Link>
                      {p.expiredForecasts.length > 0 && <ExpiredTag project={p} />}
                    </th>
                    <td className="utrecht-table__cell">{p.gemeenteName}</td>
                    <td className="utrecht-table__cell">
                      <Delivered done={p.delivered} text={p.delivered ? 'Ja' : p.parties.length === 0 ? 'Geen partij' : 'Nee'} />
                    </td>
                    <td className="utrecht-table__cell">
                      <ul className="wbm-party-delivery">
                        {p.parties.map((x) => (
                          <li key={x.organisationId}>
                            {partyName(x, names)}: {partyText(x, partyName(x, names))}
                            {x.via === 'bevestigd' && x.batchId && (x.organisationId === own || canRun) && (
                              <>
                                {' '}
                                <button
                                  type="button"
                                  className="utrecht-button utrecht-button--subtle wbm-small-button"
                                  disabled={busy !== null}
                                  onClick={() => onUndo(p, x)}
                                  aria-label={`Bevestiging intrekken: ${p.name}, ${partyName(x, names)}`}
                                >
                                  Intrekken
                                </button>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="utrecht-table__cell">
                      {mine && mine.via === null && mineExpired.length === 0 && (
                        <button
                          type="button"
                          className="utrecht-button utrecht-button--secondary-action wbm-small-button"
                          disabled={busy !== null}
                          onClick={() => onConfirm(p)}
                          aria-label={`Bevestig ongewijzigd: ${p.name}`}
                        >
                          Bevestig ongewijzigd
                        </button>
                      )}
                      {mine && mine.via === null && mineExpired.length > 0 && (
                        <Link className="utrecht-link" to={projectUrl(p.projectId)}>
                          Werk eerst de prognose bij<span className="rhc-visually-hidden"> van {p.name}</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={current}
        pageCount={pageCount}
        onChange={(p) => {
          setPage(p);
          heading.current?.focus();
        }}
      />
    </section>
  );
}
