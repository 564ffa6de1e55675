/** Kwartaalronde: delivery per project, filtered and paged, with confirm and undo per project. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { OrganisationDelivery, PartyDelivery, ProjectDelivery } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatProjectCount } from '../../labels.ts';
import { projectUrl } from '../dashboard/drilldown.ts';
import type { ActionMessage } from './roundTypes.ts';
import { ActionStatus } from './ActionStatus.tsx';
import { partyName, partyText, ExpiredTag, Delivered } from './delivery.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';

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
      .filter((p) =>
        filter === 'open' ? !p.delivered : filter === 'geleverd' ? p.delivered : filter === 'verstreken' ? p.expiredForecasts.length > 0 : true,
      )
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
      <Heading level={2} id={`${id}-title`} ref={heading} tabIndex={-1}>
        Per project
      </Heading>
      <div className="wbm-filters wbm-filters--compact" role="search" aria-label="Projecten in de kwartaalronde zoeken">
        <div className="wbm-filters__grid">
          <FormField id={`${id}-filter`} label="Toon">
            <Select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.target.value as DeliveryFilter)}>
              <option value="alle">Alle projecten</option>
              <option value="open">Nog niet geleverd</option>
              <option value="geleverd">Geleverd</option>
              <option value="verstreken">Prognose verstreken</option>
            </Select>
          </FormField>
          <FormField id={`${id}-org`} label="Organisatie">
            <Select id={`${id}-org`} value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
              <option value="">Alle organisaties</option>
              {[...organisations]
                .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
                .map((o) => (
                  <option key={o.organisationId} value={o.organisationId}>
                    {o.name}
                  </option>
                ))}
            </Select>
          </FormField>
          <FormField id={`${id}-q`} label="Zoek op project of gemeente">
            <TextInput id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </FormField>
        </div>
      </div>
      <Paragraph className="wbm-count" role="status" aria-live="polite">
        {formatProjectCount(matching.length)}
        {matching.length > PAGE_SIZE && ` – pagina ${current} van ${pageCount}`}
      </Paragraph>
      <ActionStatus message={message} />
      {shown.length > 0 && (
        <Table
          caption="Geleverd per project, nog niet geleverde eerst"
          testId="project-delivery"
          rows={shown}
          rowKey={(p) => p.projectId}
          rowData={(p) => ({ 'data-project': p.name })}
          columns={[
            {
              key: 'project',
              header: 'Project',
              cell: (p) => (
                <>
                  <TextLink to={projectUrl(p.projectId)}>{p.name}</TextLink>
                  {p.expiredForecasts.length > 0 && <ExpiredTag project={p} />}
                </>
              ),
            },
            { key: 'gemeente', header: 'Gemeente', cell: (p) => p.gemeenteName },
            {
              key: 'delivered',
              header: 'Geleverd',
              cell: (p) => <Delivered done={p.delivered} text={p.delivered ? 'Ja' : p.parties.length === 0 ? 'Geen partij' : 'Nee'} />,
            },
            {
              key: 'parties',
              header: 'Per partij',
              cell: (p) => (
                <ul className="wbm-party-delivery">
                  {p.parties.map((x) => (
                    <li key={x.organisationId}>
                      {partyName(x, names)}: {partyText(x, partyName(x, names))}
                      {x.via === 'bevestigd' && x.batchId && (x.organisationId === own || canRun) && (
                        <>
                          {' '}
                          <Button
                            appearance="subtle"
                            small
                            disabled={busy !== null}
                            onClick={() => onUndo(p, x)}
                            aria-label={`Bevestiging intrekken: ${p.name}, ${partyName(x, names)}`}
                          >
                            Intrekken
                          </Button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'action',
              header: <VisuallyHidden>Actie</VisuallyHidden>,
              cell: (p) => <ProjectAction p={p} own={own} busy={busy} onConfirm={onConfirm} />,
            },
          ]}
        />
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

/** Confirm one's own part of a project as unchanged, or first update an expired forecast. */
function ProjectAction({
  p,
  own,
  busy,
  onConfirm,
}: {
  p: ProjectDelivery;
  own: string | null;
  busy: string | null;
  onConfirm: (p: ProjectDelivery) => void;
}) {
  const mine = own ? p.parties.find((x) => x.organisationId === own) : undefined;
  if (!mine || mine.via !== null) return null;
  const mineExpired = p.expiredForecasts.filter((m) => m.ownerSide === mine.side || m.ownerSide === 'beide');
  return mineExpired.length === 0 ? (
    <Button appearance="secondary-action" small disabled={busy !== null} onClick={() => onConfirm(p)} aria-label={`Bevestig ongewijzigd: ${p.name}`}>
      Bevestig ongewijzigd
    </Button>
  ) : (
    <TextLink to={projectUrl(p.projectId)}>
      Werk eerst de prognose bij<VisuallyHidden> van {p.name}</VisuallyHidden>
    </TextLink>
  );
}
