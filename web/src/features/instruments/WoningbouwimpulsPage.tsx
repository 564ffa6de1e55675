/**
 * Woningbouwimpuls (issue 16 part 2; SPEC §4.2): the tranches, and per tranche the applications — a gemeente files
 * for its own projects while the window is open and sees only its own; the ministry enters the committee's scores,
 * ranks and allocates the budget (with the rule for ties and a partial last award on screen) and downloads the
 * decision list. Who may do what is the server's (src/domain/access.ts subsidyScope, canAdministerSubsidies).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { canAdministerSubsidies, subsidyScope } from '../../../../src/domain/access.ts';
import {
  ALLOCATION_OUTCOME_LABELS,
  WBI_ACTIVITIES,
  WBI_ACTIVITY_LABELS,
  WBI_CRITERIA,
  WBI_CRITERION_LABELS,
} from '../../../../src/domain/instruments/woningbouwimpuls.ts';
import { POLICY } from '../../../../src/domain/policy.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { may } from '../../auth/permissions.ts';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { isoToInput, parseDateInput } from '../../components/dateInput.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../labels.ts';
import { INSTRUMENTS_PATH, WONINGBOUWIMPULS_PATH } from './paths.ts';
import { EligibilityList, euros, NumberField, parseWhole, problemOf, type FieldErrors } from './subsidyForm.tsx';
import { subsidyApi, subsidyKeys, type Tranche, type TrancheDetail, type WbiApplication } from './subsidyApi.ts';

const WBI = POLICY.woningbouwimpuls;
export const tranchePath = (id: string) => `${WONINGBOUWIMPULS_PATH}/tranches/${encodeURIComponent(id)}`;

/** Who is looking: may they read applications at all, and do they run the instrument (the ministry)? */
function useSubsidyRole() {
  const { state } = useAuth();
  const signedIn = isSignedIn(state);
  const reads = signedIn && may(state, (p) => subsidyScope(p) !== null);
  const admin = signedIn && may(state, canAdministerSubsidies);
  const gemeenteCode = signedIn ? state.me.principal.gemeenteCode : null;
  return { ready: state.status === 'ready' || state.status === 'open', signedIn, reads, admin, gemeenteCode };
}

function Rules() {
  return (
    <Section id="wbi-regels" title="De voorwaarden in het kort">
      <Paragraph>
        Een gemeente vraagt per project een bijdrage aan. Het project heeft minstens {WBI.minHomes} woningen, en meer dan{' '}
        {WBI.minAffordableShareExclusive * 100}% daarvan is betaalbaar. De medeoverheden betalen minstens {WBI.minCofinancingShare * 100}% mee. De
        bouw van de eerste woningen start binnen {WBI.firstStartWithinYears} jaar na de toekenning, die van de laatste woningen binnen{' '}
        {WBI.lastStartWithinYears} jaar. De bijdrage is hoogstens het tekort op de noodzakelijke publieke investeringen, min de publieke opbrengsten.
        Tot en met {WBI.budgetUntilYear} is er {euros(WBI.totalBudgetEuros)} beschikbaar.
      </Paragraph>
      <Paragraph>
        Een commissie geeft scores op vier punten, die elk een kwart tellen: Noodzaak, Effectiviteit, Efficiëntie en Urgentie. Bron: {WBI.source}.
      </Paragraph>
    </Section>
  );
}

export function WoningbouwimpulsPage() {
  usePageTitle('Woningbouwimpuls');
  const who = useSubsidyRole();
  return (
    <>
      <Paragraph>
        <TextLink to={INSTRUMENTS_PATH}>Financiële instrumenten</TextLink>
      </Paragraph>
      <Heading level={1}>Woningbouwimpuls</Heading>
      <Paragraph lead>
        Een bijdrage van het Rijk voor een groot woningbouwproject met een tekort dat de gemeente niet zelf kan dekken. Eén keer per jaar kunnen
        gemeenten een aanvraag indienen.
      </Paragraph>
      <Rules />
      {who.ready && !who.signedIn && <Paragraph data-testid="wbi-signed-out">Log in om aanvragen te bekijken of in te dienen.</Paragraph>}
      {who.ready && who.signedIn && !who.reads && (
        <Paragraph data-testid="wbi-no-access">Aanvragen zijn alleen voor de gemeente die aanvraagt en voor het ministerie.</Paragraph>
      )}
      {who.reads && <TrancheList admin={who.admin} />}
      {who.admin && <NewTrancheForm />}
    </>
  );
}

