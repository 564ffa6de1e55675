/**
 * Kwartaalronde of a versnellingstafel: open a quarter with a deadline, see per project and per
 * organisation who has delivered, confirm unchanged projects (one project, or all of an
 * organisation's at once: one action), a reminder list to mail, and close the quarter, which freezes
 * the projects as they are. Closed quarters stay viewable "as of" that quarter.
 * SPEC §2 "Quarterly round"; issue 5: keep the burden of the round low.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { cached, useApi } from '../../api/hooks.ts';
import type { ConfirmPreview, ConfirmResult, OrganisationDelivery, PartyDelivery, ProjectDelivery, Region, RoundDetail, RoundSummary } from '../../api/types.ts';
import { deliveringOrganisation } from '../../../../src/domain/access.ts';
import { gemeenteOrganisationId } from '../../../../src/domain/identifiers.ts';
import { isSignedIn, useAuth, type AuthState } from '../../auth/AuthContext.tsx';
import { mayRunRound } from '../../auth/permissions.ts';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatCount, formatDate, formatDateShort, formatNumber, formatProjectCount, label, milestoneLabel } from '../../labels.ts';
import { projectUrl, regionPath } from '../dashboard/drilldown.ts';
import { DeliverySummary } from './DeliverySummary.tsx';
import { DateField } from '../../components/DateField.tsx';
import { checkDateInput, isoToInput } from '../../components/dateInput.ts';
import { confirmableCounts, defaultDeadline, latestBatches, type ConfirmationBatch, openableQuarters, proposedQuarter, quarterLabel, remindersText } from './quarters.ts';

const PAGE_SIZE = 25;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The message of a failed action, in Dutch. */
function failure(err: unknown): string {
  if (err instanceof ApiError) return [err.problem?.title, err.problem?.detail, ...(err.problem?.errors ?? []).map((e) => e.message)].filter(Boolean).join(' ');
  return err instanceof Error ? err.message : 'Onbekende fout.';
}

export function RoundPage() {
  const { regionId = '' } = useParams();
  const { state: auth } = useAuth();
  const regions = useApi('regions', () => cached('regions', () => api.listRegions()));
  const [generation, setGeneration] = useState(0);
  const rounds = useApi(`rounds:${regionId}:${generation}`, (signal) => api.listRounds(regionId, signal));
  const region = regions.data?.find((r) => r.id === regionId);
  const [closed, setClosed] = useState<RoundDetail | null>(null);
  usePageTitle(region ? `Kwartaalronde ${region.name}` : 'Kwartaalronde');

  const openRound = rounds.data?.items.find((r) => r.status === 'open');
  const closedRounds = rounds.data?.items.filter((r) => r.status === 'gesloten') ?? [];
  const canRun = mayRunRound(auth, regionId);
  const reload = () => setGeneration((g) => g + 1);

  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={regionPath(regionId)}>
          <span aria-hidden="true">← </span>Tafeloverzicht {region?.name ?? ''}
        </Link>
      </p>
      <h1 className="nl-heading nl-heading--level-1">
        <span className="wbm-eyebrow">Kwartaalronde</span> {region?.name ?? regionId}
      </h1>
      <p className="utrecht-paragraph nl-paragraph--lead">
        Elk kwartaal werken gemeenten, marktpartijen en corporaties hun projecten bij. Wie niets te melden heeft, bevestigt dat het project
        ongewijzigd is. Hier ziet u wie al heeft geleverd.
      </p>
      {regions.state === 'ready' && !region && (
        <Alert type="warning" title="Onbekende tafel">
          <p className="utrecht-paragraph">Deze tafel bestaat niet. Kies een tafel in het tafeloverzicht.</p>
        </Alert>
      )}
      {region && region.kind !== 'versnellingstafel' && (
        <Alert type="info" title="Geen versnellingstafel">
          <p className="utrecht-paragraph">Een kwartaalronde hoort bij een versnellingstafel; {region.name} is een woondealregio.</p>
        </Alert>
      )}
      {closed && (
        <Alert type="ok" title={`${quarterLabel(closed.quarter)} is gesloten`} urgent>
          <p className="utrecht-paragraph">
            De stand van {formatProjectCount(closed.projectCount ?? closed.delivery.total)} is bewaard.{' '}
            <Link className="utrecht-link" to={regionPath(regionId, 'kwartaalronde') + `/${closed.id}`}>
              Bekijk de stand van {quarterLabel(closed.quarter)}
            </Link>
            .
          </p>
        </Alert>
      )}
      {rounds.state === 'loading' && <Loading />}
      {rounds.state === 'error' && <ErrorMessage error={rounds.error} retry={rounds.reload} />}
      {rounds.state === 'ready' && (
        <>
          {openRound ? (
            <OpenRoundPanel
              key={openRound.id}
              summary={openRound}
              region={region}
              auth={auth}
              canRun={canRun}
              onClosed={(detail) => {
                setClosed(detail);
                reload();
              }}
            />
          ) : (
            canRun &&
            (!region || region.kind === 'versnellingstafel') && (
              <OpenQuarterForm
                regionId={regionId}
                rounds={rounds.data.items}
                onOpened={() => {
                  setClosed(null);
                  reload();
                }}
              />
            )
          )}
          {!openRound && !canRun && <p className="utrecht-paragraph">Er is op dit moment geen kwartaalronde open.</p>}
          <ClosedRounds regionId={regionId} rounds={closedRounds} />
        </>
      )}
    </>
  );
}

