/** Tafeloverzicht start page: choose a table or area; the versnellingstafels are listed as links. */
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { cached, useApi } from '../../api/hooks.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../labels.ts';
import { regionPath } from './drilldown.ts';
import { RegionChooser } from './RegionChooser.tsx';

export function TablesIndexPage() {
  usePageTitle('Tafeloverzicht');
  const { state } = useAuth();
  const regions = useApi('regions', () => cached('regions', () => api.listRegions()));
  const own = isSignedIn(state) ? state.me.principal.regionId : null;
  const ownRegion = regions.data?.find((r) => r.id === own);

  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Tafeloverzicht</h1>
      <p className="utrecht-paragraph nl-paragraph--lead">
        Het overzicht voor de versnellingstafel: verwachte oplevering tegenover de opgave, de pijplijn, vertragingen, knelpunten en de stand van
        de kwartaalronde. Kies een tafel, woondealregio, provincie of gemeente.
      </p>
      {ownRegion && (
        <p className="utrecht-paragraph">
          Uw tafel:{' '}
          <Link className="utrecht-link" to={regionPath(ownRegion.id)}>
            {ownRegion.name}
          </Link>
        </p>
      )}
      <RegionChooser />
      <h2 className="nl-heading nl-heading--level-2">Versnellingstafels</h2>
      {regions.state === 'loading' && <Loading />}
      {regions.state === 'error' && <ErrorMessage error={regions.error} retry={regions.reload} />}
      {regions.state === 'ready' && (
        <ul className="utrecht-unordered-list wbm-link-list">
          {regions.data
            .filter((r) => r.kind === 'versnellingstafel')
            .map((r) => (
              <li key={r.id}>
                <Link className="utrecht-link" to={regionPath(r.id)}>
                  {r.name}
                </Link>{' '}
                <span className="wbm-muted">({formatNumber(r.gemeenteCodes.length)} {r.gemeenteCodes.length === 1 ? 'gemeente' : 'gemeenten'})</span>
              </li>
            ))}
        </ul>
      )}
    </>
  );
}
