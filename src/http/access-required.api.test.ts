/**
 * Access is asked in every service method a route reaches (issue 9 item 1; ../shared/STYLE.md "Access asked
 * first, in every service method", as Immich's services call `requireAccess`). Every decision lives in
 * src/domain/access.ts; this test counts them: the access module is wrapped (vi.mock) so each of its rules
 * counts a decision, and every method of every service is wrapped so that a call that returns data without a
 * single decision while it ran is reported. Then every case of the authorisation matrix is sent by every role.
 * A service method that forgets to ask access (or takes an optional authorisation callback a route leaves
 * out) fails this test, whatever status the matrix expects. SPEC §7 "nobody sees what is not theirs".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accessLog, recordServiceCalls, type ServiceCallRecord } from '../../test/helpers/access-recorder.ts';
import * as accessModule from '../domain/access.ts';
import { ROUTE_RULES } from './auth.ts';
import { app, EVERYONE, headers, ids, matrix, principals, services, setUpMatrix, tearDownMatrix } from '../../test/helpers/authorization-matrix.ts';

vi.mock('../domain/access.ts', async (importOriginal) => {
  const { recordingAccessModule } = await import('../../test/helpers/access-recorder.ts');
  return recordingAccessModule(await importOriginal<Record<string, unknown>>());
});

/** Wiring, not services. */
const NOT_SERVICES = new Set(['db', 'repositories', 'access', 'mailer']);

/**
 * Service methods that serve no data of anyone's or decide nothing themselves, each with its reason. Everything
 * else must ask access.
 */
const EXEMPT = new Map<string, string>([
  // Sign-in and the session: who the caller is (authentication), before any rule can apply.
  ['auth.signIn', 'authentication'],
  ['auth.signOut', 'authentication'],
  ['auth.sessionPrincipal', 'authentication'],
  ['auth.tokenPrincipal', 'authentication'],
  ['auth.startSessionFor', 'authentication'],
  ['auth.createUser', 'account set-up by the command line and tests, no route'],
  ['auth.ensureDemoUsers', 'demo accounts at start-up, no route'],
  // An invitation link: the one-time token is the key, as a password is for signing in (who may invite: invitations.create).
  ['invitations.preview', 'authentication (the invitation token)'],
  ['invitations.acceptWithPassword', 'authentication (the invitation token)'],
  ['invitations.acceptWithOidc', 'authentication (the invitation token and the identity provider)'],
  // Reference data and maps: public by SPEC §1 ("aggregated open data and maps"), nobody's confidential data.
  ['reference.listProvincies', 'reference data'],
  ['reference.listGemeenten', 'reference data'],
  ['reference.getGemeente', 'reference data'],
  ['reference.listRegions', 'reference data'],
  ['reference.boundaries', 'reference data (maps)'],
  ['realisations.herindelingen', 'reference data (CBS municipal mergers)'],
  ['dashboard.regionsOf', 'reference data (the regions a gemeente belongs to)'],
  // Public aggregates: the disclosure rule (src/domain/disclosure.ts) applies to everyone alike.
  ['publicStats.aggregates', 'public aggregates'],
  ['publicStats.aggregatesGeoJson', 'public aggregates'],
  ['publicStats.gemeenteCounts', 'public aggregates'],
  ['publicStats.quarters', 'open data per gemeente and quarter (public aggregates)'],
  ['publicStats.quartersGeoJson', 'open data per gemeente and quarter (public aggregates)'],
  // The PDF renders the report page through the API with the caller's own credentials; the route asks
  // dashboard.wholeTableDashboard (src/domain/access.ts requireWholeTable) first.
  ['reports.tablePdf', 'renders through the API as the caller'],
  // The planlijst import engine takes the scope its caller decided: planlijstImports.* asks src/domain/access.ts
  // (planlijstImportArea) first; the command line acts as administrator.
  ['planlijstImport.inspect', 'the import engine, called by planlijstImports.inspect after its access decision'],
  ['planlijstImport.preview', 'the import engine, called by planlijstImports.preview after its access decision'],
  ['planlijstImport.apply', 'the import engine, called by planlijstImports.apply after its access decision'],
]);

/** Service methods no request of the matrix reaches, each with its reason. */
const NOT_REACHED = new Map<string, string>([
  ['auth.signOut', 'signing out without a session cookie ends nothing'],
  ['demoSeed.seed', 'the command line (wbm seed)'],
  ['demoSeed.inputs', "the demo generator's input, for the seed and its test; no request"],
  ['cbsImport.importText', 'the command line (wbm import cbs): reference data, no request'],
  ['bagImport.importText', 'the command line (wbm import bag): reference data, no request'],
  ['bagImport.setBagIds', 'the command line (wbm import bag-ids), no request'],
  ['gemeenteList.update', 'the command line (wbm reference update-gemeenten): reference data, no request'],
  ['invitations.acceptWithOidc', 'OpenID Connect is not configured in the matrix (auth.api.test.ts covers it with a fake provider)'],
  ['retention.prune', 'the server timer and the command line (wbm people prune): removes what is past its retention period, no request'],
  ['reports.tablePdf', 'under inject the server does not listen: the route answers 503 after dashboard.wholeTableDashboard decided'],
  ['planlijstImport.parseMapping', 'a pure check of a mapping file, for the command line (wbm import planlijst --mapping)'],
  [
    'rounds.closeQuarterAsItStood',
    'the demo seed fills in its closed quarter (wbm seed --demo, npm start); it asks assertRunsRound as opening a round does (round-history.service.test.ts)',
  ],
]);

let record: ServiceCallRecord;