/** Open a quarter: which quarter, and the date by which parties should have delivered. */
function OpenQuarterForm({ regionId, rounds, onOpened }: { regionId: string; rounds: RoundSummary[]; onOpened: () => void }) {
  const id = useId();
  const options = useMemo(() => openableQuarters(today(), rounds), [rounds]);
  const [quarter, setQuarter] = useState<string>(() => proposedQuarter(today(), options) ?? '');
  // Typed as dd-mm-jjjj and kept as typed (issue 8: the browser's date input turned 31-02 into nothing).
  const [deadline, setDeadline] = useState(() => (quarter ? isoToInput(defaultDeadline(quarter)) : ''));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ quarter?: string; deadline?: string; other: string[] } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDateInput(deadline, { what: 'De deadline', kind: 'planned' });
    if (checked.kind !== 'date') {
      setErrors({ deadline: checked.kind === 'empty' ? 'Vul de deadline in als dag-maand-jaar, bijvoorbeeld 15-01-2027.' : checked.message, other: [] });
      return;
    }
    setBusy(true);
    setErrors(null);
    try {
      await api.openRound(regionId, quarter, checked.iso);
      onOpened();
    } catch (err) {
      const found: { quarter?: string; deadline?: string; other: string[] } = { other: [] };
      if (err instanceof ApiError && err.problem?.errors?.length) {
        for (const issue of err.problem.errors) {
          if (issue.path === 'quarter' || issue.path === 'deadline') found[issue.path] = issue.message;
          else found.other.push(issue.message);
        }
      } else {
        found.other.push(failure(err));
      }
      setErrors(found);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="wbm-section" aria-labelledby={`${id}-title`}>
      <h2 className="nl-heading nl-heading--level-2" id={`${id}-title`}>
        Een kwartaal openen
      </h2>
      <p className="utrecht-paragraph">
        Open het kwartaal om de partijen te vragen hun projecten bij te werken of te bevestigen. Er kan één kwartaal tegelijk open zijn.
      </p>
      <form onSubmit={submit} noValidate className="wbm-edit-form" aria-labelledby={`${id}-title`}>
        {errors && (
          <Alert type="error" title="Het kwartaal is niet geopend. Bekijk de meldingen." urgent>
            {errors.other.length > 0 && (
              <ul className="utrecht-unordered-list">
                {errors.other.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        <div className="wbm-edit-form__fields">
          <div className={`utrecht-form-field wbm-field${errors?.quarter ? ' utrecht-form-field--invalid' : ''}`}>
            <label className="utrecht-form-label" htmlFor={`${id}-quarter`}>
              Kwartaal
            </label>
            {errors?.quarter && (
              <p className="utrecht-form-field-error-message wbm-field-error" id={`${id}-quarter-error`}>
                <span aria-hidden="true">⚠ </span>
                {errors.quarter}
              </p>
            )}
            <select
              id={`${id}-quarter`}
              className="utrecht-select utrecht-select--html-select"
              value={quarter}
              aria-invalid={errors?.quarter ? true : undefined}
              aria-describedby={errors?.quarter ? `${id}-quarter-error` : undefined}
              onChange={(e) => {
                setQuarter(e.target.value);
                setDeadline(isoToInput(defaultDeadline(e.target.value)));
              }}
            >
              {options.map((q) => (
                <option key={q} value={q}>
                  {quarterLabel(q)}
                </option>
              ))}
            </select>
          </div>
          <DateField
            id={`${id}-deadline`}
            label="Deadline voor de partijen"
            value={deadline}
            onChange={setDeadline}
            error={errors?.deadline}
            describedBy={`${id}-deadline-help`}
          >
            <p className="utrecht-form-field-description wbm-muted" id={`${id}-deadline-help`}>
              Op of na de eerste dag van het kwartaal, uiterlijk aan het einde van het kwartaal daarna.
            </p>
          </DateField>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy || !quarter}>
          {busy ? 'Bezig…' : `Open ${quarter ? quarterLabel(quarter) : 'het kwartaal'}`}
        </button>
      </form>
    </section>
  );
}

interface OpenRoundPanelProps {
  summary: RoundSummary;
  region: Region | undefined;
  auth: AuthState;
  canRun: boolean;
  onClosed: (round: RoundDetail) => void;
}

/** What the confirmation step asks about: one organisation's outstanding projects (its own, or on its behalf). */
interface Asking {
  organisation: OrganisationDelivery;
  onBehalf: boolean;
}

/** The last confirmation, which can be undone until the quarter closes. */
interface LastConfirmation {
  batchId: string;
  count: number;
  organisationName: string;
}

/** The open quarter: delivery, confirmations, reminders, closing. */
function OpenRoundPanel({ summary, region, auth, canRun, onClosed }: OpenRoundPanelProps) {
  const [detail, setDetail] = useState<RoundDetail | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  /** Outcome of the last action, shown next to the table where it was taken. */
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string; where: 'organisations' | 'projects' } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [last, setLast] = useState<LastConfirmation | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.getRound(summary.id, controller.signal).then(setDetail, (err: Error) => !controller.signal.aborted && setLoadError(err));
    return () => controller.abort();
  }, [summary.id]);

  const principal = isSignedIn(auth) ? auth.me.principal : null;
  /** The organisation the signed-in person delivers for: the gemeente, or the market party (src/domain/access.ts). */
  const own = principal ? deliveringOrganisation(principal, gemeenteOrganisationId) : null;

  const act = async <T extends { round: RoundDetail },>(where: 'organisations' | 'projects', key: string, action: () => Promise<T>, what: (result: T) => string, after?: (result: T) => void) => {
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
    return (n === 0 ? `${organisationName} had geen openstaande projecten meer.` : `${n} ${n === 1 ? 'project' : 'projecten'} van ${organisationName} bevestigd als ongewijzigd.`) + left;
  };

  return (
    <>
      <section className="wbm-section" aria-labelledby="ronde-stand">
        <h2 className="nl-heading nl-heading--level-2" id="ronde-stand">
          Stand van {quarterLabel(detail.quarter)}
        </h2>
        <DeliverySummary round={detail} regionId={detail.regionId} showLink={false} />
      </section>

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
                  setLast(r.confirmedProjectIds.length > 0 ? { batchId: r.batchId, count: r.confirmedProjectIds.length, organisationName: asking.organisation.name } : null);
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
          act('projects', `project-${p.projectId}`, () => api.confirm(detail.id, { projectIds: [p.projectId] }), () => `${p.name} is bevestigd als ongewijzigd.`)
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

/**
 * Ask once before a bulk confirmation: how many projects, which ones (collapsible), which are left out
 * because a forecast has passed, and — when the secretary records it on a party's behalf — why.
 */
function ConfirmStep({
  roundId,
  asking,
  busy,
  onCancel,
  onConfirm,
}: {
  roundId: string;
  asking: Asking;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const id = useId();
  const { organisation, onBehalf } = asking;
  const [preview, setPreview] = useState<ConfirmPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let cancelled = false;
    // The preview of a delivery on behalf needs a reason to be accepted; a placeholder shows what it covers.
    api
      .previewConfirmation(roundId, { organisationId: organisation.organisationId, ...(onBehalf ? { reason: 'voorvertoning van de bevestiging' } : {}) })
      .then((p) => !cancelled && setPreview(p), (err: unknown) => !cancelled && setError(failure(err)));
    return () => {
      cancelled = true;
    };
  }, [roundId, organisation.organisationId, onBehalf]);
  useEffect(() => {
    if (preview || error) heading.current?.focus();
  }, [preview, error]);

  const n = preview?.projects.length ?? 0;
  const submit = () => {
    if (onBehalf && reason.trim().length < 10) {
      setReasonError('Geef een reden van minstens 10 tekens: waarom legt u de levering vast namens deze partij?');
      return;
    }
    setReasonError(null);
    onConfirm(reason.trim());
  };
  return (
    <div className="wbm-confirm" role="group" aria-labelledby={`${id}-q`} data-testid="confirm-summary">
      {!preview && !error && <Loading>Overzicht van de projecten wordt geladen…</Loading>}
      {error && (
        <Alert type="error" title="Het overzicht is niet geladen" urgent>
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      )}
      {preview && (
        <>
          <h3 className="nl-heading nl-heading--level-3" id={`${id}-q`} ref={heading} tabIndex={-1}>
            {n === 0
              ? `${organisation.name} heeft geen projecten die nu als ongewijzigd bevestigd kunnen worden`
              : `${formatProjectCount(n)} van ${organisation.name} ${onBehalf ? 'namens de partij ' : ''}bevestigen als ongewijzigd?`}
          </h3>
          {n > 0 && (
            <details className="wbm-confirm__list">
              <summary>Toon de {formatProjectCount(n)}</summary>
              <ul className="utrecht-unordered-list" data-testid="confirm-summary-projects">
                {preview.projects.map((p) => (
                  <li key={p.projectId}>
                    {p.name} <span className="wbm-muted">({p.gemeenteName})</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {preview.refused.length > 0 && (
            <details className="wbm-confirm__list" open>
              <summary>
                {formatProjectCount(preview.refused.length)} niet meegenomen: prognose verstreken
              </summary>
              <ul className="utrecht-unordered-list" data-testid="confirm-summary-refused">
                {preview.refused.map((p) => (
                  <li key={p.projectId}>{p.message}</li>
                ))}
              </ul>
            </details>
          )}
          {onBehalf && n > 0 && (
            <div className={`utrecht-form-field wbm-field${reasonError ? ' utrecht-form-field--invalid' : ''}`}>
              <label className="utrecht-form-label" htmlFor={`${id}-reason`}>
                Reden (verplicht)
              </label>
              {reasonError && (
                <p className="utrecht-form-field-error-message wbm-field-error" id={`${id}-reason-error`}>
                  <span aria-hidden="true">⚠ </span>
                  {reasonError}
                </p>
              )}
              <textarea
                id={`${id}-reason`}
                className="utrecht-textarea utrecht-textarea--html-textarea"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={[reasonError ? `${id}-reason-error` : null, `${id}-reason-help`].filter(Boolean).join(' ')}
              />
              <p className="utrecht-form-field-description wbm-muted" id={`${id}-reason-help`}>
                U legt dit vast namens {organisation.name}. In het overzicht staat dat de secretaris het heeft vastgelegd, met deze reden.
              </p>
            </div>
          )}
          <p className="utrecht-paragraph">U kunt dit ongedaan maken zolang het kwartaal open is.</p>
          <div className="utrecht-button-group wbm-button-row">
            {n > 0 && (
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={submit} disabled={busy}>
                {busy ? 'Bezig…' : `Ja, bevestig ${formatProjectCount(n)}`}
              </button>
            )}
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel} disabled={busy}>
              {n > 0 ? 'Annuleren' : 'Sluiten'}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

interface ActionMessage {
  type: 'ok' | 'error';
  text: string;
}

/** The outcome of a confirmation: a status line (announced), or an error. */
function ActionStatus({ message }: { message: ActionMessage | null }) {
  return (
    <>
      <p className="utrecht-paragraph wbm-action-status" role="status" aria-live="polite" data-testid="round-message">
        {message?.type === 'ok' && message.text}
      </p>
      {message?.type === 'error' && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <p className="utrecht-paragraph">{message.text}</p>
        </Alert>
      )}
    </>
  );
}

function OrganisationsTable({
  organisations,
  own,
  canRun,
  busy,
  message,
  last,
  batches,
  confirmable,
  onAsk,
  onUndo,
  children,
}: {
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
}) {
  const [showAll, setShowAll] = useState(false);
  // Keep the order of the first load (most outstanding first): a row must not jump away after its
  // organisation confirmed its projects.
  const order = useRef<Map<string, number>>(new Map());
  for (const o of organisations) if (!order.current.has(o.organisationId)) order.current.set(o.organisationId, order.current.size);
  const sorted = [...organisations].sort((a, b) => order.current.get(a.organisationId)! - order.current.get(b.organisationId)!);
  const shown = showAll ? sorted : sorted.slice(0, 15);
  return (
    <section className="wbm-section" aria-labelledby="ronde-organisaties">
      <h2 className="nl-heading nl-heading--level-2" id="ronde-organisaties">
        Per organisatie
      </h2>
      <p className="utrecht-paragraph">
        Elke partij levert voor haar eigen deel van het project: de gemeente voor de publieke mijlpalen, de marktpartij voor de private. Niets
        veranderd? Bevestig dan in één keer alle projecten van uw organisatie die u nog niet hebt bijgewerkt of bevestigd.
      </p>
      <ActionStatus message={message} />
      {last && message?.type === 'ok' && (
        <p className="utrecht-paragraph">
          <button type="button" className="utrecht-button utrecht-button--secondary-action wbm-small-button" disabled={busy !== null} onClick={() => onUndo(last)}>
            Ongedaan maken
            <span className="rhc-visually-hidden">: bevestiging van {formatProjectCount(last.count)} van {last.organisationName}</span>
          </button>
        </p>
      )}
      {children}
      <div className="utrecht-table-container wbm-table-scroll">
        <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="organisation-delivery">
          <caption className="utrecht-table__caption">
            Geleverd per organisatie, bij het openen van de pagina meeste openstaande projecten eerst ({formatNumber(shown.length)} van {formatNumber(organisations.length)})
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">Organisatie</th>
              <th scope="col" className="utrecht-table__header-cell">Soort</th>
              <th scope="col" className="utrecht-table__header-cell">Geleverd</th>
              <th scope="col" className="utrecht-table__header-cell">
                <span className="rhc-visually-hidden">Actie</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.map((o) => (
              <tr key={o.organisationId} className="utrecht-table__row" data-organisation={o.name}>
                <th scope="row" className="utrecht-table__header-cell wbm-row-header">{o.name}</th>
                <td className="utrecht-table__cell">{o.type ? label(o.type) : '–'}</td>
                <td className="utrecht-table__cell">
                  <Delivered done={o.outstanding === 0} text={`${formatNumber(o.delivered)} van ${formatNumber(o.total)}`} />
                  {o.onBehalf > 0 && (
                    <span className="wbm-muted">
                      {' '}
                      (waarvan {formatNumber(o.onBehalf)} namens {o.name} vastgelegd door de secretaris)
                    </span>
                  )}
                </td>
                <td className="utrecht-table__cell">
                  {o.outstanding > 0 && o.organisationId === own && (confirmable.get(o.organisationId)?.ready ?? o.outstanding) > 0 && (
                    <button type="button" className="utrecht-button utrecht-button--secondary-action wbm-small-button" disabled={busy !== null} onClick={() => onAsk(o, false)}>
                      Bevestig alle {formatNumber(confirmable.get(o.organisationId)?.ready ?? o.outstanding)} ongewijzigde projecten
                      <span className="rhc-visually-hidden"> van {o.name}</span>
                    </button>
                  )}
                  {o.outstanding > 0 && o.organisationId === own && (confirmable.get(o.organisationId)?.blocked ?? 0) > 0 && (
                    <p className="utrecht-paragraph wbm-muted" data-testid="confirm-blocked">
                      {formatProjectCount(confirmable.get(o.organisationId)!.blocked)} met een verstreken prognose: werk die eerst bij.
                    </p>
                  )}
                  {o.outstanding > 0 && o.organisationId !== own && canRun && (
                    <button type="button" className="utrecht-button utrecht-button--subtle wbm-small-button" disabled={busy !== null} onClick={() => onAsk(o, true)}>
                      Namens {o.name} vastleggen…
                    </button>
                  )}
                  {(() => {
                    const batch = batches.get(o.organisationId);
                    // Right after confirming, the undo button next to the message does this.
                    if (!batch || (o.organisationId !== own && !canRun) || (last?.batchId === batch.batchId && message?.type === 'ok')) return null;
                    return (
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--subtle wbm-small-button"
                        disabled={busy !== null}
                        data-testid="undo-batch"
                        onClick={() => onUndo({ batchId: batch.batchId, count: batch.count, organisationName: o.name })}
                      >
                        Maak de bevestiging van {formatProjectCount(batch.count)} in één keer ongedaan
                        <span className="rhc-visually-hidden"> ({o.name})</span>
                      </button>
                    );
                  })()}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {organisations.length > 15 && (
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setShowAll((s) => !s)} aria-expanded={showAll}>
          {showAll ? 'Toon alleen de eerste 15' : `Toon alle ${formatNumber(organisations.length)} organisaties`}
        </button>
      )}
    </section>
  );
}

/** A party's name; a party of one's own project that is not one's own organisation is named by its side. */
function partyName(x: PartyDelivery, names: Map<string, string>): string {
  return names.get(x.organisationId) ?? (x.side === 'publiek' ? 'Gemeente' : 'Marktpartij');
}

/** How one party delivered its side, in words. */
function partyText(x: PartyDelivery, name: string): string {
  if (x.via === 'gewijzigd') return `bijgewerkt op ${formatDateShort(x.at?.slice(0, 10))}`;
  if (x.via === 'bevestigd' && x.onBehalf) {
    return `bevestigd op ${formatDateShort(x.at?.slice(0, 10))}, namens ${name} vastgelegd door de secretaris (${x.onBehalf.by}): ${x.onBehalf.reason}`;
  }
  if (x.via === 'bevestigd') return `bevestigd als ongewijzigd op ${formatDateShort(x.at?.slice(0, 10))}`;
  return 'nog niet geleverd';
}

/** "Prognose verstreken": a forecast has passed without an actual date (src/domain/forecast-expired.ts). */
function ExpiredTag({ project }: { project: ProjectDelivery }) {
  const which = project.expiredForecasts.map((m) => `${m.code} ${milestoneLabel(m.code)} (${formatDateShort(m.forecastDate)})`).join(', ');
  return (
    <span className="wbm-tags">
      {' '}
      <span className="wbm-tag wbm-tag--alert" data-testid="forecast-expired" title={`Prognose verstreken: ${which}`}>
        Prognose verstreken<span className="rhc-visually-hidden">: {which}</span>
      </span>
    </span>
  );
}

/** Delivered yes/no in words with an icon (never colour alone). */
function Delivered({ done, text }: { done: boolean; text: string }) {
  return (
    <span className={`wbm-status wbm-status--${done ? 'groen' : 'oranje'}`}>
      <StatusIcon status={done ? 'groen' : 'oranje'} />
      <span>{text}</span>
    </span>
  );
}

type DeliveryFilter = 'alle' | 'open' | 'geleverd' | 'verstreken';

function ProjectsTable({
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

/** Organisations that still have to deliver, with their projects, as a list to paste into a mail. */
function RemindersSection({ round }: { round: RoundDetail }) {
  const id = useId();
  // Reload when any party's delivery changes (a party can deliver without the project being complete).
  const deliveredByParties = round.organisations.reduce((n, o) => n + o.delivered, 0);
  const reminders = useApi(`reminders:${round.id}:${deliveredByParties}`, (signal) => api.reminders(round.id, signal));
  const [copied, setCopied] = useState<string | null>(null);
  const text = reminders.data ? remindersText(round.quarter, formatDate(round.deadline), reminders.data.items) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('De maillijst staat op het klembord. Plak hem in uw e-mail.');
    } catch {
      setCopied('Kopiëren lukte niet. Selecteer de tekst in het vak en kopieer hem zelf.');
    }
  };
  return (
    <section className="wbm-section" aria-labelledby={`${id}-title`}>
      <h2 className="nl-heading nl-heading--level-2" id={`${id}-title`}>
        Herinneren
      </h2>
      {reminders.state === 'loading' && <Loading />}
      {reminders.state === 'error' && <ErrorMessage error={reminders.error} retry={reminders.reload} />}
      {reminders.state === 'ready' && reminders.data.items.length === 0 && <p className="utrecht-paragraph">Iedereen heeft geleverd. Er hoeft niemand herinnerd te worden.</p>}
      {reminders.state === 'ready' && reminders.data.items.length > 0 && (
        <>
          <p className="utrecht-paragraph">
            {formatCount(reminders.data.items.length, 'organisatie heeft', 'organisaties hebben')} nog niet alles geleverd. Kopieer de lijst en stuur hem mee in uw
            herinneringsmail.
          </p>
          <ul className="wbm-reminders" data-testid="reminders">
            {reminders.data.items.map((o) => (
              <li key={o.organisationId}>
                <details>
                  <summary>
                    <strong>{o.name}</strong>: {formatNumber(o.outstanding)} van {formatNumber(o.total)} nog niet geleverd
                  </summary>
                  <ul className="utrecht-unordered-list">
                    {o.projects.map((p) => (
                      <li key={p.id}>
                        {p.name} <span className="wbm-muted">({p.gemeenteName})</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
          <div className="utrecht-form-field wbm-field">
            <label className="utrecht-form-label" htmlFor={`${id}-text`}>
              Maillijst (om te kopiëren)
            </label>
            <textarea id={`${id}-text`} className="utrecht-textarea utrecht-textarea--html-textarea wbm-mail-text" readOnly rows={8} value={text} />
          </div>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={copy}>
            Kopieer maillijst
          </button>
          <p className="utrecht-paragraph" role="status">
            {copied}
          </p>
        </>
      )}
    </section>
  );
}

/** Close the quarter, after a confirmation step: it freezes every project of the table. */
function CloseRound({ round, regionName, onClosed }: { round: RoundDetail; regionName: string; onClosed: (round: RoundDetail) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      onClosed(await api.closeRound(round.id));
    } catch (err) {
      setError(failure(err));
      setBusy(false);
    }
  };

  return (
    <section className="wbm-section" aria-labelledby="ronde-sluiten">
      <h2 className="nl-heading nl-heading--level-2" id="ronde-sluiten">
        Kwartaal sluiten
      </h2>
      <p className="utrecht-paragraph">
        Sluit het kwartaal na de tafel. De stand van alle projecten wordt dan bewaard; die kunt u later altijd terugzien. Wijzigingen daarna
        horen bij het volgende kwartaal.
      </p>
      {!asking ? (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setAsking(true)}>
          {quarterLabel(round.quarter)} sluiten…
        </button>
      ) : (
        <div className="wbm-confirm" role="group" aria-labelledby="ronde-sluiten-vraag">
          <h3 className="nl-heading nl-heading--level-3" id="ronde-sluiten-vraag" ref={question} tabIndex={-1}>
            Weet u zeker dat u {quarterLabel(round.quarter)} van {regionName} wilt sluiten?
          </h3>
          <p className="utrecht-paragraph">
            {round.delivery.outstanding > 0
              ? `${formatProjectCount(round.delivery.outstanding)} ${round.delivery.outstanding === 1 ? 'is' : 'zijn'} nog niet geleverd. `
              : 'Alle projecten zijn geleverd. '}
            Een gesloten kwartaal kan niet meer open.
          </p>
          {error && (
            <Alert type="error" title="Sluiten is niet gelukt" urgent>
              <p className="utrecht-paragraph">{error}</p>
            </Alert>
          )}
          <div className="utrecht-button-group wbm-button-row">
            <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={close} disabled={busy}>
              {busy ? 'Bezig met sluiten…' : `Ja, sluit ${quarterLabel(round.quarter)}`}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setAsking(false)} disabled={busy}>
              Annuleren
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function ClosedRounds({ regionId, rounds }: { regionId: string; rounds: RoundSummary[] }) {
  return (
    <section className="wbm-section" aria-labelledby="ronde-gesloten">
      <h2 className="nl-heading nl-heading--level-2" id="ronde-gesloten">
        Gesloten kwartalen
      </h2>
      {rounds.length === 0 ? (
        <p className="utrecht-paragraph">Er is nog geen kwartaal gesloten.</p>
      ) : (
        <div className="utrecht-table-container wbm-table-scroll">
          <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="closed-rounds">
            <caption className="utrecht-table__caption">Gesloten kwartalen, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Kwartaal</th>
                <th scope="col" className="utrecht-table__header-cell">Deadline</th>
                <th scope="col" className="utrecht-table__header-cell">Gesloten op</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Projecten</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rounds.map((r) => (
                <tr key={r.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell wbm-row-header">
                    <Link className="utrecht-link" to={`${regionPath(regionId, 'kwartaalronde')}/${r.id}`}>
                      {quarterLabel(r.quarter)}
                      <span className="rhc-visually-hidden">: bekijk de stand</span>
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{formatDateShort(r.deadline)}</td>
                  <td className="utrecht-table__cell">{formatDateShort(r.closedAt?.slice(0, 10))}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{r.projectCount === null ? '–' : formatNumber(r.projectCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
