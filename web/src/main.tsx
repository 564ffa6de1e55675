/**
 * Entry point: NL Design System styles (Rijkshuisstijl community theme), then the app. Who is signed
 * in, and the data of a table dashboard opened directly, are requested here, before React renders and
 * while the page's code still loads, so the first screen is ready sooner.
 */
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { adoptResponse, api, prefetch, setSessionKnown } from './api/client.ts';
import type { Dashboard } from './api/types.ts';
import { App } from './App.tsx';
import { AuthProvider, loadAuthState } from './auth/AuthContext.tsx';
import { dashboardRegionFromPath } from './features/dashboard/drilldown.ts';

const me = api.me();
setSessionKnown(me);
const initialAuth = loadAuthState(me);

declare global {
  interface Window {
    /** Started by /prefetch.js (web/public), loaded by index.html before this module. */
    __wbmDashboard?: { path: string; response: Promise<Response> };
  }
}

const regionId = dashboardRegionFromPath(window.location.pathname);
if (regionId) {
  const early = window.__wbmDashboard;
  delete window.__wbmDashboard;
  prefetch(`dashboard:${regionId}`, () => (early ? adoptResponse<Dashboard>(early.response) : api.dashboard(regionId)));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider initial={initialAuth}>
        <App />
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
