/**
 * Entry point: NL Design System styles (Rijkshuisstijl community theme), then the app. Who is signed
 * in, and the data of a table dashboard opened directly, are requested here, before React renders and
 * while the page's code still loads, so the first screen is ready sooner. The one server-state cache
 * (TanStack Query) is created here.
 */
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { api, setSessionKnown } from './api/client.ts';
import { createQueryClient } from './api/queryClient.ts';
import { queryKeys } from './api/queryKeys.ts';
import { App } from './App.tsx';
import { AuthProvider, loadAuthState } from './auth/AuthContext.tsx';
import { dashboardRegionFromPath } from './features/dashboard/drilldown.ts';

const queryClient = createQueryClient();

// The Tafeloverzicht (or its report) opened directly: its data is asked for now, beside /auth/me,
// while the page's code still loads; the page finds the request running in the cache.
const regionId = dashboardRegionFromPath(window.location.pathname);
if (regionId) {
  void queryClient.prefetchQuery({ queryKey: queryKeys.dashboard.detail(regionId), queryFn: ({ signal }) => api.dashboard(regionId, signal) });
}

const me = api.me();
setSessionKnown(me);
const initialAuth = loadAuthState(me);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthProvider initial={initialAuth}>
          <App />
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
