/** One project: key data, status with reasons, programme, jaarschijven, milestones, knelpunten, parties. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { projectSaved } from '../../api/invalidation.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { DataItem } from '../../components/DataItem.tsx';
import { DemoBadge } from '../../components/DemoBadge.tsx';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Section } from '../../components/Section.tsx';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import {
  mayEditKnelpunten,
  mayEditMilestone,
  mayEditOpenBook,
  mayEditProject,
  mayEndProject,
  mayReadOpenBook,
  mayRebaseline,
  projectFacts,
} from '../../auth/permissions.ts';
import { CoreEditForm } from './CoreEditForm.tsx';
import { JaarschijvenEditForm, PartiesEditForm, ProgrammeEditForm } from './PartEditForms.tsx';
import { formatDate, formatMonths, formatNumber, formatPercent, label, milestoneLabel, POLICY, type MilestoneCode } from '../../labels.ts';
import { expiredForecasts } from '../../../../src/domain/forecast-expired.ts';
import { todayInNetherlands } from './expiredForecasts.ts';
import { BaselineSection } from './BaselineSection.tsx';
import { JaarschijvenSection } from './JaarschijvenSection.tsx';
import { LifecycleNotice } from './LifecycleNotice.tsx';
import { ProjectLifecycle } from './ProjectLifecycleSection.tsx';
import { KnelpuntenSection } from './KnelpuntenSection.tsx';
import { MilestoneEditForm, type MilestoneEditFormHandle } from './MilestoneEditForm.tsx';
import { MilestoneTable } from './MilestoneTable.tsx';
import { MilestoneTimeline } from './MilestoneTimeline.tsx';
import { OpenBookSection } from './OpenBookSection.tsx';
import { PartiesTable } from './PartiesTable.tsx';
import { ProgrammeTable } from './ProgrammeTable.tsx';
import { ChangesSection, isSeriouslyDelayed, ProjectAlternatives, QuarterHistory } from './QuarterSections.tsx';
import { statusReasons } from './statusReasons.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { OpenRoundNotice } from '../my-round/OpenRoundNotice.tsx';

export function ProjectPage() {
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const since = /^[0-9a-f-]{36}$/i.test(searchParams.get('sinds') ?? '') ? searchParams.get('sinds') : null;
  const { state: auth } = useAuth();
  const queryClient = useQueryClient();
  const loaded = useApi(queryKeys.project.detail(id), (signal) => api.getProject(id, signal), { keepPrevious: false });
  const project = loaded.data ?? null;
  const error = loaded.error ?? null;
  // Signed out (demo mode: the public reads demo projects), only what the public may load: no quarter history, changes or alternatives.
  const signedIn = auth.status === 'open' || isSignedIn(auth);
  const reference = useApi(
    queryKeys.reference.bundle('project', signedIn),
    (_signal, client) =>
      Promise.all([
        fetchReference(client, 'gemeenten'),
        fetchReference(client, 'provincies'),
        // The list of organisations needs an account; the public (demo projects in demo mode) does without the names.
        signedIn ? fetchReference(client, 'organisations') : Promise.resolve([]),
        fetchReference(client, 'regions'),
      ]),
    { staleTime: REFERENCE_STALE_TIME },
  );
  const editForm = useRef<MilestoneEditFormHandle>(null);
  usePageTitle(project ? project.name : error ? 'Project niet gevonden' : 'Project');

  /** A change saved here: show the saved project and refresh every view that shows it (Tafeloverzicht, rounds, list, map). */
  const saved = useCallback((p: ProjectDetail) => void projectSaved(queryClient, p), [queryClient]);
  /** The latest version (after a conflict: someone else changed it, so the other views are refreshed too). A failure shows as the page's error. */
  const reload = useCallback(async () => {
    try {
      saved(
        await queryClient.fetchQuery({ queryKey: queryKeys.project.detail(id), queryFn: ({ signal }) => api.getProject(id, signal), staleTime: 0 }),
      );
    } catch {
      // The query's error state shows it.
    }
  }, [id, queryClient, saved]);

  if (error) {
    return (
      <>
        <Heading level={1}>Project</Heading>
        <ErrorMessage error={error} retry={loaded.reload} />
        <Paragraph>
          <TextLink to="/projecten">Terug naar alle projecten</TextLink>
        </Paragraph>
      </>
    );
  }
  if (!project) return <Loading>Het project wordt geladen…</Loading>;

  const [gemeenten, provincies, organisations, regions] = reference.data ?? [];
  const gemeente = gemeenten?.find((g) => g.code === project.gemeenteCode);
  const provincie = provincies?.find((p) => p.code === project.provincieCode);
  const reasons = statusReasons(project);
  // "Prognose verstreken": a forecast before today without an actual date (src/domain/forecast-expired.ts).
  const expired = expiredForecasts(project.milestones, todayInNetherlands());
  const facts = projectFacts(project, regions ?? []);
  // Until the regions are known, a table secretary's rights cannot be judged: offer nothing yet.
  // A record merged into another is closed: nothing on it is changed any more (src/domain/withdrawal.ts closedRecordProblem).
  const closedRecord = project.lifecycle?.state === 'samengevoegd';
  const editable = closedRecord ? [] : project.milestones.filter((m) => mayEditMilestone(auth, facts, m.ownerSide)).map((m) => m.code);
  const canRebaseline = Boolean(regions) && mayRebaseline(auth, facts);
  const canEdit = (code: MilestoneCode) => editable.includes(code);
  const canEnd = signedIn && mayEndProject(auth, facts);
  // Kerngegevens, programma, jaarschijven and partijen: the gemeente (access.ts canEditProject).
  const edit = !closedRecord && mayEditProject(auth, facts) ? { project, onSaved: saved, onReload: reload } : null;

  return (
    <article className="wbm-project">
      <Paragraph>
        <TextLink to="/projecten">
          <span aria-hidden="true">← </span>Alle projecten
        </TextLink>
      </Paragraph>
      <Heading level={1} className="wbm-project__title">
        {project.name}
        {project.synthetic && (
          <>
            {' '}
            <DemoBadge />
          </>
        )}
      </Heading>
      {project.description && <Paragraph lead>{project.description}</Paragraph>}
      <LifecycleNotice project={project} canEnd={canEnd} onSaved={saved} onReload={reload} />
      <OpenRoundNotice projectId={project.id} />

      <Section id="kerngegevens" title="Kerngegevens">
        <dl className="utrecht-data-list wbm-data-list">
          <DataItem term="Gemeente">
            {gemeente?.name ?? project.gemeenteCode}
            {provincie && <span className="wbm-muted"> (provincie {provincie.name})</span>}
          </DataItem>
          <DataItem term="Planstatus">{label(project.planStatus)}</DataItem>
          <DataItem term="Fase">{label(project.phase)}</DataItem>
          <DataItem term="Herkomst">{label(project.origin)}</DataItem>
          <DataItem term="Kenmerken">{project.flags.length ? project.flags.map(label).join(', ') : 'Geen'}</DataItem>
          <DataItem term="Woningen">
            {formatNumber(project.totalHomes)}, waarvan {formatNumber(project.affordableHomes)} betaalbaar
            {project.totalHomes > 0 && ` (${formatPercent(project.affordableHomes / project.totalHomes)})`}
          </DataItem>
          <DataItem term="Laatst gewijzigd">
            {formatDate(project.updatedAt.slice(0, 10))} (versie {project.version})
          </DataItem>
        </dl>
        {edit && <CoreEditForm {...edit} />}
      </Section>

      <Section id="status" title="Status">
        <Paragraph data-testid="project-status">
          <StatusBadge status={project.status} />
          {expired.length > 0 && (
            <>
              {' '}
              <span className="wbm-tag wbm-tag--alert" data-testid="project-forecast-expired">
                Prognose verstreken
              </span>
            </>
          )}
        </Paragraph>
        {expired.length > 0 && (
          <Alert type="warning" title="Prognose verstreken">
            <Paragraph>
              De verwachte datum van {expired.map((m) => `${m.code} ${milestoneLabel(m.code)} (${formatDate(m.forecastDate)})`).join(', ')} is voorbij
              en er is geen werkelijke datum. Vul de werkelijke datum in of geef een nieuwe prognose. Zolang dat niet is gebeurd, kan het project in
              de kwartaalronde niet als ongewijzigd worden bevestigd.
            </Paragraph>
          </Alert>
        )}
        {reasons.length > 0 ? (
          <>
            <Paragraph>Waarom deze status:</Paragraph>
            <UnorderedList data-testid="status-reasons">
              {reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </UnorderedList>
          </>
        ) : (
          <Paragraph>Alle mijlpalen liggen op schema en er zijn geen open knelpunten.</Paragraph>
        )}
        {project.warnings.length > 0 && (
          <Alert type="info" title="Controleer deze gegevens">
            <UnorderedList>
              {project.warnings.map((w) => (
                <li key={`${w.path}-${w.code}`}>{w.message}</li>
              ))}
            </UnorderedList>
          </Alert>
        )}
      </Section>

      {signedIn && <ChangesSection project={project} since={since} />}

      <Section id="programma" title="Woningbouwprogramma">
        <ProgrammeTable
          lines={project.programme}
          totalHomes={project.totalHomes}
          affordableHomes={project.affordableHomes}
          socialHomes={project.socialHomes}
        />
        {edit && <ProgrammeEditForm {...edit} />}
      </Section>

      <Section id="jaarschijven" title="Jaarschijven">
        <JaarschijvenSection jaarschijven={project.jaarschijven} />
        {edit && <JaarschijvenEditForm {...edit} />}
      </Section>

      <Section id="mijlpalen" title="Mijlpalen">
        <Paragraph>
          Een mijlpaal is vertraagd als de prognose of de werkelijke datum meer dan {formatMonths(POLICY.delay.toleranceMonths)} later ligt dan de
          basisplanning, en ernstig vertraagd bij meer dan {formatMonths(POLICY.delay.seriousMonths)}.
        </Paragraph>
        <MilestoneTimeline milestones={project.milestones} />
        <MilestoneTable milestones={project.milestones} onEdit={(code) => editForm.current?.edit(code)} canEdit={canEdit} />
        {editable.length > 0 ? (
          <MilestoneEditForm ref={editForm} project={project} onSaved={saved} onReload={reload} editable={editable} />
        ) : (
          <Paragraph className="wbm-muted">
            U kunt de mijlpalen van dit project niet wijzigen. Dat doen de gemeente en de partijen van het project.
          </Paragraph>
        )}
      </Section>

      {signedIn && <BaselineSection project={project} canRebaseline={canRebaseline} onSaved={saved} onReload={reload} />}

      {signedIn && isSeriouslyDelayed(project) && <ProjectAlternatives project={project} />}

      <Section id="knelpunten" title="Knelpunten">
        <KnelpuntenSection
          projectId={project.id}
          knelpunten={project.knelpunten}
          canEdit={signedIn && mayEditKnelpunten(auth, facts)}
          onReload={reload}
        />
      </Section>

      {/* Only for the project's parties and its table's secretary; until the regions are known nobody sees it. */}
      {signedIn && regions && mayReadOpenBook(auth, facts) && <OpenBookSection projectId={project.id} canEdit={mayEditOpenBook(auth, facts)} />}

      {signedIn && <QuarterHistory project={project} />}

      <Section id="partijen" title="Partijen">
        {reference.state === 'error' && <ErrorMessage error={reference.error} retry={reference.reload} />}
        {signedIn ? (
          <PartiesTable parties={project.parties} organisations={organisations} />
        ) : (
          <Paragraph>Welke organisaties aan dit project werken, ziet u na inloggen.</Paragraph>
        )}
        {edit && <PartiesEditForm {...edit} organisations={organisations} />}
      </Section>

      {canEnd && (
        <ProjectLifecycle
          project={project}
          organisationName={(o) => organisations?.find((x) => x.id === o)?.name ?? 'een organisatie'}
          onSaved={saved}
          onReload={reload}
        />
      )}
    </article>
  );
}
