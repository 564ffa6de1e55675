/** Tafeloverzicht start page: choose a table or area; the versnellingstafels are listed as links. */
import { useApi } from '../../api/hooks.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../labels.ts';
import { regionPath } from './drilldown.ts';
import { RegionChooser } from './RegionChooser.tsx';
import { chooserPrincipal, mayOpenArea, regionArea } from './regionAccess.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { PublicFiguresLinks } from '../../components/PublicFiguresLinks.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';

export function TablesIndexPage() {
  usePageTitle('Tafeloverzicht');
  const { state } = useAuth();
  const regions = useApi(
    queryKeys.reference.bundle('tables-index'),
    (_signal, client) => Promise.all([fetchReference(client, 'regions'), fetchReference(client, 'gemeenten')]),
    { staleTime: REFERENCE_STALE_TIME },
  );
  const own = isSignedIn(state) ? state.me.principal.regionId : null;
  const ownRegion = regions.data?.[0].find((r) => r.id === own);
  // Only the tables this person may open (the server's rule): a link never leads to "Geen toegang".
  const principal = chooserPrincipal(state);
  const tables = regions.data
    ? regions.data[0].filter((r) => r.kind === 'versnellingstafel' && mayOpenArea(principal, regionArea(r, regions.data[1])))
    : [];
  const signedOut = state.status === 'ready' && !isSignedIn(state);

  return (
    <>
      <Heading level={1}>Tafeloverzicht</Heading>
      <Paragraph lead>
        Het overzicht voor de versnellingstafel: verwachte oplevering tegenover de opgave, de pijplijn, vertragingen, knelpunten en de stand van de
        kwartaalronde.{!signedOut && ' Kies een tafel, woondealregio, provincie of gemeente.'}
      </Paragraph>
      {ownRegion && (
        <Paragraph>
          Uw tafel: <TextLink to={regionPath(ownRegion.id)}>{ownRegion.name}</TextLink>
        </Paragraph>
      )}
      {signedOut && (
        <Paragraph data-testid="tables-signed-out">
          Het tafeloverzicht is voor de deelnemers van een versnellingstafel: gemeenten, marktpartijen, provincies en het ministerie.{' '}
          <TextLink to="/inloggen?terug=%2Ftafels">Log in</TextLink> om het te zien. De cijfers per provincie en gemeente voor iedereen staan op de{' '}
          <PublicFiguresLinks />
        </Paragraph>
      )}
      {!signedOut && <RegionChooser />}
      {!signedOut && <Heading level={2}>Versnellingstafels</Heading>}
      {regions.state === 'loading' && <Loading />}
      {regions.state === 'error' && <ErrorMessage error={regions.error} retry={regions.reload} />}
      {regions.state === 'ready' && !signedOut && tables.length === 0 && (
        <Paragraph>U neemt niet deel aan een versnellingstafel. Kies hierboven een gebied dat u mag bekijken.</Paragraph>
      )}
      {regions.state === 'ready' && tables.length > 0 && (
        <UnorderedList className="wbm-link-list">
          {tables.map((r) => (
            <li key={r.id}>
              <TextLink to={regionPath(r.id)}>{r.name}</TextLink>{' '}
              <span className="wbm-muted">
                ({formatNumber(r.gemeenteCodes.length)} {r.gemeenteCodes.length === 1 ? 'gemeente' : 'gemeenten'}
                {r.endedOn ? '; gestopt' : ''})
              </span>
            </li>
          ))}
        </UnorderedList>
      )}
    </>
  );
}
