/**
 * Page frame: skip link, header with the app name and navigation, the demo-data banner, main
 * content and footer. Moves focus to the main content after navigating to another page, so
 * keyboard and screen-reader users start at the new content (WCAG 2.4.3).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate, useNavigationType } from 'react-router';
import { isSignedIn, useAuth } from '../auth/AuthContext.tsx';
import { mayManageOrganisations, mayManagePeople, mayManageTargets, mayOpenPlancapaciteit, roleLabel } from '../auth/permissions.ts';
import { mayImportPlanlijst, mayOpenInstruments, mayOpenTablesAdmin, mayUseMyRound } from '../auth/permissions.ts';
import { INSTRUMENTS_PATH } from '../features/instruments/paths.ts';
import { MY_ROUND_PATH } from '../features/my-round/paths.ts';
import { DemoDataBanner } from './DemoDataBanner.tsx';
import { APP_NAME } from './usePageTitle.ts';
import { Paragraph } from './Paragraph.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';
import { TextLink } from './TextLink.tsx';

/** Tafeloverzicht is for those who take part in a table; the other pages work for the public too (totals only). */
const TABLES_ITEM = { to: '/tafels', label: 'Tafeloverzicht' };
/** Doelen: for those who maintain targets (the gate of the target write routes). */
const TARGETS_ITEM = { to: '/doelen', label: 'Doelen' };
/** Planlijst importeren: a gemeente, province, table secretary, the ministry or an administrator (planlijstImportArea). */
const IMPORT_ITEM = { to: '/planlijst-importeren', label: 'Planlijst importeren' };
/** Plancapaciteit: for those who read an area as a whole (the area rule of its API). */
const PLANCAPACITEIT_ITEM = { to: '/plancapaciteit', label: 'Plancapaciteit' };
/** Mensen: administrators manage people's accounts. */
const PEOPLE_ITEM = { to: '/beheer/mensen', label: 'Mensen' };
/** Organisaties: administrators and province analysts register market parties and corporations. */
const ORGANISATIONS_ITEM = { to: '/beheer/organisaties', label: 'Organisaties' };
/** Tafels inrichten: administrators and province analysts set up tables; a secretary manages its table's members. */
const TABLES_ADMIN_ITEM = { to: '/beheer/tafels', label: 'Tafels inrichten' };
/** Mijn kwartaalronde: a gemeente's or market party's own work in the open quarterly rounds (first: it is where they land). */
const MY_ROUND_ITEM = { to: MY_ROUND_PATH, label: 'Mijn kwartaalronde' };
/** Financiële instrumenten: the ministry, administrators, province analysts and gemeenten (access.ts INSTRUMENT_ROLES). */
const INSTRUMENTS_ITEM = { to: INSTRUMENTS_PATH, label: 'Financiële instrumenten' };
const PUBLIC_ITEMS = [
  { to: '/projecten', label: 'Projecten' },
  { to: '/kaart', label: 'Kaart' },
  { to: '/landelijk', label: 'Landelijk overzicht' },
];