beforeAll(() =>
  setUpMatrix({
    beforeApp: (s) => {
      record = recordServiceCalls(s as unknown as Record<string, unknown>, NOT_SERVICES, new Set(EXEMPT.keys()));
    },
  }),
);
afterAll(() => tearDownMatrix());

describe('access is asked in every service method a route reaches (issue 9 item 1)', () => {
  it('the recorder sees decisions: the access module is wrapped', async () => {
    const before = accessLog.decisions;
    await app.inject({ url: `/api/v1/projects/${ids.own}`, headers: headers.gemeente_editor });
    expect(accessLog.decisions).toBeGreaterThan(before);
  });

  // One test per matrix case (as in the matrix), each sent by every role; then the whole record is checked.
  const cases = Object.entries(matrix()).flatMap(([route, list]) => list.map((c) => ({ route, c })));
  it.each(cases.map(({ route, c }) => [`${route} ${c.name}`.trim(), route, c] as const))(
    '%s: access asked by every service method it reaches',
    async (_label, route, c) => {
      const before = new Map(record.unchecked);
      for (const who of EVERYONE) {
        if (route === 'DELETE /api/v1/auth/tokens/:id') {
          ids.tokenOwner = who === 'publiek' ? '' : (await services.auth.createApiToken(principals[who], 'x')).id;
        }
        const request = await c.request(who);
        await app.inject({ ...request, headers: { ...headers[who], ...(request.headers ?? {}) } });
      }
      // Service methods that returned data without a decision during this case.
      expect([...record.unchecked].filter(([key, n]) => (before.get(key) ?? 0) < n).map(([key]) => key)).toEqual([]);
    },
  );

  it('no service method returned data without asking access, in any case or set-up', () => {
    expect(Object.fromEntries(record.unchecked)).toEqual({});
    // And the matrix did reach the services: at least the project, round, dashboard, national and target methods.
    for (const key of [
      'projects.get',
      'projects.update',
      'rounds.getRound',
      'dashboard.regionDashboard',
      'national.plancapaciteit',
      'targets.create',
      'forecast.forecast',
    ]) {
      expect(record.called.has(key), key).toBe(true);
    }
  });

  it('every service method is reached by the matrix, or named here as reached by no request of it', () => {
    const all = Object.entries(services as unknown as Record<string, unknown>)
      .filter(([name, s]) => !NOT_SERVICES.has(name) && s !== null && typeof s === 'object')
      .flatMap(([name, s]) =>
        Object.entries(s as Record<string, unknown>)
          .filter(([, v]) => typeof v === 'function')
          .map(([m]) => `${name}.${m}`),
      );
    // A new service method must be reached by the matrix (and so checked above), or be named in NOT_REACHED with why.
    expect(all.filter((k) => !record.called.has(k)).sort()).toEqual([...NOT_REACHED.keys()].sort());
  });

  it('the exemptions are all still reached (a stale entry hides nothing)', () => {
    const unused = [...EXEMPT.keys()].filter(
      (k) => !record.called.has(k) && !NOT_REACHED.has(k) && !['auth.createUser', 'auth.ensureDemoUsers'].includes(k),
    );
    expect(unused).toEqual([]);
  });
});

describe('no authorisation decision outside src/domain/access.ts (issue 9 item 1, Done when)', () => {
  const SRC = join(import.meta.dirname, '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
    });
  const files = sources(SRC)
    .map((f) => relative(SRC, f))
    .filter((f) => f !== 'domain/access.ts');
  /** Where each pattern may still appear, and why. */
  const ALLOWED: Record<string, Record<string, string>> = {
    'new ForbiddenError(': { 'http/auth.ts': 'CSRF check: whether the request comes from this site, not who may do what' },
    'a role compared': {
      'services/auth/auth.service.ts': 'setting up the demo accounts: the demo scope each role gets, and finding the demo account of a role',
    },
    'a list of roles': {},
  };
  const PATTERNS: Record<string, RegExp> = {
    'new ForbiddenError(': /new ForbiddenError\(/,
    'a role compared':
      /\brole\s*[!=]==|[!=]==\s*'(beheerder|ministerie_analist|provincie_analist|gemeente_editor|marktpartij_editor|tafel_secretaris)'/,
    'a list of roles': /\[\s*'(beheerder|ministerie_analist|provincie_analist|gemeente_editor|marktpartij_editor|tafel_secretaris)'/,
  };

  it.each(Object.entries(PATTERNS))('%s appears only in access.ts (and where named with a reason)', (pattern, regex) => {
    const found = files.filter((f) => regex.test(readFileSync(join(SRC, f), 'utf8')));
    const allowed = ALLOWED[pattern] ?? {};
    expect(found.filter((f) => !(f in allowed))).toEqual([]);
  });

  it('route gates use only role groups exported by access.ts', () => {
    const groups: readonly unknown[] = [
      accessModule.REGION_SETUP_ROLES,
      accessModule.REGION_MEMBER_ROLES,
      accessModule.NATIONAL_ROLES,
      accessModule.TARGET_EDITOR_ROLES,
      accessModule.ADMIN_ROLES,
      accessModule.PARTY_ROLES,
      accessModule.ORGANISATION_REGISTRAR_ROLES,
      accessModule.PEOPLE_MANAGER_ROLES,
      accessModule.OPEN_BOOK_READER_ROLES,
      accessModule.PLANLIJST_IMPORT_ROLES,
      accessModule.SUBSIDY_APPLICANT_ROLES,
      accessModule.SUBSIDY_FILER_ROLES,
      accessModule.INSTRUMENT_ROLES,
    ];
    const gated = ROUTE_RULES.filter((r) => Array.isArray(r.access));
    expect(gated.length).toBeGreaterThan(4);
    expect(gated.filter((r) => !groups.includes(r.access)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });
});
