/** Routes of the web app. The project page (charts) and the map (maplibre) load on demand. */
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Feedback.tsx';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './features/not-found/NotFoundPage.tsx';
import { ProjectListPage } from './features/projects/ProjectListPage.tsx';

const ProjectPage = lazy(() => import('./features/project/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));
const MapPage = lazy(() => import('./features/map/MapPage.tsx').then((m) => ({ default: m.MapPage })));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to="/projecten" replace />} />
          <Route path="/projecten" element={<ProjectListPage />} />
          <Route path="/projecten/:id" element={<ProjectPage />} />
          <Route path="/kaart" element={<MapPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
