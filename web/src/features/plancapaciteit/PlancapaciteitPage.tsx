/**
 * Plancapaciteit (issue 11 item 6): per area and period the homes in hard and soft plans against the
 * need (the targets), with the norm where one applies (130% to 2030 in the areas with the largest task,
 * or a norm set for the area). The choice of area, start year and breakdown is in the page address, so
 * a link can be shared. Who may set norms (src/domain/access.ts `canChangeNorm`) gets a form to do so.
 * `data-ready` on the article says when the figures are shown.
 */
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { principalOf } from '../../auth/permissions.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { PageNotice } from '../../components/PageNotice.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { BreakdownSection } from './BreakdownSection.tsx';
import { CapacitySection } from './CapacitySection.tsx';
import { ChoiceForm } from './ChoiceForm.tsx';
import { NormSection } from './NormSection.tsx';
import { PlanuitvalSection } from './PlanuitvalSection.tsx';
import { apiQuery, areaGroups, choiceParams, homeArea, parseChoice, type Choice } from './plancapaciteit.ts';

export function PlancapaciteitPage() {
  usePageTitle('Plancapaciteit');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'open') return <PlancapaciteitView home="nl" />;
  const home = isSignedIn(state) ? homeArea(principalOf(state.me)) : null;
  if (!home) {
    return (
      <PageNotice heading="Plancapaciteit" title="Niet voor uw account" testId="plancapaciteit" className="wbm-plancapaciteit">
        <Paragraph>
          {isSignedIn(state) ? (
            'De plancapaciteit is er voor gemeenten, versnellingstafels, provincies en het ministerie. Uw account hoort niet bij een van die gebieden.'
          ) : (
            <>
              <TextLink to="/inloggen">Log in</TextLink> om de plancapaciteit van uw gebied te zien.
            </>
          )}
        </Paragraph>
      </PageNotice>
    );
  }
  return <PlancapaciteitView home={home} />;
}

function PlancapaciteitView({ home }: { home: string }) {
  const { state } = useAuth();
  const principal = isSignedIn(state) ? principalOf(state.me) : null;
  const thisYear = new Date().getFullYear();
  const [searchParams, setSearchParams] = useSearchParams();
  const choice = parseChoice(searchParams, home, thisYear);
  const query = apiQuery(choice);
  const result = useApi(queryKeys.national.plancapaciteit(query.toString()), (signal) => api.plancapaciteit(query, signal));
  const lists = useApi(
    queryKeys.reference.bundle('plancapaciteit'),
    (_signal, client) => Promise.all([fetchReference(client, 'regions'), fetchReference(client, 'provincies'), fetchReference(client, 'gemeenten')]),
    { staleTime: REFERENCE_STALE_TIME },
  );
  const [regions, provincies, gemeenten] = lists.data ?? [[], [], []];
  const groups = areaGroups(principal, { regions, provincies, gemeenten });
  const choose = (next: Choice) => setSearchParams(choiceParams(next, home, thisYear));
  const data = result.state === 'ready' ? result.data : null;

  return (
    <article className="wbm-plancapaciteit" data-testid="plancapaciteit" data-ready={data && !result.isRefreshing ? 'true' : 'false'}>
      <Heading level={1}>Plancapaciteit</Heading>
      <Paragraph lead>
        Zijn er genoeg plannen om de woningen te bouwen die nodig zijn? Hier ziet u per gebied en per periode hoeveel woningen er in harde en zachte
        plannen staan, naast de behoefte. Waar een norm geldt, ziet u of die gehaald wordt.
      </Paragraph>
      <ChoiceForm key={searchParams.toString()} choice={choice} groups={groups} currentName={data?.area.name} thisYear={thisYear} onChoose={choose} />
      {result.state === 'error' && <ErrorMessage error={result.error} retry={result.reload} />}
      {result.state === 'loading' && <Loading>De plancapaciteit wordt berekend…</Loading>}
      {data && (
        <>
          <CapacitySection data={data} />
          <PlanuitvalSection data={data} />
          <NormSection data={data} gemeenten={gemeenten} />
          {choice.breakdown !== 'none' && <BreakdownSection data={data} breakdown={choice.breakdown} />}
        </>
      )}
    </article>
  );
}