export function Layout({ children }: { children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const shownPath = useRef(pathname);
  const { state } = useAuth();
  const signedInItems = mayUseMyRound(state) ? [MY_ROUND_ITEM, TABLES_ITEM, ...PUBLIC_ITEMS] : [TABLES_ITEM, ...PUBLIC_ITEMS];
  const navItems = isSignedIn(state) ? signedInItems : PUBLIC_ITEMS;
  const withImport = isSignedIn(state) && mayImportPlanlijst(state) ? [...navItems, IMPORT_ITEM] : navItems;
  const withInstruments = isSignedIn(state) && mayOpenInstruments(state) ? [...withImport, INSTRUMENTS_ITEM] : withImport;
  const withTargets = isSignedIn(state) && mayManageTargets(state) ? [...withInstruments, TARGETS_ITEM] : withInstruments;
  const withPlancapaciteit = isSignedIn(state) && mayOpenPlancapaciteit(state) ? [...withTargets, PLANCAPACITEIT_ITEM] : withTargets;
  const withPeople = isSignedIn(state) && mayManagePeople(state) ? [...withPlancapaciteit, PEOPLE_ITEM] : withPlancapaciteit;
  const withOrganisations = isSignedIn(state) && mayManageOrganisations(state) ? [...withPeople, ORGANISATIONS_ITEM] : withPeople;
  const menuItems = isSignedIn(state) && mayOpenTablesAdmin(state) ? [...withOrganisations, TABLES_ADMIN_ITEM] : withOrganisations;

  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    // A redirect (/ → /projecten) replaces the page the user asked for: focus stays where it was.
    if (navigationType !== 'REPLACE') mainRef.current?.focus();
  }, [pathname, navigationType]);

  return (
    <div className="wbm-page">
      <a className="nl-skip-link wbm-skip-link" href="#inhoud">
        Direct naar de inhoud
      </a>
      <header className="wbm-header">
        <div className="wbm-container wbm-header__content">
          <Link className="wbm-header__logo" to="/projecten">
            <svg aria-hidden="true" width="32" height="32" viewBox="0 0 32 32" focusable="false">
              <rect width="32" height="32" rx="4" fill="currentColor" />
              <path d="M6 26V14l10-8 10 8v12h-7v-7h-6v7z" fill="#154273" />
            </svg>
            <span className="wbm-header__name">{APP_NAME}</span>
            <span className="wbm-header__tagline">Publiek Private Monitor van woningbouwprojecten</span>
          </Link>
          <nav aria-label="Hoofdmenu" className="wbm-nav">
            <ul className="wbm-nav__list">
              {menuItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className={({ isActive }) => `wbm-nav__link${isActive ? ' wbm-nav__link--current' : ''}`}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <UserMenu />
        </div>
      </header>
      <DemoDataBanner />
      <main id="inhoud" ref={mainRef} tabIndex={-1} className="wbm-main wbm-container">
        {children}
      </main>
      <footer className="wbm-footer">
        <div className="wbm-container">
          <Paragraph>
            {APP_NAME} – de Publiek Private Monitor voor de versnellingstafels wonen. Voor ontwikkelaars:{' '}
            <TextLink className="wbm-footer__link" href="/api/v1/docs">
              API-documentatie
            </TextLink>
            .
          </Paragraph>
        </div>
      </footer>
    </div>
  );
}

/** Who is signed in (name, role, a visible "Demo" marker in demo mode) and "Uitloggen"; or "Inloggen". */
function UserMenu() {
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  if (state.status !== 'ready') return null;
  if (!isSignedIn(state)) {
    return (
      <div className="wbm-user">
        <Link className="wbm-user__link" to="/inloggen">
          Inloggen
        </Link>
      </div>
    );
  }
  const { principal, demo } = state.me;
  const logout = async () => {
    await signOut();
    navigate('/inloggen?uitgelogd=1');
  };
  return (
    <div className="wbm-user" data-testid="user-menu">
      <p className="wbm-user__who">
        <VisuallyHidden>Ingelogd als </VisuallyHidden>
        <strong>{principal.name}</strong>
        {/* A demo account is named after its role ("Demo: Analist provincie"): no need to say the role twice. */}
        {!principal.name.includes(roleLabel(principal.role)) && <span className="wbm-user__role">{roleLabel(principal.role)}</span>}
        {demo && (
          <span className="wbm-user__demo" title="U bent ingelogd in de demomodus met een verzonnen gebruiker">
            Demo<VisuallyHidden>modus</VisuallyHidden>
          </span>
        )}
      </p>
      <Link className="wbm-user__link" to="/account">
        Mijn account
      </Link>
      <button type="button" className="wbm-user__logout" onClick={logout}>
        Uitloggen
      </button>
    </div>
  );
}
