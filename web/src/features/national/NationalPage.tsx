/**
 * Landelijk overzicht: the national roll-up for the ministry (issue 3, point 5). A map of the provinces
 * coloured by target attainment; realised (CBS) and expected production per year against 100,000 with
 * the simulation's band; affordable and social shares against 2/3 and 30%; each special target with
 * its progress or why it cannot be measured yet; and the national versnellingstafel's view per region
 * (PPM in use, share updated this quarter, overdue projects and parties). Every chart and map has a
 * table with the same figures. `data-ready` on the article and the mark `wbm:landelijk` say when data,
 * chart and map are drawn.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useSyntheticCount } from '../../components/DemoDataBanner.tsx';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateShort, formatDateTime, formatGoalShare, formatNumber } from '../../labels.ts';
import { homesGoal } from './nationalFormat.tsx';
import { DataNotes } from './DataNotes.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { MethodSection } from './MethodSection.tsx';
import { PpmSection } from './PpmSection.tsx';
import { ProductionSection } from './ProductionSection.tsx';
import { BagSection } from './BagSection.tsx';
import { isSignedIn } from '../../auth/AuthContext.tsx';
import { NATIONAL_ROLES } from '../../../../src/domain/access.ts';
import { ProvincesSection } from './ProvincesSection.tsx';
import { SharesSection } from './SharesSection.tsx';
import { SpecialTargetsSection } from './SpecialTargets.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';

export function NationalPage() {
  usePageTitle('Landelijk overzicht');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  // Public (SPEC §1: the public sees aggregates): the ministry and administrators get every figure, everyone else the
  // public version, in which the server hides figures of fewer than 3 projects and says so (`disclosure`).
  return <NationalOverviewView />;
}

function NationalOverviewView() {
  const overview = useApi(queryKeys.national.overview(null), (signal) => api.nationalOverview(null, signal));
  const synthetic = useSyntheticCount();
  const { state } = useAuth();
  // BAG starts and completions next to CBS and the monitor: for those who see the whole country (the route's own rule).
  const seesNation = isSignedIn(state) && (NATIONAL_ROLES as readonly string[]).includes(state.me.principal.role);
  const [chartDrawn, setChartDrawn] = useState(false);
  const [mapDrawn, setMapDrawn] = useState(false);
  const data = overview.state === 'ready' ? overview.data : null;
  const ready = Boolean(data) && chartDrawn && mapDrawn;
  useEffect(() => {
    if (ready) markReady('landelijk');
  }, [ready]);
  const onChart = useCallback(() => setChartDrawn(true), []);
  const onMap = useCallback(() => {
    setMapDrawn(true);
    markReady('landelijk-kaart');
  }, []);

  return (
    <article className="wbm-national" data-testid="national" data-ready={ready ? 'true' : 'false'}>
      <Heading level={1}>Landelijk overzicht</Heading>
      {overview.state === 'error' && <ErrorMessage error={overview.error} retry={overview.reload} />}
      {overview.state === 'loading' && <Loading>Het landelijk overzicht wordt berekend…</Loading>}
      {data && (
        <>
          <Paragraph lead>
            Haalt Nederland {formatNumber(homesGoal(data))} nieuwe woningen per jaar, waarvan{' '}
            {formatGoalShare(data.affordability.targetAffordableShare)} betaalbaar en {formatGoalShare(data.affordability.targetSocialShare)} sociale
            huur? Dit overzicht telt de projecten van alle versnellingstafels op en zet ze naast de echte bouwcijfers van het CBS. Stand op{' '}
            {formatDateShort(data.asOf)}.
          </Paragraph>
          {data.dataAsOf && (
            <Paragraph className="wbm-muted" data-testid="stand-per">
              Stand per {formatDateTime(data.dataAsOf)}: de cijfers tellen alle wijzigingen tot dat moment mee.
            </Paragraph>
          )}
          <DataNotes overview={data} synthetic={synthetic} />
          <KeyFigures overview={data} />

          <ProvincesSection overview={data} onMapReady={onMap} />
          <ProductionSection overview={data} onChartRendered={onChart} />
          {seesNation && <BagSection overview={data} />}
          <SharesSection overview={data} />
          <SpecialTargetsSection targets={data.specialTargets} homesPerYear={homesGoal(data)} />
          <PpmSection ppm={data.ppm} />
          <MethodSection overview={data} />
        </>
      )}
    </article>
  );
}
