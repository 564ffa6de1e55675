/** Routes of the web app. Pages with charts or maps load on demand. */
import { PLANLIJST_IMPORT_PATH, PlanlijstImportPage } from './features/import/PlanlijstImportPage.tsx';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Feedback.tsx';
import { Layout } from './components/Layout.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { NotFoundPage } from './features/not-found/NotFoundPage.tsx';
import { ProjectListPage } from './features/projects/ProjectListPage.tsx';
import { TablesIndexPage } from './features/dashboard/TablesIndexPage.tsx';

const ProjectPage = lazy(() => import('./features/project/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));
const NewProjectPage = lazy(() => import('./features/project/NewProjectPage.tsx').then((m) => ({ default: m.NewProjectPage })));
const OpenDataPage = lazy(() => import('./features/open-data/OpenDataPage.tsx').then((m) => ({ default: m.OpenDataPage })));
const MapPage = lazy(() => import('./features/map/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const ReportPage = lazy(() => import('./features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const RoundPage = lazy(() => import('./features/round/RoundPage.tsx').then((m) => ({ default: m.RoundPage })));
const NationalPage = lazy(() => import('./features/national/NationalPage.tsx').then((m) => ({ default: m.NationalPage })));
const TargetsPage = lazy(() => import('./features/targets/TargetsPage.tsx').then((m) => ({ default: m.TargetsPage })));
const AccountPage = lazy(() => import('./features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const PlancapaciteitPage = lazy(() => import('./features/plancapaciteit/PlancapaciteitPage.tsx').then((m) => ({ default: m.PlancapaciteitPage })));
const AcceptInvitationPage = lazy(() => import('./features/invitations/AcceptInvitationPage.tsx').then((m) => ({ default: m.AcceptInvitationPage })));
const PeoplePage = lazy(() => import('./features/people/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })));
const OrganisationsPage = lazy(() => import('./features/organisations/OrganisationsPage.tsx').then((m) => ({ default: m.OrganisationsPage })));
const TablesAdminPage = lazy(() => import('./features/tables-admin/TablesAdminPage.tsx').then((m) => ({ default: m.TablesAdminPage })));
const RegionAdminPage = lazy(() => import('./features/tables-admin/RegionAdminPage.tsx').then((m) => ({ default: m.RegionAdminPage })));
const AgendaPage = lazy(() => import('./features/agenda/AgendaPage.tsx').then((m) => ({ default: m.AgendaPage })));
const MyRoundPage = lazy(() => import('./features/my-round/MyRoundPage.tsx').then((m) => ({ default: m.MyRoundPage })));
const InstrumentsPage = lazy(() => import('./features/instruments/InstrumentsPage.tsx').then((m) => ({ default: m.InstrumentsPage })));
const WoningbouwimpulsPage = lazy(() => import('./features/instruments/WoningbouwimpulsPage.tsx').then((m) => ({ default: m.WoningbouwimpulsPage })));
const TranchePage = lazy(() => import('./features/instruments/WoningbouwimpulsPage.tsx').then((m) => ({ default: m.TranchePage })));
const GebiedsbudgetPage = lazy(() => import('./features/instruments/GebiedsbudgetPage.tsx').then((m) => ({ default: m.GebiedsbudgetPage })));
const RealisatiestimulansPage = lazy(() =>
  import('./features/instruments/RealisatiestimulansPage.tsx').then((m) => ({ default: m.RealisatiestimulansPage })),
);
const RealisatiestimulansGemeentePage = lazy(() =>
  import('./features/instruments/RealisatiestimulansGemeentePage.tsx').then((m) => ({ default: m.RealisatiestimulansGemeentePage })),
);
const RoundAsOfPage = lazy(() => import('./features/round/RoundAsOfPage.tsx').then((m) => ({ default: m.RoundAsOfPage })));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to="/projecten" replace />} />
          <Route path="/inloggen" element={<SignInPage />} />
          <Route path="/mijn-kwartaalronde" element={<MyRoundPage />} />
          <Route path="/projecten" element={<ProjectListPage />} />
          <Route path="/projecten/nieuw" element={<NewProjectPage />} />
          <Route path="/projecten/:id" element={<ProjectPage />} />
          <Route path="/kaart" element={<MapPage />} />
          <Route path="/open-data" element={<OpenDataPage />} />
          <Route path="/landelijk" element={<NationalPage />} />
          <Route path="/doelen" element={<TargetsPage />} />
          <Route path="/instrumenten" element={<InstrumentsPage />} />
          <Route path="/instrumenten/woningbouwimpuls" element={<WoningbouwimpulsPage />} />
          <Route path="/instrumenten/woningbouwimpuls/tranches/:trancheId" element={<TranchePage />} />
          <Route path="/instrumenten/gebiedsbudget" element={<GebiedsbudgetPage />} />
          <Route path="/instrumenten/realisatiestimulans" element={<RealisatiestimulansPage />} />
          <Route path="/instrumenten/realisatiestimulans/:gemeenteCode" element={<RealisatiestimulansGemeentePage />} />
          <Route path={PLANLIJST_IMPORT_PATH} element={<PlanlijstImportPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/plancapaciteit" element={<PlancapaciteitPage />} />
          <Route path="/beheer/mensen" element={<PeoplePage />} />
          <Route path="/uitnodiging/:token" element={<AcceptInvitationPage />} />
          <Route path="/beheer/organisaties" element={<OrganisationsPage />} />
          <Route path="/beheer/tafels" element={<TablesAdminPage />} />
          <Route path="/beheer/tafels/:regionId" element={<RegionAdminPage />} />
          <Route path="/tafels" element={<TablesIndexPage />} />
          <Route path="/tafels/:regionId" element={<DashboardPage />} />
          <Route path="/tafels/:regionId/rapport" element={<ReportPage />} />
          <Route path="/tafels/:regionId/agenda" element={<AgendaPage />} />
          <Route path="/tafels/:regionId/kwartaalronde" element={<RoundPage />} />
          <Route path="/tafels/:regionId/kwartaalronde/:roundId" element={<RoundAsOfPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
