/**
 * Gebiedsbudget (issue 16 part 3; SPEC §4.3): requests for the Rijk-designated grootschalige woningbouwgebieden, each
 * with its eligibility per condition and the 50% cap with the region's matching amount, and the running total against
 * the ceiling. A gemeente files and sees its own requests; the ministry sees all and decides. Access: the server's
 * (src/domain/access.ts subsidyScope, canAdministerSubsidies).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { canAdministerSubsidies, subsidyScope } from '../../../../src/domain/access.ts';
import { ELIGIBLE_MEASURES, GEBIEDSBUDGET_MEASURE_LABELS, GEBIEDSBUDGET_MEASURES } from '../../../../src/domain/instruments/gebiedsbudget.ts';
import { POLICY } from '../../../../src/domain/policy.ts';
import { useApi } from '../../api/hooks.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { may } from '../../auth/permissions.ts';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
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
import { TextInput } from '../../components/TextInput.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { INSTRUMENTS_PATH } from './paths.ts';
import { EligibilityList, euros, NumberField, parseWhole, problemOf, type FieldErrors } from './subsidyForm.tsx';
import { subsidyApi, subsidyKeys, type GebiedsbudgetArea, type GebiedsbudgetRequest } from './subsidyApi.ts';

const GB = POLICY.gebiedsbudget;
const STATUS_LABELS: Record<GebiedsbudgetRequest['status'], string> = { ingediend: 'Ingediend', toegekend: 'Toegekend', afgewezen: 'Afgewezen' };

export function GebiedsbudgetPage() {
  usePageTitle('Gebiedsbudget');
  const { state } = useAuth();
  const signedIn = isSignedIn(state);
  const reads = signedIn && may(state, (p) => subsidyScope(p) !== null);
  const admin = signedIn && may(state, canAdministerSubsidies);
  const gemeente = signedIn && !admin && reads;
  return (
    <>
      <Paragraph>
        <TextLink to={INSTRUMENTS_PATH}>Financiële instrumenten</TextLink>
      </Paragraph>
      <Heading level={1}>Gebiedsbudget</Heading>
      <Paragraph lead>
        Geld voor maatregelen in de grote woningbouwgebieden die het Rijk heeft aangewezen, zoals een park, nieuwe riolering of het verplaatsen van
        een bedrijf.
      </Paragraph>
      <Section id="gb-regels" title="De voorwaarden in het kort">
        <Paragraph>
          Het Rijk betaalt hoogstens de helft van de totale investering, en niet meer dan de regio zelf reserveert. Samen zijn de bijdragen hoogstens
          ongeveer {euros(GB.ceilingEuros)}. Twee derde van de woningen in de regio is betaalbaar. De laatste woningen zijn uiterlijk in{' '}
          {GB.lastHomesByYear} klaar, een flink deel al vóór {GB.substantialBeforeYear}. Maatregelen voor bereikbaarheid tellen niet mee. Bron:{' '}
          {GB.source}.
        </Paragraph>
      </Section>
      {state.status === 'ready' && !signedIn && <Paragraph data-testid="gb-signed-out">Log in om aanvragen te bekijken of in te dienen.</Paragraph>}
      {signedIn && !reads && (
        <Paragraph data-testid="gb-no-access">Aanvragen zijn alleen voor de gemeente die aanvraagt en voor het ministerie.</Paragraph>
      )}
      {reads && <Areas />}
      {reads && <Requests admin={admin} />}
      {gemeente && <RequestForm />}
    </>
  );
}

/** The designated areas the monitor knows, each with its source; the list is not complete, and the page says so. */
function Areas() {
  const loaded = useApi(subsidyKeys.areas, (signal) => subsidyApi.areas(signal));
  return (
    <Section id="gb-gebieden" title="Aangewezen gebieden">
      <Paragraph data-testid="gb-areas-note">
        Het Rijk heeft 21 grootschalige woningbouwgebieden aangewezen (Staatscourant 2025, nr. 39867). De monitor kent de gebieden hieronder, uit de
        bronnen die erbij staan. Staat uw gebied er niet bij? Vraag de beheerder het toe te voegen.
      </Paragraph>
      {loaded.state === 'loading' && <Loading>De gebieden worden geladen…</Loading>}
      {loaded.state === 'error' && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {loaded.state === 'ready' && (
        <Table<GebiedsbudgetArea>
          caption="Aangewezen gebieden die de monitor kent"
          rows={loaded.data.items}
          rowKey={(a) => a.code}
          scrollLabel="Aangewezen gebieden"
          columns={[
            { key: 'name', header: 'Gebied', cell: (a) => a.name },
            { key: 'regio', header: 'Regio', cell: (a) => a.regio },
            { key: 'source', header: 'Bron', cell: (a) => a.source },
          ]}
        />
      )}
    </Section>
  );
}

function Requests({ admin }: { admin: boolean }) {
  const loaded = useApi(subsidyKeys.requests, (signal) => subsidyApi.requests(signal));
  return (
    <Section id="gb-aanvragen" title={admin ? 'Alle aanvragen' : 'Aanvragen van uw gemeente'}>
      {loaded.state === 'loading' && <Loading>De aanvragen worden geladen…</Loading>}
      {loaded.state === 'error' && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {loaded.state === 'ready' && (
        <>
          <Paragraph data-testid="gb-totals">
            Plafond {euros(loaded.data.totals.ceilingEuros)}. Toegekend {euros(loaded.data.totals.awardedEuros)}; nog te beslissen{' '}
            {euros(loaded.data.totals.pendingEuros)}; nog beschikbaar {euros(loaded.data.totals.remainingEuros)}.
            {loaded.data.totals.overCeiling && ' Let op: toegekend en nog te beslissen samen zijn meer dan het plafond.'}
          </Paragraph>
          <Table<GebiedsbudgetRequest>
            caption="Aanvragen voor het Gebiedsbudget"
            rows={loaded.data.items}
            rowKey={(r) => r.id}
            rowData={(r) => ({ 'data-request': r.title })}
            scrollLabel="Aanvragen"
            empty={<Paragraph>Er zijn nog geen aanvragen.</Paragraph>}
            columns={[
              { key: 'title', header: 'Aanvraag', cell: (r) => r.title },
              { key: 'area', header: 'Gebied', cell: (r) => r.areaName },
              { key: 'gemeente', header: 'Gemeente', cell: (r) => r.gemeenteName },
              { key: 'requested', header: 'Gevraagd', numeric: true, cell: (r) => euros(r.requestedEuros) },
              { key: 'capped', header: 'Hoogstens', numeric: true, cell: (r) => euros(r.eligibility.cappedEuros) },
              { key: 'eligible', header: 'Voldoet', cell: (r) => (r.eligibility.eligible ? 'Ja' : 'Nee') },
              {
                key: 'status',
                header: 'Stand',
                cell: (r) => STATUS_LABELS[r.status] + (r.awardedEuros !== null ? ` (${euros(r.awardedEuros)})` : ''),
              },
            ]}
          />
          {loaded.data.items.map((r) => (
            <section key={r.id} aria-labelledby={`gb-${r.id}`} className="wbm-section" data-testid="gb-request">
              <Heading level={3} id={`gb-${r.id}`}>
                {r.title} ({r.areaName})
              </Heading>
              <Paragraph data-testid="gb-cap">{r.eligibility.capReason}</Paragraph>
              <EligibilityList criteria={r.eligibility.criteria} eligible={r.eligibility.eligible} headingId={`gb-${r.id}-toets`} />
              {admin && r.status === 'ingediend' && <Decision request={r} />}
            </section>
          ))}
        </>
      )}
    </Section>
  );
}

function Decision({ request: r }: { request: GebiedsbudgetRequest }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const decide = async (decision: 'toegekend' | 'afgewezen') => {
    setStatus(null);
    setProblem(null);
    try {
      await subsidyApi.decideRequest(r.id, { version: r.version, status: decision, awardedEuros: null });
      await client.invalidateQueries({ queryKey: subsidyKeys.all });
      setStatus(decision === 'toegekend' ? 'De bijdrage is toegekend.' : 'De aanvraag is afgewezen.');
    } catch (err) {
      setProblem(problemOf(err).message ?? Object.values(problemOf(err).fields).join(' '));
    }
  };
  return (
    <div>
      {r.eligibility.eligible && (
        <Button appearance="primary-action" onClick={() => void decide('toegekend')}>
          {euros(r.eligibility.cappedEuros)} toekennen
        </Button>
      )}{' '}
      <Button appearance="secondary-action" onClick={() => void decide('afgewezen')}>
        Afwijzen
      </Button>
      <ActionFeedback status={status} problem={problem} />
    </div>
  );
}

const NUMBERS = [
  ['homes', 'Aantal woningen in het gebied'],
  ['affordableHomes', 'Waarvan betaalbaar'],
  ['homesBefore2030', `Woningen klaar vóór ${GB.substantialBeforeYear}`],
  ['lastHomesYear', 'Jaar waarin de laatste woningen klaar zijn'],
  ['totalInvestmentEuros', 'Totale investering in de maatregelen (euro)'],
  ['regionReservedEuros', 'Bijdrage die de regio reserveert (euro)'],
  ['requestedEuros', 'Gevraagde bijdrage van het Rijk (euro)'],
] as const;
const CHECKS = [
  ['parallelPlannen', 'De gemeente werkt volgens de principes van parallel plannen'],
  ['versnellingstafelWithPpm', 'Het gebied wordt besproken aan de versnellingstafel, met de publiek-private monitor'],
  ['openBooks', 'De partijen praten met elkaar op basis van open boeken'],
  ['positiveMkba', 'De maatregelen volgen uit een positieve maatschappelijke kosten-batenanalyse'],
] as const;

function RequestForm() {
  const client = useQueryClient();
  const areas = useApi(subsidyKeys.areas, (signal) => subsidyApi.areas(signal));
  const [texts, setTexts] = useState<Record<string, string>>({ title: '', areaCode: '' });
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [measures, setMeasures] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labels: Record<string, string> = { title: 'Naam van de aanvraag', areaCode: 'Gebied', ...Object.fromEntries(NUMBERS) };
  const fid = (k: string) => `gb-${k}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setProblem(null);
    const found: FieldErrors = {};
    if (!texts.title?.trim()) found.title = 'Geef de aanvraag een naam.';
    if (!texts.areaCode) found.areaCode = 'Kies het gebied.';
    const n: Record<string, number> = {};
    for (const [k, label] of NUMBERS) {
      const v = parseWhole(texts[k] ?? '');
      if (v === null) found[k] = `${label}: vul een heel getal in.`;
      else n[k] = v;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const made = await subsidyApi.fileRequest({
        title: texts.title!,
        areaCode: texts.areaCode!,
        homes: n.homes!,
        affordableHomes: n.affordableHomes!,
        homesBefore2030: n.homesBefore2030!,
        lastHomesYear: n.lastHomesYear!,
        totalInvestmentEuros: n.totalInvestmentEuros!,
        regionReservedEuros: n.regionReservedEuros!,
        requestedEuros: n.requestedEuros!,
        parallelPlannen: checks.parallelPlannen ?? false,
        versnellingstafelWithPpm: checks.versnellingstafelWithPpm ?? false,
        openBooks: checks.openBooks ?? false,
        positiveMkba: checks.positiveMkba ?? false,
        measures: measures as Array<(typeof GEBIEDSBUDGET_MEASURES)[number]>,
      });
      await client.invalidateQueries({ queryKey: subsidyKeys.all });
      setStatus(`De aanvraag is ingediend. ${made.eligibility.capReason}`);
    } catch (err) {
      const p = problemOf(err);
      setErrors(p.fields);
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  };
  const set = (k: string) => (v: string) => setTexts((t) => ({ ...t, [k]: v }));
  return (
    <Section id="gb-aanvraag-indienen" title="Aanvraag indienen">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="gb-request-form">
        <FormErrorSummary fields={Object.keys(labels).map((k) => ({ id: fid(k), label: labels[k]!, message: errors[k] }))} />
        <FormField id={fid('title')} label={labels.title} error={errors.title}>
          <TextInput id={fid('title')} value={texts.title ?? ''} maxLength={200} onChange={(e) => set('title')(e.target.value)} />
        </FormField>
        <FormField id={fid('areaCode')} label="Gebied" error={errors.areaCode}>
          <Select id={fid('areaCode')} value={texts.areaCode ?? ''} onChange={(e) => set('areaCode')(e.target.value)}>
            <option value="">Kies een gebied</option>
            {areas.state === 'ready' &&
              areas.data.items.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name} ({a.regio})
                </option>
              ))}
          </Select>
        </FormField>
        {NUMBERS.map(([k, label]) => (
          <NumberField key={k} id={fid(k)} label={label} value={texts[k] ?? ''} onChange={set(k)} error={errors[k]} />
        ))}
        <Fieldset legend="Soort maatregelen">
          {GEBIEDSBUDGET_MEASURES.map((m) => (
            <CheckboxField
              key={m}
              id={`gb-measure-${m}`}
              label={ELIGIBLE_MEASURES.includes(m) ? GEBIEDSBUDGET_MEASURE_LABELS[m] : `${GEBIEDSBUDGET_MEASURE_LABELS[m]}: telt niet mee`}
              checked={measures.includes(m)}
              onChange={(on) => setMeasures((list) => (on ? [...list, m] : list.filter((x) => x !== m)))}
            />
          ))}
        </Fieldset>
        <Fieldset legend="Sturing">
          {CHECKS.map(([k, label]) => (
            <CheckboxField key={k} id={fid(k)} label={label} checked={checks[k] ?? false} onChange={(on) => setChecks((c) => ({ ...c, [k]: on }))} />
          ))}
        </Fieldset>
        <SubmitButton busy={busy} busyText="Bezig met indienen…">
          Aanvraag indienen
        </SubmitButton>
        <ActionFeedback status={status} problem={problem} testId="gb-request-status" />
      </form>
    </Section>
  );
}