function TrancheList({ admin }: { admin: boolean }) {
  const loaded = useApi(subsidyKeys.tranches, (signal) => subsidyApi.tranches(signal));
  return (
    <Section id="wbi-tranches" title="Tranches">
      {loaded.state === 'loading' && <Loading>De tranches worden geladen…</Loading>}
      {loaded.state === 'error' && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {loaded.state === 'ready' && (
        <Paragraph data-testid="wbi-budget-total">
          De tranches samen: {euros(loaded.data.items.reduce((sum, t) => sum + t.budgetEuros, 0))} van de {euros(WBI.totalBudgetEuros)} tot en met{' '}
          {WBI.budgetUntilYear}.
        </Paragraph>
      )}
      {loaded.state === 'ready' && (
        <Table<Tranche>
          caption="Tranches van de Woningbouwimpuls"
          rows={loaded.data.items}
          rowKey={(t) => t.id}
          rowData={(t) => ({ 'data-tranche': t.name })}
          empty={<Paragraph>{admin ? 'Er is nog geen tranche. Maak hieronder de eerste aan.' : 'Er is nog geen tranche geopend.'}</Paragraph>}
          columns={[
            { key: 'name', header: 'Tranche', cell: (t) => <TextLink to={tranchePath(t.id)}>{t.name}</TextLink> },
            { key: 'window', header: 'Aanvragen van – tot en met', cell: (t) => `${formatDate(t.windowOpens)} – ${formatDate(t.windowCloses)}` },
            { key: 'award', header: 'Toekenning verwacht', cell: (t) => formatDate(t.awardDate) },
            { key: 'budget', header: 'Budget', numeric: true, cell: (t) => euros(t.budgetEuros) },
            {
              key: 'status',
              header: 'Stand',
              cell: (t) => (t.windowOpen ? 'Open voor aanvragen' : t.allocatedAt ? 'Verdeeld' : 'Gesloten'),
            },
          ]}
        />
      )}
    </Section>
  );
}

function NewTrancheForm() {
  const client = useQueryClient();
  const [texts, setTexts] = useState({ name: '', windowOpens: '', windowCloses: '', awardDate: '', budgetEuros: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof texts) => (v: string) => setTexts((t) => ({ ...t, [k]: v }));
  const labels = {
    name: 'Naam',
    windowOpens: 'Aanvragen kan vanaf',
    windowCloses: 'Aanvragen kan tot en met',
    awardDate: 'Toekenning verwacht op',
    budgetEuros: 'Budget (euro)',
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setProblem(null);
    const found: FieldErrors = {};
    const dates = {} as Record<'windowOpens' | 'windowCloses' | 'awardDate', string>;
    for (const k of ['windowOpens', 'windowCloses', 'awardDate'] as const) {
      const d = parseDateInput(texts[k]);
      if (d.kind === 'date') dates[k] = d.iso;
      else found[k] = d.kind === 'empty' ? `Vul in: ${labels[k].toLowerCase()}.` : d.message;
    }
    const budget = parseWhole(texts.budgetEuros);
    if (budget === null) found.budgetEuros = 'Vul het budget in hele euro’s in, bijvoorbeeld 100000000.';
    if (!texts.name.trim()) found.name = 'Geef de tranche een naam.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const made = await subsidyApi.createTranche({ name: texts.name, ...dates, budgetEuros: budget! });
      await client.invalidateQueries({ queryKey: subsidyKeys.all });
      setStatus(`Tranche ${made.name} is aangemaakt.`);
    } catch (err) {
      const p = problemOf(err);
      setErrors(p.fields);
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="wbi-nieuwe-tranche" title="Nieuwe tranche">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="wbi-tranche-form" aria-labelledby="wbi-nieuwe-tranche">
        <FormErrorSummary
          fields={(Object.keys(labels) as Array<keyof typeof labels>).map((k) => ({ id: `tranche-${k}`, label: labels[k], message: errors[k] }))}
        />
        <FormField id="tranche-name" label={labels.name} error={errors.name}>
          <TextInput
            id="tranche-name"
            value={texts.name}
            maxLength={200}
            onChange={(e) => set('name')(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
          />
        </FormField>
        <DateField
          id="tranche-windowOpens"
          label={labels.windowOpens}
          value={texts.windowOpens}
          onChange={set('windowOpens')}
          error={errors.windowOpens}
          required
        />
        <DateField
          id="tranche-windowCloses"
          label={labels.windowCloses}
          value={texts.windowCloses}
          onChange={set('windowCloses')}
          error={errors.windowCloses}
          required
        />
        <DateField
          id="tranche-awardDate"
          label={labels.awardDate}
          value={texts.awardDate}
          onChange={set('awardDate')}
          error={errors.awardDate}
          required
        />
        <NumberField
          id="tranche-budgetEuros"
          label={labels.budgetEuros}
          value={texts.budgetEuros}
          onChange={set('budgetEuros')}
          error={errors.budgetEuros}
        />
        <SubmitButton busy={busy} busyText="Bezig met aanmaken…">
          Tranche aanmaken
        </SubmitButton>
        <ActionFeedback status={status} problem={problem} testId="wbi-tranche-status" />
      </form>
    </Section>
  );
}

export function TranchePage() {
  const { trancheId = '' } = useParams();
  const who = useSubsidyRole();
  const loaded = useApi(subsidyKeys.tranche(trancheId), (signal) => subsidyApi.tranche(trancheId, signal), { enabled: who.reads });
  usePageTitle(loaded.state === 'ready' ? `Woningbouwimpuls ${loaded.data.tranche.name}` : 'Woningbouwimpuls');
  return (
    <>
      <Paragraph>
        <TextLink to={WONINGBOUWIMPULS_PATH}>Woningbouwimpuls</TextLink>
      </Paragraph>
      {!who.reads && who.ready && (
        <>
          <Heading level={1}>Woningbouwimpuls</Heading>
          <Paragraph data-testid="wbi-no-access">Aanvragen zijn alleen voor de gemeente die aanvraagt en voor het ministerie.</Paragraph>
        </>
      )}
      {who.reads && loaded.state === 'loading' && <Loading>De tranche wordt geladen…</Loading>}
      {who.reads && loaded.state === 'error' && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {who.reads && loaded.state === 'ready' && <TrancheView detail={loaded.data} admin={who.admin} gemeenteCode={who.gemeenteCode} />}
    </>
  );
}

function TrancheView({ detail, admin, gemeenteCode }: { detail: TrancheDetail; admin: boolean; gemeenteCode: string | null }) {
  const { tranche, applications } = detail;
  return (
    <>
      <Heading level={1}>Woningbouwimpuls: {tranche.name}</Heading>
      <Paragraph lead data-testid="wbi-tranche-facts">
        Aanvragen kan van {formatDate(tranche.windowOpens)} tot en met {formatDate(tranche.windowCloses)}
        {tranche.windowOpen ? ' (nu open)' : ' (gesloten)'}. Budget {euros(tranche.budgetEuros)}. Toekenning verwacht op{' '}
        {formatDate(tranche.awardDate)}.
      </Paragraph>
      <Section id="wbi-aanvragen" title={admin ? 'Alle aanvragen' : 'Aanvragen van uw gemeente'}>
        <Table<WbiApplication>
          caption={admin ? 'Aanvragen in deze tranche' : 'Aanvragen van uw gemeente in deze tranche'}
          rows={applications}
          rowKey={(a) => a.id}
          rowData={(a) => ({ 'data-project': a.projectName })}
          scrollLabel="Aanvragen"
          empty={<Paragraph data-testid="wbi-no-applications">Er zijn nog geen aanvragen.</Paragraph>}
          columns={[
            { key: 'project', header: 'Project', cell: (a) => a.projectName },
            { key: 'gemeente', header: 'Gemeente', cell: (a) => a.gemeenteName },
            { key: 'homes', header: 'Woningen', numeric: true, cell: (a) => a.homes.toLocaleString('nl-NL') },
            { key: 'requested', header: 'Gevraagd', numeric: true, cell: (a) => euros(a.requestedEuros) },
            { key: 'max', header: 'Maximale bijdrage', numeric: true, cell: (a) => euros(a.eligibility.maximumAwardEuros) },
            { key: 'eligible', header: 'Voldoet aan de voorwaarden', cell: (a) => (a.eligibility.eligible ? 'Ja' : 'Nee') },
            {
              key: 'score',
              header: 'Totaalscore',
              numeric: true,
              cell: (a) => (a.scores ? a.scores.totalScore.toLocaleString('nl-NL') : 'Nog niet'),
            },
            { key: 'outcome', header: 'Uitkomst', cell: (a) => (a.outcome ? ALLOCATION_OUTCOME_LABELS[a.outcome] : 'Nog niet verdeeld') },
          ]}
        />
        {applications.map((a) => (
          <ApplicationDetail key={a.id} application={a} admin={admin} canEdit={Boolean(gemeenteCode) && tranche.windowOpen} />
        ))}
      </Section>
      {gemeenteCode && tranche.windowOpen && <ApplicationForm trancheId={tranche.id} gemeenteCode={gemeenteCode} />}
      {gemeenteCode && !tranche.windowOpen && (
        <Paragraph data-testid="wbi-window-closed">
          Het aanvraagtijdvak van deze tranche is gesloten: u kunt geen aanvraag meer indienen of aanpassen.
        </Paragraph>
      )}
      {admin && <AllocationSection tranche={tranche} />}
    </>
  );
}

function ApplicationDetail({ application: a, admin, canEdit }: { application: WbiApplication; admin: boolean; canEdit: boolean }) {
  const headingId = `aanvraag-${a.id}`;
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby={headingId} className="wbm-section" data-testid="wbi-application" data-project={a.projectName}>
      <Heading level={3} id={headingId}>
        {a.projectName} ({a.gemeenteName})
      </Heading>
      <Paragraph>
        {a.homes.toLocaleString('nl-NL')} woningen, waarvan {a.affordableHomes.toLocaleString('nl-NL')} betaalbaar. Noodzakelijke publieke
        investeringen {euros(a.publicInvestmentsEuros)}, publieke opbrengsten {euros(a.eligibility.publicRevenuesEuros)}: maximale bijdrage{' '}
        <strong data-testid="wbi-maximum-award">{euros(a.eligibility.maximumAwardEuros)}</strong>. Gevraagd {euros(a.requestedEuros)}.
      </Paragraph>
      <EligibilityList
        criteria={a.eligibility.criteria}
        eligible={a.eligibility.eligible}
        headingId={`${headingId}-toets`}
        testId="wbi-eligibility"
      />
      {admin && <ScoresForm application={a} />}
      {canEdit && !editing && (
        <Button appearance="secondary-action" onClick={() => setEditing(true)} data-testid="wbi-edit-application">
          Aanvraag aanpassen
        </Button>
      )}
      {canEdit && editing && <ApplicationForm trancheId={a.trancheId} gemeenteCode={a.gemeenteCode} existing={a} />}
    </section>
  );
}

function ScoresForm({ application: a }: { application: WbiApplication }) {
  const client = useQueryClient();
  const initial = Object.fromEntries(WBI_CRITERIA.map((k) => [k, a.scores ? String(a.scores[k]) : ''])) as Record<
    (typeof WBI_CRITERIA)[number],
    string
  >;
  const [texts, setTexts] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setProblem(null);
    const found: FieldErrors = {};
    const values = {} as Record<(typeof WBI_CRITERIA)[number], number>;
    for (const k of WBI_CRITERIA) {
      const n = parseWhole(texts[k]);
      if (n === null || n < 0 || n > WBI.scoreMax)
        found[k] = `De score voor ${WBI_CRITERION_LABELS[k]} is een heel getal van 0 tot en met ${WBI.scoreMax}.`;
      else values[k] = n;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await subsidyApi.saveScores(a.id, { version: a.scores?.version ?? 0, ...values });
      await client.invalidateQueries({ queryKey: subsidyKeys.all });
      setStatus('De scores zijn opgeslagen.');
    } catch (err) {
      const p = problemOf(err);
      setErrors(p.fields);
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  };
  const id = (k: string) => `scores-${a.id}-${k}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="wbi-scores-form">
      <Fieldset legend={`Scores van de commissie voor ${a.projectName} (0 tot en met ${WBI.scoreMax}, elk een kwart)`}>
        <FormErrorSummary fields={WBI_CRITERIA.map((k) => ({ id: id(k), label: WBI_CRITERION_LABELS[k], message: errors[k] }))} />
        {WBI_CRITERIA.map((k) => (
          <NumberField
            key={k}
            id={id(k)}
            label={WBI_CRITERION_LABELS[k]}
            value={texts[k]}
            onChange={(v) => setTexts((t) => ({ ...t, [k]: v }))}
            error={errors[k]}
          />
        ))}
      </Fieldset>
      <SubmitButton busy={busy} busyText="Bezig met opslaan…">
        Scores opslaan
      </SubmitButton>
      <ActionFeedback status={status} problem={problem} testId="wbi-scores-status" />
    </form>
  );
}

type AppTexts = Record<string, string>;
const AMOUNTS = [
  ['homes', 'Aantal woningen in het project'],
  ['affordableHomes', 'Waarvan betaalbaar'],
  ['publicInvestmentsEuros', 'Noodzakelijke publieke investeringen (euro)'],
  ['kostenverhaalEuros', 'Opbrengst uit kostenverhaal (euro)'],
  ['grondverkoopEuros', 'Opbrengst uit grondverkoop (euro)'],
  ['otherNationalContributionsEuros', 'Andere bijdragen van het Rijk (euro)'],
  ['requestedEuros', 'Gevraagde bijdrage (euro)'],
  ['cofinancingEuros', 'Bijdrage van gemeente, provincie of regio (euro)'],
] as const;
const CHECKS = [
  ['necessaryForWoondeal', 'Het project is nodig om de afspraken in de woondeal te halen'],
  ['realisatiestimulansInsufficient', 'Het geld uit de Realisatiestimulans is niet genoeg om het knelpunt op te lossen'],
  ['parallelPlannen', 'De gemeente werkt volgens de principes van parallel plannen'],
  ['versnellingstafelWithPpm', 'Het project wordt besproken aan de versnellingstafel, met de publiek-private monitor'],
  ['openBooks', 'De partijen praten met elkaar op basis van open boeken'],
] as const;
const TEXTS = [
  ['bottleneck', 'Welk knelpunt lost de bijdrage op?'],
  ['otherActivities', 'Andere activiteiten waarvoor het project geld nodig heeft (leeg laten als er geen zijn)'],
  ['explanation', 'Toelichting: projectgebied, grondexploitatie, stand van het project en betrokken partijen'],
] as const;

/** What an application's form shows: the stored values as typed text, or nothing for a new one. */
function textsOf(a: WbiApplication | undefined): AppTexts {
  if (!a) return {};
  const amounts = Object.fromEntries(AMOUNTS.map(([k]) => [k, String(a[k])]));
  return {
    ...amounts,
    firstStartDate: isoToInput(a.firstStartDate),
    lastStartDate: isoToInput(a.lastStartDate),
    bottleneck: a.bottleneck,
    otherActivities: a.otherActivities,
    explanation: a.explanation,
  };
}

/** Files a new application, or (with `existing`) changes one with the version last read, while the window is open. */
function ApplicationForm({ trancheId, gemeenteCode, existing }: { trancheId: string; gemeenteCode: string; existing?: WbiApplication }) {
  const client = useQueryClient();
  const projects = useApi(['instruments', 'wbi', 'own-projects', gemeenteCode], (signal) =>
    api.listProjects(new URLSearchParams({ gemeente: gemeenteCode, limit: '500', sort: 'name' }), signal),
  );
  const [projectId, setProjectId] = useState(existing?.projectId ?? '');
  const [texts, setTexts] = useState<AppTexts>(() => textsOf(existing));
  const [checks, setChecks] = useState<Record<string, boolean>>(() => (existing ? Object.fromEntries(CHECKS.map(([k]) => [k, existing[k]])) : {}));
  const [activities, setActivities] = useState<string[]>(existing?.activities ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allLabels: Record<string, string> = {
    projectId: 'Project',
    ...Object.fromEntries(AMOUNTS),
    activities: 'Activiteiten',
    firstStartDate: 'Start bouw eerste woningen',
    lastStartDate: 'Start bouw laatste woningen',
    ...Object.fromEntries(TEXTS),
  };
  const prefix = existing ? `wbi-${existing.id}` : 'wbi';
  const fieldId = (k: string) => `${prefix}-${k}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setProblem(null);
    const found: FieldErrors = {};
    if (!projectId) found.projectId = 'Kies het project.';
    const numbers: Record<string, number> = {};
    for (const [k, label] of AMOUNTS) {
      const n = parseWhole(texts[k] ?? '');
      if (n === null) found[k] = `${label}: vul een heel getal in, bijvoorbeeld 1250000.`;
      else numbers[k] = n;
    }
    const dates: Record<string, string> = {};
    for (const k of ['firstStartDate', 'lastStartDate'] as const) {
      const d = parseDateInput(texts[k] ?? '');
      if (d.kind === 'date') dates[k] = d.iso;
      else found[k] = d.kind === 'empty' ? `Vul de datum in: ${allLabels[k]!.toLowerCase()}.` : d.message;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const fields = {
        ...(numbers as Record<(typeof AMOUNTS)[number][0], number>),
        activities: activities as Array<(typeof WBI_ACTIVITIES)[number]>,
        firstStartDate: dates.firstStartDate!,
        lastStartDate: dates.lastStartDate!,
        necessaryForWoondeal: checks.necessaryForWoondeal ?? false,
        realisatiestimulansInsufficient: checks.realisatiestimulansInsufficient ?? false,
        parallelPlannen: checks.parallelPlannen ?? false,
        versnellingstafelWithPpm: checks.versnellingstafelWithPpm ?? false,
        openBooks: checks.openBooks ?? false,
        bottleneck: texts.bottleneck ?? '',
        otherActivities: texts.otherActivities ?? '',
        explanation: texts.explanation ?? '',
      };
      const made = existing
        ? await subsidyApi.updateApplication(existing.id, { version: existing.version, ...fields })
        : await subsidyApi.fileApplication(trancheId, { projectId, ...fields });
      await client.invalidateQueries({ queryKey: subsidyKeys.all });
      setStatus(
        `De aanvraag voor ${made.projectName} is ${existing ? 'aangepast' : 'ingediend'}. ${made.eligibility.eligible ? 'Zij voldoet aan alle voorwaarden.' : 'Zij voldoet niet aan alle voorwaarden: zie de toets hierboven.'}`,
      );
    } catch (err) {
      const p = problemOf(err);
      setErrors(p.fields);
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  };
  const text = (k: string) => texts[k] ?? '';
  const setText = (k: string) => (v: string) => setTexts((t) => ({ ...t, [k]: v }));
  return (
    <Section
      id={existing ? `${prefix}-aanpassen` : 'wbi-aanvraag-indienen'}
      title={existing ? `Aanvraag ${existing.projectName} aanpassen` : 'Aanvraag indienen'}
    >
      <Paragraph>
        Vul het formulier in voor een project van uw gemeente. Na het indienen ziet u per voorwaarde of de aanvraag eraan voldoet.
      </Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid={existing ? 'wbi-application-edit-form' : 'wbi-application-form'}>
        <FormErrorSummary
          testId="wbi-application-errors"
          fields={Object.keys(allLabels).map((k) => ({ id: fieldId(k), label: allLabels[k]!, message: errors[k] }))}
        />
        <FormField id={fieldId('projectId')} label="Project" error={errors.projectId}>
          <Select
            id={fieldId('projectId')}
            value={projectId}
            disabled={Boolean(existing)}
            onChange={(e) => setProjectId(e.target.value)}
            aria-invalid={errors.projectId ? true : undefined}
          >
            <option value="">Kies een project</option>
            {existing && <option value={existing.projectId}>{existing.projectName}</option>}
            {!existing &&
              projects.state === 'ready' &&
              projects.data.items.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </Select>
        </FormField>
        {AMOUNTS.map(([k, label]) => (
          <NumberField key={k} id={fieldId(k)} label={label} value={text(k)} onChange={setText(k)} error={errors[k]} />
        ))}
        <Fieldset legend="Waarvoor is de bijdrage? (alleen deze activiteiten tellen)">
          {errors.activities && <Paragraph>{errors.activities}</Paragraph>}
          <div id={fieldId('activities')} tabIndex={-1}>
            {WBI_ACTIVITIES.map((act) => (
              <CheckboxField
                key={act}
                id={`${prefix}-activity-${act}`}
                label={WBI_ACTIVITY_LABELS[act]}
                checked={activities.includes(act)}
                onChange={(on) => setActivities((list) => (on ? [...list, act] : list.filter((x) => x !== act)))}
              />
            ))}
          </div>
        </Fieldset>
        <DateField
          id={fieldId('firstStartDate')}
          label="Start bouw eerste woningen"
          value={text('firstStartDate')}
          onChange={setText('firstStartDate')}
          error={errors.firstStartDate}
          required
        />
        <DateField
          id={fieldId('lastStartDate')}
          label="Start bouw laatste woningen"
          value={text('lastStartDate')}
          onChange={setText('lastStartDate')}
          error={errors.lastStartDate}
          required
        />
        <Fieldset legend="Sturing en noodzaak">
          {CHECKS.map(([k, label]) => (
            <CheckboxField
              key={k}
              id={fieldId(k)}
              label={label}
              checked={checks[k] ?? false}
              onChange={(on) => setChecks((c) => ({ ...c, [k]: on }))}
            />
          ))}
        </Fieldset>
        {TEXTS.map(([k, label]) => (
          <FormField key={k} id={fieldId(k)} label={label} error={errors[k]}>
            <Textarea id={fieldId(k)} value={text(k)} maxLength={4000} onChange={(e) => setText(k)(e.target.value)} rows={3} />
          </FormField>
        ))}
        <SubmitButton busy={busy} busyText="Bezig met opslaan…">
          {existing ? 'Wijzigingen opslaan' : 'Aanvraag indienen'}
        </SubmitButton>
        <ActionFeedback status={status} problem={problem} testId="wbi-application-status" />
      </form>
    </Section>
  );
}

function AllocationSection({ tranche }: { tranche: Tranche }) {
  const client = useQueryClient();
  const loaded = useApi(subsidyKeys.allocation(tranche.id), (signal) => subsidyApi.allocation(tranche.id, signal));
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allocate = async () => {
    setStatus(null);
    setProblem(null);
    setBusy(true);
    try {
      const result = await subsidyApi.allocate(tranche.id);
      await client.invalidateQueries({ queryKey: subsidyKeys.all });
      setStatus(`De rangschikking is vastgelegd: ${euros(result.awardedEuros)} toegekend, ${euros(result.remainingEuros)} over.`);
    } catch (err) {
      setProblem(problemOf(err).message ?? 'Het vastleggen is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };
  type Line = NonNullable<typeof loaded.data>['lines'][number];
  return (
    <Section id="wbi-verdeling" title="Rangschikking en verdeling">
      <Paragraph data-testid="wbi-allocation-rule">{WBI.allocationRuleText}</Paragraph>
      {loaded.state === 'loading' && <Loading>De rangschikking wordt berekend…</Loading>}
      {loaded.state === 'error' && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {loaded.state === 'ready' && (
        <>
          <Paragraph data-testid="wbi-allocation-totals">
            Budget {euros(loaded.data.budgetEuros)}; toe te kennen {euros(loaded.data.awardedEuros)}; over {euros(loaded.data.remainingEuros)}.
          </Paragraph>
          <Table<Line>
            caption="Rangschikking van de aanvragen"
            rows={loaded.data.lines}
            rowKey={(l) => l.id}
            rowData={(l) => ({ 'data-project': l.projectName })}
            scrollLabel="Rangschikking"
            empty={<Paragraph>Er zijn nog geen aanvragen.</Paragraph>}
            columns={[
              { key: 'rank', header: 'Plaats', numeric: true, cell: (l) => (l.rank === null ? '–' : l.rank) },
              { key: 'project', header: 'Project', cell: (l) => `${l.projectName} (${l.gemeenteName})` },
              {
                key: 'score',
                header: 'Totaalscore',
                numeric: true,
                cell: (l) => (l.totalScore === null ? '–' : l.totalScore.toLocaleString('nl-NL')),
              },
              { key: 'awardable', header: 'Toe te kennen', numeric: true, cell: (l) => euros(l.awardableEuros) },
              { key: 'awarded', header: 'Bijdrage', numeric: true, cell: (l) => euros(l.awardedEuros) },
              { key: 'outcome', header: 'Uitkomst', cell: (l) => ALLOCATION_OUTCOME_LABELS[l.outcome] },
              { key: 'why', header: 'Waarom', cell: (l) => l.explanation },
            ]}
          />
        </>
      )}
      {tranche.windowOpen ? (
        <Paragraph>Het aanvraagtijdvak is nog open. De rangschikking vastleggen kan na de sluiting.</Paragraph>
      ) : (
        <Button appearance="primary-action" onClick={() => void allocate()} disabled={busy} data-testid="wbi-allocate">
          {busy ? 'Bezig met vastleggen…' : 'Rangschikking vastleggen'}
        </Button>
      )}
      <ActionFeedback status={status} problem={problem} testId="wbi-allocate-status" />
      <Paragraph data-testid="wbi-decision-list">
        Besluitenlijst downloaden: <a href={subsidyApi.decisionListUrl(tranche.id, 'xlsx')}>Excel</a> of{' '}
        <a href={subsidyApi.decisionListUrl(tranche.id, 'csv')}>CSV</a>
      </Paragraph>
    </Section>
  );
}
