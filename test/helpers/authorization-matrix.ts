/**
 * The authorisation matrix's world (SPEC §1 users, §7): every API endpoint with a request per case and the
 * roles allowed, plus the accounts, projects and round the requests use. Shared by the matrix
 * (src/http/authorization.matrix.test.ts) and the mandatory-access test (src/http/access-required.api.test.ts).
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { accountWithToken, TEST_AUTH_OPTIONS } from './auth.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import type { Principal, Role } from '../../src/domain/access.ts';
import { gemeenteOrganisationId } from '../../src/domain/identifiers.ts';
import { nextKwartaal, quarterOf, type Kwartaal } from '../../src/domain/kwartaal.ts';
import { todayInNetherlands } from '../../src/services/today.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { buildApp } from '../../src/http/app.ts';

export type Who = 'publiek' | Exclude<Role, 'publiek'>;
export const EVERYONE: Who[] = [
  'publiek',
  'gemeente_editor',
  'marktpartij_editor',
  'tafel_secretaris',
  'provincie_analist',
  'ministerie_analist',
  'beheerder',
];
export const SIGNED_IN = EVERYONE.filter((w) => w !== 'publiek');
export const NATIONAL: Who[] = ['ministerie_analist', 'beheerder'];

export let t: TestDb;
export let app: FastifyInstance;
export let services: Services;
export const headers = {} as Record<Who, Record<string, string>>;
export const PARTY = '33333333-3333-4333-8333-333333333333';
export const ids = { own: '', foreign: '', round: '', closedRound: '', tokenOwner: '', matrixUser: '' };
export const principals = {} as Record<Exclude<Who, 'publiek'>, Principal>;
const PASSWORD = 'een lang genoeg wachtwoord';

export const admin = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...headers.beheerder, ...(opts.headers ?? {}) } });

function fixture(name: string, gemeenteCode: string) {
  return {
    name,
    gemeenteCode,
    planStatus: 'vastgesteld',
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 50 }],
    milestones: [
      { code: 'M06', baselineDate: '2027-01-01', forecastDate: '2027-01-01' },
      { code: 'M11', baselineDate: '2028-01-01', forecastDate: '2028-01-01' },
      { code: 'M12', baselineDate: '2030-01-01', forecastDate: '2030-01-01' },
    ],
    parties: [
      { organisationId: gemeenteOrganisationId(gemeenteCode), role: 'bevoegd_gezag' },
      ...(gemeenteCode === 'GM0363' ? [{ organisationId: PARTY, role: 'ontwikkelaar' }] : []),
    ],
  };
}

async function createProject(gemeenteCode: string): Promise<string> {
  const res = await admin({ method: 'POST', url: '/api/v1/projects', payload: fixture(`Matrix ${gemeenteCode} ${Math.random()}`, gemeenteCode) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** Confirm the own project: a party for its own side, others on the gemeente's behalf with a reason. */
const confirmPayload = (who: Who) =>
  who === 'tafel_secretaris' || who === 'beheerder'
    ? { projectIds: [ids.own], organisationId: gemeenteOrganisationId('GM0363'), reason: 'Namens de gemeente vastgelegd (matrix)' }
    : { projectIds: [ids.own] };
export const version = async (id: string) => (await admin({ url: `/api/v1/projects/${id}` })).json().version as number;
let day = 1;
const nextDay = (yearMonth: string) => `${yearMonth}-${String((day++ % 27) + 1).padStart(2, '0')}`;
async function newKnelpunt(projectId: string): Promise<string> {
  const res = await admin({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/knelpunten`,
    payload: { category: 'stikstof', description: 'Matrix', raisedDate: '2026-01-01' },
  });
  return res.json().id;
}
/** Make sure the table has no open round and return the next quarter to open. */
async function nextQuarterOf(regionId: string): Promise<Kwartaal> {
  const rounds = (await admin({ url: `/api/v1/regions/${regionId}/rounds` })).json().items as Array<{
    id: string;
    quarter: Kwartaal;
    status: string;
  }>;
  for (const r of rounds.filter((x) => x.status !== 'gesloten')) await admin({ method: 'POST', url: `/api/v1/rounds/${r.id}/close` });
  const latest = rounds
    .map((r) => r.quarter)
    .sort()
    .at(-1);
  return latest ? nextKwartaal(latest) : '2030-Q1';
}
export const provinceTarget = () => ({
  geoLevel: 'provincie',
  geoCode: 'PV27',
  geoName: 'Noord-Holland',
  periodStart: 2036,
  periodEnd: 2036 + (day++ % 20),
  homes: 1000,
  kind: 'matrix',
  sourceUrl: 'https://example.org/matrix',
});
/** A KvK number not registered yet in the matrix world (8 digits). */
let kvk = 0;
const freshKvk = () => String(90_000_000 + kvk++);
/** Two fresh market parties registered by the administrator (a merge pair). */
type Org = { id: string; version: number };
const registerMatrixParty = async (x: string): Promise<Org> =>
  (await admin({ method: 'POST', url: '/api/v1/organisations', payload: { name: `Matrix ${x} ${day++}`, type: 'bouwer' } })).json();
const twoOrganisations = async (): Promise<[Org, Org]> => [await registerMatrixParty('A'), await registerMatrixParty('B')];
/** Coverage changes start in the current quarter at the latest (src/domain/region.ts). */
const CURRENT_QUARTER = quarterOf(todayInNetherlands());
/** A fresh woondeal region in Noord-Holland made by the administrator (issue 11 item 1). */
const freshRegion = async (): Promise<{ id: string; version: number }> =>
  (
    await admin({
      method: 'POST',
      url: '/api/v1/regions',
      payload: { kind: 'woondealregio', name: `Matrix regio ${day++}`, gemeenteCodes: ['GM0361'], fromQuarter: CURRENT_QUARTER },
    })
  ).json();
/** A fresh market party registered by the administrator. */
const freshMarketParty = async (): Promise<string> =>
  (await admin({ method: 'POST', url: '/api/v1/organisations', payload: { name: `Matrix deelnemer ${day++}`, type: 'bouwer' } })).json().id;
const deadlineOf = (q: Kwartaal) => `${q.slice(0, 4)}-${String(Number(q.slice(-1)) * 3).padStart(2, '0')}-15`;

/** The browser session each role uses for the endpoints an API token may not use (made once per role). */
const browserSessions = new Map<Who, Record<string, string>>();

/** A new browser session of `who` (none for the public): its cookie token, CSRF token and id. */
async function newSession(who: Exclude<Who, 'publiek'>) {
  const user = await services.repositories.accounts.userById(t.db, principals[who].userId!);
  return services.auth.startSessionFor(user!, 'password', 'Matrix/1.0');
}

/**
 * Headers that sign `who` in with a browser session instead of its API token (the empty Authorization header
 * replaces the token: the session cookie then decides), with the session's CSRF token.
 */
export async function sessionHeaders(who: Who): Promise<Record<string, string>> {
  if (who === 'publiek') return {};
  const known = browserSessions.get(who);
  if (known) return known;
  const s = await newSession(who);
  const made = { authorization: '', cookie: `wbm_session=${s.token}`, 'x-csrf-token': s.csrfToken };
  browserSessions.set(who, made);
  return made;
}

/**
 * A new account without a password for a request that changes one: a ministry analyst (outside every table and
 * province: administrators only), or a project leader of GM0363 (in the matrix's table and province).
 */
async function freshAccount(inArea = false): Promise<string> {
  const made = await services.auth.createUser({
    email: `matrix-${crypto.randomUUID()}@example.invalid`,
    name: 'Matrix persoon',
    password: null,
    role: inArea ? 'gemeente_editor' : 'ministerie_analist',
    organisationId: null,
    gemeenteCode: inArea ? 'GM0363' : null,
    regionId: null,
    provincieCode: null,
  });
  return made.userId!;
}

/** An invitation by the administrator for a project leader of this gemeente: its id and the token of its link (mail is not set up here). */
async function freshInvitation(gemeenteCode = 'GM0363'): Promise<{ id: string; token: string }> {
  const made = await services.invitations.create(
    principals.beheerder,
    { email: `matrix-${crypto.randomUUID()}@example.invalid`, name: 'Matrix genodigde', role: 'gemeente_editor', gemeenteCode },
    'system',
    'http://localhost',
  );
  return { id: made.invitation.id, token: made.link!.split('/').at(-1)! };
}

/** Who manages people within the matrix's table and province (access.ts PEOPLE_MANAGER_ROLES). */
const PEOPLE: Who[] = ['tafel_secretaris', 'provincie_analist', 'beheerder'];
const PEOPLE_IN_AREA: Who[] = ['tafel_secretaris', 'provincie_analist'];

/** The id of a fresh extra session of `who`, to end (a made-up id for the public). */
const extraSessionId = async (who: Who) => (who === 'publiek' ? crypto.randomUUID() : (await newSession(who)).sessionId);

export interface Case {
  name: string;
  /** The request, for the role that sends it (most cases ignore the role). */
  request: (who: Who) => Promise<InjectOptions>;
  allowed: readonly Who[];
  /** Denials must be 404 (not 403) for these principals: they may not know the resource exists. */
  hidden?: readonly Who[];
  /** Expected status for everyone when the feature is not configured (e.g. OIDC). */
  everyone?: number;
  /** The status an allowed caller gets, when not 2xx (see the PDF report). */
  allowedStatus?: number;
}

/** Who reads the open book of the own project (GM0363, with PARTY as developer, in the table of the secretary). */
const OPEN_BOOK_READERS: Who[] = ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris'];
const OPEN_BOOK = { totalCostsEuros: 12_500_000, totalRevenuesEuros: 9_000_000, publicContributionsEuros: 2_000_000, peildatum: '2026-10-01' };
/** The figures with the open book's current version (read by the gemeente, a party: administrators may not read it). */
async function openBookPayload(projectId: string) {
  const res = await app.inject({ url: `/api/v1/projects/${projectId}/open-book`, headers: headers.gemeente_editor });
  return { version: res.statusCode === 200 ? (res.json().version as number) : 0, ...OPEN_BOOK };
}

/** Who applies for and reads the Woningbouwimpuls and Gebiedsbudget (access.ts SUBSIDY_APPLICANT_ROLES): the gemeente (its own) and the ministry. */
const SUBSIDY: Who[] = ['gemeente_editor', ...NATIONAL];
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** A fresh Wbi tranche by the administrator: open now, or with its window in the past (to rank and allocate). */
async function wbiTranche(open: boolean): Promise<string> {
  const window = open
    ? { windowOpens: isoDay(-2), windowCloses: isoDay(30), awardDate: isoDay(60) }
    : { windowOpens: '2026-01-01', windowCloses: '2026-01-31', awardDate: '2026-03-01' };
  const res = await admin({
    method: 'POST',
    url: '/api/v1/woningbouwimpuls/tranches',
    payload: { name: `Matrix tranche ${day++}`, budgetEuros: 1_000_000, ...window },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const WBI_APPLICATION = {
  homes: 400,
  affordableHomes: 260,
  publicInvestmentsEuros: 30_000_000,
  kostenverhaalEuros: 8_000_000,
  grondverkoopEuros: 10_000_000,
  otherNationalContributionsEuros: 0,
  requestedEuros: 500_000,
  cofinancingEuros: 500_000,
  activities: ['bodemsanering' as const],
  otherActivities: '',
  firstStartDate: '2028-06-01',
  lastStartDate: '2033-01-01',
  necessaryForWoondeal: true,
  bottleneck: 'Matrix knelpunt',
  realisatiestimulansInsufficient: true,
  parallelPlannen: true,
  versnellingstafelWithPpm: true,
  openBooks: true,
  explanation: 'Matrix',
};
/** The matrix's Wbi world: an open and a closed tranche, an application of the own gemeente (GM0363) and one of GM0014. */
const wbi = { open: '', closed: '', own: '', foreign: '' };
async function wbiWorld(): Promise<typeof wbi> {
  if (wbi.own) return wbi;
  wbi.open = await wbiTranche(true);
  wbi.closed = await wbiTranche(false);
  const actor = (gemeenteCode: string) => ({ principal: { ...principals.gemeente_editor, gemeenteCode }, via: 'api' as const });
  wbi.own = (await services.woningbouwimpuls.fileApplication(wbi.open, ids.own, WBI_APPLICATION, actor('GM0363'))).id;
  wbi.foreign = (await services.woningbouwimpuls.fileApplication(wbi.open, ids.foreign, WBI_APPLICATION, actor('GM0014'))).id;
  return wbi;
}
const wbiVersion = async (id: string) =>
  (await admin({ url: `/api/v1/woningbouwimpuls/applications/${id}` })).json() as { version: number; scores: { version: number } | null };
const GEBIEDSBUDGET_REQUEST = {
  areaCode: 'haven-stad',
  title: 'Matrix gebied',
  homes: 9000,
  affordableHomes: 6000,
  lastHomesYear: 2034,
  homesBefore2030: 3000,
  parallelPlannen: true,
  versnellingstafelWithPpm: true,
  openBooks: true,
  positiveMkba: true,
  measures: ['openbare_ruimte'],
  totalInvestmentEuros: 10_000_000,
  regionReservedEuros: 5_000_000,
  requestedEuros: 5_000_000,
};

const CAN_READ_OWN: Who[] = ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris', 'provincie_analist', ...NATIONAL];
const CANNOT_READ_FOREIGN: Who[] = ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris', 'provincie_analist'];

/** A proposal for an alternative by a gemeente of the table: next year, a few homes (issue 12 item 6). */
const proposalPayload = () => ({
  kind: 'alternatief_project' as const,
  projectId: null,
  title: `Matrix alternatief ${day++}`,
  description: null,
  homes: 10,
  year: Number(todayInNetherlands().slice(0, 4)) + 1,
});

/** Who reads the Realisatiestimulans (src/domain/access.ts INSTRUMENT_ROLES). */
const RS_READERS: Who[] = ['gemeente_editor', 'provincie_analist', ...NATIONAL];
/** Who imports a planlijst (src/domain/access.ts PLANLIJST_IMPORT_ROLES). */
const IMPORTERS: Who[] = ['gemeente_editor', 'provincie_analist', 'tafel_secretaris', ...NATIONAL];
const PLANLIJST_MAPPING = {
  source: 'matrix',
  fields: { externalId: 'Plan-id', name: 'Plannaam', gemeenteCode: 'Gemeentecode', homesTotal: 'Aantal woningen' },
};
const planlijstFile = () => ({
  fileName: 'matrix.csv',
  content: Buffer.from('Plan-id;Plannaam;Gemeentecode;Aantal woningen\r\nM-1;Matrixplan;GM0363;12\r\n').toString('base64'),
});

/** Cases per route (METHOD url as registered). */
export function matrix(): Record<string, Case[]> {
  const own = () => ids.own;
  const foreign = () => ids.foreign;
  const projectRead = (path: string): Case[] => [
    { name: 'own', request: async () => ({ url: `/api/v1/projects/${own()}${path}` }), allowed: CAN_READ_OWN },
    { name: 'foreign', request: async () => ({ url: `/api/v1/projects/${foreign()}${path}` }), allowed: NATIONAL, hidden: CANNOT_READ_FOREIGN },
  ];
  const projectEdit = (method: 'PATCH' | 'PUT', path: string, payload: () => object, allowedOwn: Who[]): Case[] => [
    {
      name: 'own',
      request: async () => ({ method, url: `/api/v1/projects/${own()}${path}`, payload: { version: await version(own()), ...payload() } }),
      allowed: allowedOwn,
    },
    {
      name: 'foreign',
      request: async () => ({ method, url: `/api/v1/projects/${foreign()}${path}`, payload: { version: await version(foreign()), ...payload() } }),
      allowed: ['beheerder'],
      hidden: CANNOT_READ_FOREIGN,
    },
  ];
  /** Withdraw, reinstate, merge: the gemeente of its own projects and an administrator; others' projects stay hidden. */
  const lifecycleCases = (request: (gemeente: string) => Promise<InjectOptions>): Case[] => [
    { name: 'own', request: async () => request('GM0363'), allowed: ['gemeente_editor', 'beheerder'] },
    { name: 'foreign', request: async () => request('GM0014'), allowed: ['beheerder'], hidden: CANNOT_READ_FOREIGN },
  ];
  const milestones = (m11: string) => [
    { code: 'M06', baselineDate: '2027-01-01', forecastDate: '2027-01-01' },
    { code: 'M11', baselineDate: '2028-01-01', forecastDate: m11 },
    { code: 'M12', baselineDate: '2030-01-01', forecastDate: '2030-01-01' },
  ];
  const table = 'vt-amsterdam-e-o';
  /** The Tafeloverzicht and its map: the table's own gemeenten and market parties get the member view (issue 8 item 24). */
  const tableViewCases = (suffix: string): Case[] => [
    {
      name: 'own table',
      request: async () => ({ url: `/api/v1/regions/${table}/${suffix}` }),
      allowed: ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris', 'provincie_analist', ...NATIONAL],
    },
    // An area (not a table) has no members: the market party in an Amsterdam project does not get the gemeente's or province's figures.
    {
      name: 'own gemeente',
      request: async () => ({ url: `/api/v1/regions/gemeente:GM0363/${suffix}` }),
      allowed: ['gemeente_editor', 'provincie_analist', ...NATIONAL],
    },
    {
      name: 'own province',
      request: async () => ({ url: `/api/v1/regions/provincie:PV27/${suffix}` }),
      allowed: ['provincie_analist', ...NATIONAL],
    },
    { name: 'other table', request: async () => ({ url: `/api/v1/regions/vt-u10/${suffix}` }), allowed: NATIONAL },
  ];
  const dashboardCases = (suffix: string): Case[] => [
    {
      name: 'own table',
      request: async () => ({ url: `/api/v1/regions/${table}/${suffix}` }),
      allowed: ['tafel_secretaris', 'provincie_analist', ...NATIONAL],
    },
    {
      name: 'own gemeente',
      request: async () => ({ url: `/api/v1/regions/gemeente:GM0363/${suffix}` }),
      allowed: ['gemeente_editor', 'provincie_analist', ...NATIONAL],
    },
    { name: 'other table', request: async () => ({ url: `/api/v1/regions/vt-u10/${suffix}` }), allowed: NATIONAL },
  ];
  return {
    'GET /api/v1/health': [{ name: '', request: async () => ({ url: '/api/v1/health' }), allowed: EVERYONE }],
    'GET /api/v1/auth/me': [{ name: '', request: async () => ({ url: '/api/v1/auth/me' }), allowed: EVERYONE }],
    'POST /api/v1/auth/login': [
      {
        name: '',
        request: async () => ({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'matrix@example.invalid', password: PASSWORD } }),
        allowed: EVERYONE,
      },
    ],
    'POST /api/v1/auth/demo': [
      { name: '', request: async () => ({ method: 'POST', url: '/api/v1/auth/demo', payload: { role: 'tafel_secretaris' } }), allowed: EVERYONE },
    ],
    'POST /api/v1/auth/logout': [{ name: '', request: async () => ({ method: 'POST', url: '/api/v1/auth/logout' }), allowed: EVERYONE }],
    // Every caller here uses an API token: a token may not create tokens (issue 8 item 10); a browser session may (auth.api.test.ts).
    'POST /api/v1/auth/tokens': [
      { name: 'with an API token', request: async () => ({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'matrix' } }), allowed: [] },
    ],
    'GET /api/v1/auth/tokens': [{ name: 'own tokens', request: async () => ({ url: '/api/v1/auth/tokens' }), allowed: SIGNED_IN }],
    'GET /api/v1/users/:userId/tokens': [
      { name: "another account's tokens", request: async () => ({ url: `/api/v1/users/${ids.matrixUser}/tokens` }), allowed: ['beheerder'] },
    ],
    // People management (issue 11 items 3 and 5): administrators everyone; a table secretary and a province analyst the people of
    // their area (a project leader of GM0363), someone outside it answers as unknown. Each request changes a fresh account of its own.
    'GET /api/v1/users': [{ name: 'accounts within reach', request: async () => ({ url: '/api/v1/users' }), allowed: PEOPLE }],
    'PATCH /api/v1/users/:userId': [
      {
        name: "another person's role and scope",
        request: async () => ({
          method: 'PATCH',
          url: `/api/v1/users/${await freshAccount()}`,
          payload: { version: 1, role: 'provincie_analist', provincieCode: 'PV27' },
        }),
        allowed: ['beheerder'],
        hidden: PEOPLE_IN_AREA,
      },
      {
        name: 'a project leader of the own table',
        request: async () => ({
          method: 'PATCH',
          url: `/api/v1/users/${await freshAccount(true)}`,
          payload: { version: 1, role: 'gemeente_editor', gemeenteCode: 'GM0363' },
        }),
        allowed: PEOPLE,
      },
    ],
    // Removing a person's data when they leave (issue 11 item 3): administrators only (access.ts canPseudonymiseUsers).
    'POST /api/v1/users/:userId/pseudonymise': [
      {
        name: 'a deactivated account',
        request: async () => {
          const id = await freshAccount();
          await admin({ method: 'POST', url: `/api/v1/users/${id}/deactivate` });
          return { method: 'POST', url: `/api/v1/users/${id}/pseudonymise` };
        },
        allowed: ['beheerder'],
      },
    ],
    'POST /api/v1/users/:userId/deactivate': [
      {
        name: 'another person',
        request: async () => ({ method: 'POST', url: `/api/v1/users/${await freshAccount()}/deactivate` }),
        allowed: ['beheerder'],
        hidden: PEOPLE_IN_AREA,
      },
      {
        name: 'a project leader of the own table',
        request: async () => ({ method: 'POST', url: `/api/v1/users/${await freshAccount(true)}/deactivate` }),
        allowed: PEOPLE,
      },
      {
        // Nobody deactivates their own account: 422 with the reason; everyone else 401/403 as above.
        name: 'own account',
        request: async (who) => ({
          method: 'POST',
          url: `/api/v1/users/${who === 'publiek' ? crypto.randomUUID() : principals[who].userId}/deactivate`,
        }),
        allowed: PEOPLE,
        allowedStatus: 422,
      },
    ],
    'POST /api/v1/users/:userId/reactivate': [
      {
        name: 'another person',
        request: async () => {
          const id = await freshAccount();
          await services.users.deactivate(principals.beheerder, id, 'system');
          return { method: 'POST', url: `/api/v1/users/${id}/reactivate` };
        },
        allowed: ['beheerder'],
        hidden: PEOPLE_IN_AREA,
      },
    ],
    // Invitations (issue 11 item 3): the same people rule decides which role and scope each may invite to.
    'POST /api/v1/invitations': [
      {
        name: 'a project leader of the own table',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: `matrix-${crypto.randomUUID()}@example.invalid`, name: 'Nieuw', role: 'gemeente_editor', gemeenteCode: 'GM0363' },
        }),
        allowed: PEOPLE,
      },
      {
        name: 'a project leader elsewhere (Groningen)',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: `matrix-${crypto.randomUUID()}@example.invalid`, name: 'Nieuw', role: 'gemeente_editor', gemeenteCode: 'GM0014' },
        }),
        allowed: ['beheerder'],
      },
    ],
    'GET /api/v1/invitations': [{ name: 'open invitations within reach', request: async () => ({ url: '/api/v1/invitations' }), allowed: PEOPLE }],
    'GET /api/v1/invitations/choices': [
      { name: 'roles and scopes within reach', request: async () => ({ url: '/api/v1/invitations/choices' }), allowed: PEOPLE },
    ],
    'POST /api/v1/invitations/:invitationId/revoke': [
      {
        name: 'own table',
        request: async () => ({ method: 'POST', url: `/api/v1/invitations/${(await freshInvitation()).id}/revoke` }),
        allowed: PEOPLE,
      },
      {
        name: 'elsewhere',
        request: async () => ({ method: 'POST', url: `/api/v1/invitations/${(await freshInvitation('GM0014')).id}/revoke` }),
        allowed: ['beheerder'],
        hidden: PEOPLE_IN_AREA,
      },
    ],
    // Opening and accepting a link needs no account: the token is the key (like signing in).
    'GET /api/v1/auth/invitations/:token': [
      { name: 'a working link', request: async () => ({ url: `/api/v1/auth/invitations/${(await freshInvitation()).token}` }), allowed: EVERYONE },
    ],
    'POST /api/v1/auth/invitations/:token/accept': [
      {
        name: 'a working link',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/auth/invitations/${(await freshInvitation()).token}/accept`,
          payload: { password: PASSWORD },
        }),
        allowed: EVERYONE,
      },
    ],
    'DELETE /api/v1/auth/tokens/:id': [
      {
        name: 'own token',
        // Each caller gets a token of its own and revokes it; the public has none, so it tries a made-up id.
        request: async () => ({ method: 'DELETE', url: `/api/v1/auth/tokens/${ids.tokenOwner || crypto.randomUUID()}` }),
        allowed: SIGNED_IN,
      },
    ],
    // Sessions are managed in the browser only: with an API token 403 for everyone (as for creating tokens).
    'GET /api/v1/auth/sessions': [
      { name: 'with an API token', request: async () => ({ url: '/api/v1/auth/sessions' }), allowed: [] },
      {
        name: 'own, with a browser session',
        request: async (who) => ({ url: '/api/v1/auth/sessions', headers: await sessionHeaders(who) }),
        allowed: SIGNED_IN,
      },
    ],
    'DELETE /api/v1/auth/sessions/:id': [
      {
        name: 'own, with an API token',
        request: async (who) => ({ method: 'DELETE', url: `/api/v1/auth/sessions/${await extraSessionId(who)}` }),
        allowed: [],
      },
      {
        name: 'own, with a browser session',
        request: async (who) => ({ method: 'DELETE', url: `/api/v1/auth/sessions/${await extraSessionId(who)}`, headers: await sessionHeaders(who) }),
        allowed: SIGNED_IN,
      },
      {
        // Someone else's session answers as an unknown one, to everyone (an administrator too).
        name: "another person's session",
        request: async (who) => ({
          method: 'DELETE',
          url: `/api/v1/auth/sessions/${await extraSessionId(who === 'beheerder' ? 'ministerie_analist' : 'beheerder')}`,
          headers: await sessionHeaders(who),
        }),
        allowed: [],
        hidden: SIGNED_IN,
      },
    ],
    'GET /api/v1/auth/oidc/login': [
      { name: 'not configured', request: async () => ({ url: '/api/v1/auth/oidc/login' }), allowed: [], everyone: 404 },
    ],
    'GET /api/v1/auth/oidc/callback': [
      { name: 'not configured', request: async () => ({ url: '/api/v1/auth/oidc/callback' }), allowed: [], everyone: 404 },
    ],
    // In demo mode the public lists the synthetic demo projects only (checked below); real ones need an account.
    'GET /api/v1/projects': [{ name: '', request: async () => ({ url: '/api/v1/projects' }), allowed: EVERYONE }],
    'POST /api/v1/projects': [
      {
        name: 'own gemeente',
        request: async () => ({ method: 'POST', url: '/api/v1/projects', payload: fixture('Nieuw', 'GM0363') }),
        allowed: ['gemeente_editor', 'beheerder'],
      },
      {
        name: 'other gemeente',
        request: async () => ({ method: 'POST', url: '/api/v1/projects', payload: fixture('Nieuw', 'GM0014') }),
        allowed: ['beheerder'],
      },
    ],
    // Demo mode (this app): the public reads demo projects, and a real one answers 404 exactly like an unknown id (issue 8 item 15).
    'GET /api/v1/projects/:id': projectRead('').map((c) => ({ ...c, hidden: [...(c.hidden ?? []), 'publiek' as const] })),
    'PATCH /api/v1/projects/:id': projectEdit('PATCH', '', () => ({ name: `Matrix ${day++}` }), ['gemeente_editor', 'beheerder']),
    'DELETE /api/v1/projects/:id': [
      {
        name: 'own',
        request: async () => {
          const id = await createProject('GM0363');
          return { method: 'DELETE', url: `/api/v1/projects/${id}?version=1` };
        },
        allowed: ['gemeente_editor', 'beheerder'],
      },
      {
        name: 'foreign',
        request: async () => {
          const id = await createProject('GM0014');
          return { method: 'DELETE', url: `/api/v1/projects/${id}?version=1` };
        },
        allowed: ['beheerder'],
        hidden: CANNOT_READ_FOREIGN,
      },
    ],
    // Ending a plan (issue 12 item 2): whoever may change the project; each case on fresh projects (the act changes their state).
    'POST /api/v1/projects/:id/withdraw': lifecycleCases(async (gemeente) => {
      const id = await createProject(gemeente);
      return { method: 'POST', url: `/api/v1/projects/${id}/withdraw`, payload: { version: 1, reason: 'Vervalt (matrix)', date: '2026-01-15' } };
    }),
    'POST /api/v1/projects/:id/reinstate': lifecycleCases(async (gemeente) => {
      const id = await createProject(gemeente);
      const res = await admin({
        method: 'POST',
        url: `/api/v1/projects/${id}/withdraw`,
        payload: { version: 1, reason: 'Vervalt', date: '2026-01-15' },
      });
      expect(res.statusCode, res.body).toBe(200);
      return { method: 'POST', url: `/api/v1/projects/${id}/reinstate`, payload: { version: 2, reason: 'Gaat toch door (matrix)' } };
    }),
    'GET /api/v1/projects/:id/merge-preview': lifecycleCases(async (gemeente) => {
      const [id, into] = [await createProject(gemeente), await createProject(gemeente)];
      return { url: `/api/v1/projects/${id}/merge-preview?into=${into}` };
    }),
    'POST /api/v1/projects/:id/merge': lifecycleCases(async (gemeente) => {
      const [id, into] = [await createProject(gemeente), await createProject(gemeente)];
      return { method: 'POST', url: `/api/v1/projects/${id}/merge`, payload: { version: 1, intoProjectId: into, intoVersion: 1 } };
    }),
    'GET /api/v1/projects/:id/milestones': projectRead('/milestones'),
    'PUT /api/v1/projects/:id/milestones': projectEdit('PUT', '/milestones', () => ({ items: milestones(nextDay('2028-02')) }), [
      'marktpartij_editor',
      'beheerder',
    ]),
    'GET /api/v1/projects/:id/programme': projectRead('/programme'),
    'PUT /api/v1/projects/:id/programme': projectEdit(
      'PUT',
      '/programme',
      () => ({ items: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 + (day++ % 20) }] }),
      ['gemeente_editor', 'beheerder'],
    ),
    'GET /api/v1/projects/:id/jaarschijven': projectRead('/jaarschijven'),
    'PUT /api/v1/projects/:id/jaarschijven': projectEdit(
      'PUT',
      '/jaarschijven',
      () => ({ items: [{ year: 2030, segment: 'sociale_huur', homes: day++ % 50 }] }),
      ['gemeente_editor', 'beheerder'],
    ),
    'GET /api/v1/projects/:id/parties': projectRead('/parties'),
    'PUT /api/v1/projects/:id/parties': [
      {
        name: 'own',
        request: async () => {
          const current = (await admin({ url: `/api/v1/projects/${own()}/parties` })).json() as Array<{ role: string }>;
          const extra = current.some((p) => p.role === 'bouwer') ? [] : [{ organisationId: PARTY, role: 'bouwer' }];
          const items = [
            { organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' },
            { organisationId: PARTY, role: 'ontwikkelaar' },
            ...extra,
          ];
          return { method: 'PUT', url: `/api/v1/projects/${own()}/parties`, payload: { version: await version(own()), items } };
        },
        allowed: ['gemeente_editor', 'beheerder'],
      },
    ],
    'PATCH /api/v1/projects/:id/milestones/:code': [
      ...projectEdit('PATCH', '/milestones/M11', () => ({ forecastDate: nextDay('2028-03') }), ['marktpartij_editor', 'beheerder']).map((c) => ({
        ...c,
        name: `${c.name} private M11`,
      })),
      ...projectEdit('PATCH', '/milestones/M06', () => ({ forecastDate: nextDay('2027-02') }), ['gemeente_editor', 'beheerder']).map((c) => ({
        ...c,
        name: `${c.name} public M06`,
      })),
    ],
    'POST /api/v1/projects/:id/rebaseline': [
      {
        name: 'own',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/projects/${own()}/rebaseline`,
          payload: {
            version: await version(own()),
            reason: 'Besloten aan de tafel na vertraging',
            milestones: [{ code: 'M12', baselineDate: nextDay('2030-03') }],
          },
        }),
        allowed: ['tafel_secretaris', 'beheerder'],
      },
      {
        name: 'foreign',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/projects/${foreign()}/rebaseline`,
          payload: {
            version: await version(foreign()),
            reason: 'Besloten aan de tafel na vertraging',
            milestones: [{ code: 'M12', baselineDate: nextDay('2030-03') }],
          },
        }),
        allowed: ['beheerder'],
        hidden: CANNOT_READ_FOREIGN,
      },
    ],
    'GET /api/v1/projects/:id/baseline-history': projectRead('/baseline-history'),
    'GET /api/v1/projects/:id/audit': projectRead('/audit'),
    // Open books (issue 12 item 5): only the project's parties read and write them, its table's secretary reads them; the province,
    // the ministry and administrators do not (access.ts canReadOpenBook). A party role asking for a project it may not read gets 404.
    'GET /api/v1/projects/:id/open-book': [
      { name: 'own', request: async () => ({ url: `/api/v1/projects/${own()}/open-book` }), allowed: OPEN_BOOK_READERS },
      { name: 'foreign', request: async () => ({ url: `/api/v1/projects/${foreign()}/open-book` }), allowed: [], hidden: OPEN_BOOK_READERS },
    ],
    'PUT /api/v1/projects/:id/open-book': [
      {
        name: 'own',
        request: async () => ({ method: 'PUT', url: `/api/v1/projects/${own()}/open-book`, payload: await openBookPayload(own()) }),
        allowed: ['gemeente_editor', 'marktpartij_editor'],
      },
      {
        name: 'foreign',
        request: async () => ({ method: 'PUT', url: `/api/v1/projects/${foreign()}/open-book`, payload: { version: 0, ...OPEN_BOOK } }),
        allowed: [],
        hidden: ['gemeente_editor', 'marktpartij_editor'],
      },
    ],
    // Woningbouwimpuls and Gebiedsbudget (issue 16 parts 2–3): a gemeente files and reads its own applications (for its own
    // projects, during the window), the ministry and administrators read all, score, rank, allocate and decide (access.ts subsidyScope).
    'GET /api/v1/woningbouwimpuls/tranches': [{ name: '', request: async () => ({ url: '/api/v1/woningbouwimpuls/tranches' }), allowed: SUBSIDY }],
    'POST /api/v1/woningbouwimpuls/tranches': [
      {
        name: '',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/woningbouwimpuls/tranches',
          payload: { name: `Matrix ${day++}`, windowOpens: '2027-01-01', windowCloses: '2027-01-31', awardDate: '2027-03-01', budgetEuros: 1_000 },
        }),
        allowed: NATIONAL,
      },
    ],
    'GET /api/v1/woningbouwimpuls/tranches/:id': [
      { name: '', request: async () => ({ url: `/api/v1/woningbouwimpuls/tranches/${(await wbiWorld()).open}` }), allowed: SUBSIDY },
    ],
    'POST /api/v1/woningbouwimpuls/tranches/:id/applications': [
      {
        name: 'own project',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/woningbouwimpuls/tranches/${await wbiTranche(true)}/applications`,
          payload: { projectId: own(), ...WBI_APPLICATION },
        }),
        allowed: ['gemeente_editor'],
      },
      {
        name: 'foreign project',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/woningbouwimpuls/tranches/${await wbiTranche(true)}/applications`,
          payload: { projectId: foreign(), ...WBI_APPLICATION },
        }),
        allowed: [],
        hidden: ['gemeente_editor'],
      },
    ],
    'GET /api/v1/woningbouwimpuls/applications/:id': [
      { name: 'own', request: async () => ({ url: `/api/v1/woningbouwimpuls/applications/${(await wbiWorld()).own}` }), allowed: SUBSIDY },
      {
        name: 'foreign',
        request: async () => ({ url: `/api/v1/woningbouwimpuls/applications/${(await wbiWorld()).foreign}` }),
        allowed: NATIONAL,
        hidden: ['gemeente_editor'],
      },
    ],
    'PUT /api/v1/woningbouwimpuls/applications/:id': [
      {
        name: 'own',
        request: async () => {
          const { own: id } = await wbiWorld();
          return {
            method: 'PUT',
            url: `/api/v1/woningbouwimpuls/applications/${id}`,
            payload: { version: (await wbiVersion(id)).version, ...WBI_APPLICATION },
          };
        },
        allowed: ['gemeente_editor'],
      },
      {
        name: 'foreign',
        request: async () => {
          const { foreign: id } = await wbiWorld();
          return {
            method: 'PUT',
            url: `/api/v1/woningbouwimpuls/applications/${id}`,
            payload: { version: (await wbiVersion(id)).version, ...WBI_APPLICATION },
          };
        },
        allowed: [],
        hidden: ['gemeente_editor'],
      },
    ],
    'PUT /api/v1/woningbouwimpuls/applications/:id/scores': [
      {
        name: '',
        request: async () => {
          const { own: id } = await wbiWorld();
          const version = (await wbiVersion(id)).scores?.version ?? 0;
          return {
            method: 'PUT',
            url: `/api/v1/woningbouwimpuls/applications/${id}/scores`,
            payload: { version, noodzaak: 7, effectiviteit: 6, efficientie: 8, urgentie: 5 },
          };
        },
        allowed: NATIONAL,
      },
    ],
    'GET /api/v1/woningbouwimpuls/tranches/:id/allocation': [
      { name: '', request: async () => ({ url: `/api/v1/woningbouwimpuls/tranches/${(await wbiWorld()).open}/allocation` }), allowed: NATIONAL },
    ],
    'POST /api/v1/woningbouwimpuls/tranches/:id/allocation': [
      {
        name: '',
        request: async () => ({ method: 'POST', url: `/api/v1/woningbouwimpuls/tranches/${(await wbiWorld()).closed}/allocation` }),
        allowed: NATIONAL,
      },
    ],
    'GET /api/v1/woningbouwimpuls/tranches/:id/decision-list': [
      {
        name: '',
        request: async () => ({ url: `/api/v1/woningbouwimpuls/tranches/${(await wbiWorld()).open}/decision-list?format=csv` }),
        allowed: NATIONAL,
      },
    ],
    'GET /api/v1/gebiedsbudget/areas': [{ name: '', request: async () => ({ url: '/api/v1/gebiedsbudget/areas' }), allowed: SUBSIDY }],
    'GET /api/v1/gebiedsbudget/requests': [{ name: '', request: async () => ({ url: '/api/v1/gebiedsbudget/requests' }), allowed: SUBSIDY }],
    'POST /api/v1/gebiedsbudget/requests': [
      {
        name: '',
        request: async () => ({ method: 'POST', url: '/api/v1/gebiedsbudget/requests', payload: GEBIEDSBUDGET_REQUEST }),
        allowed: ['gemeente_editor'],
      },
    ],
    'PUT /api/v1/gebiedsbudget/requests/:id/decision': [
      {
        name: '',
        request: async () => {
          const made = await app.inject({
            method: 'POST',
            url: '/api/v1/gebiedsbudget/requests',
            payload: GEBIEDSBUDGET_REQUEST,
            headers: headers.gemeente_editor,
          });
          return {
            method: 'PUT',
            url: `/api/v1/gebiedsbudget/requests/${made.json().id}/decision`,
            payload: { version: 1, status: 'afgewezen', awardedEuros: null },
          };
        },
        allowed: NATIONAL,
      },
    ],
    'GET /api/v1/projects/:id/knelpunten': projectRead('/knelpunten'),
    'POST /api/v1/projects/:id/knelpunten': [
      {
        name: 'own',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/projects/${own()}/knelpunten`,
          payload: { category: 'netcongestie', description: 'Matrix', raisedDate: '2026-02-01' },
        }),
        allowed: ['gemeente_editor', 'marktpartij_editor', 'beheerder'],
      },
      {
        name: 'foreign',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/projects/${foreign()}/knelpunten`,
          payload: { category: 'netcongestie', description: 'Matrix', raisedDate: '2026-02-01' },
        }),
        allowed: ['beheerder'],
        hidden: CANNOT_READ_FOREIGN,
      },
    ],
    'PATCH /api/v1/projects/:id/knelpunten/:knelpuntId': [
      {
        name: 'own',
        request: async () => ({
          method: 'PATCH',
          url: `/api/v1/projects/${own()}/knelpunten/${await newKnelpunt(own())}`,
          payload: { version: 1, escalated: true, escalationReason: 'Matrix' },
        }),
        allowed: ['gemeente_editor', 'marktpartij_editor', 'beheerder'],
      },
    ],
    'POST /api/v1/projects/:id/knelpunten/:knelpuntId/escalate': [
      {
        name: 'own',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/projects/${own()}/knelpunten/${await newKnelpunt(own())}/escalate`,
          payload: { version: 1, reason: 'De tafel moet dit oppakken (matrix)' },
        }),
        allowed: ['gemeente_editor', 'marktpartij_editor', 'beheerder'],
      },
      {
        name: 'foreign',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/projects/${foreign()}/knelpunten/${await newKnelpunt(foreign())}/escalate`,
          payload: { version: 1, reason: 'De tafel moet dit oppakken (matrix)' },
        }),
        allowed: ['beheerder'],
        hidden: CANNOT_READ_FOREIGN,
      },
    ],
    'POST /api/v1/projects/:id/knelpunten/:knelpuntId/resolve': [
      {
        name: 'own',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/projects/${own()}/knelpunten/${await newKnelpunt(own())}/resolve`,
          payload: { version: 1, resolvedDate: '2026-02-01', resolution: 'Opgelost (matrix)' },
        }),
        allowed: ['gemeente_editor', 'marktpartij_editor', 'beheerder'],
      },
    ],
    'DELETE /api/v1/projects/:id/knelpunten/:knelpuntId': [
      {
        name: 'own',
        request: async () => ({ method: 'DELETE', url: `/api/v1/projects/${own()}/knelpunten/${await newKnelpunt(own())}?version=1` }),
        allowed: ['gemeente_editor', 'marktpartij_editor', 'beheerder'],
      },
    ],
    'GET /api/v1/provincies': [{ name: '', request: async () => ({ url: '/api/v1/provincies' }), allowed: EVERYONE }],
    'GET /api/v1/gemeenten': [{ name: '', request: async () => ({ url: '/api/v1/gemeenten' }), allowed: EVERYONE }],
    'GET /api/v1/gemeenten/:code': [{ name: '', request: async () => ({ url: '/api/v1/gemeenten/GM0363' }), allowed: EVERYONE }],
    'GET /api/v1/regions': [{ name: '', request: async () => ({ url: '/api/v1/regions' }), allowed: EVERYONE }],
    'GET /api/v1/organisations': [{ name: '', request: async () => ({ url: '/api/v1/organisations' }), allowed: SIGNED_IN }],
    // Tables and regions set up in the application (issue 11 item 1): administrators and province analysts within the
    // province (access.ts canSetUpRegion); members also the table's secretary (canManageRegionMembers).
    'GET /api/v1/regions/:regionId': [{ name: 'own table', request: async () => ({ url: `/api/v1/regions/${table}` }), allowed: SIGNED_IN }],
    'POST /api/v1/regions': [
      {
        name: 'in the province',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/regions',
          payload: { kind: 'woondealregio', name: `Matrix regio ${day++}`, gemeenteCodes: ['GM0361'], fromQuarter: CURRENT_QUARTER },
        }),
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    'PATCH /api/v1/regions/:regionId': [
      {
        name: 'rename',
        request: async () => {
          const r = await freshRegion();
          return { method: 'PATCH', url: `/api/v1/regions/${r.id}`, payload: { name: `Matrix hernoemd ${day++}`, version: r.version } };
        },
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    'POST /api/v1/regions/:regionId/end': [
      {
        name: 'stop',
        request: async () => {
          const r = await freshRegion();
          return { method: 'POST', url: `/api/v1/regions/${r.id}/end`, payload: { endedOn: '2030-03-31', version: r.version } };
        },
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    'PUT /api/v1/regions/:regionId/gemeenten': [
      {
        name: 'in the province',
        request: async () => {
          const r = await freshRegion();
          return {
            method: 'PUT',
            url: `/api/v1/regions/${r.id}/gemeenten`,
            payload: { gemeenteCodes: ['GM0361', 'GM0373'], fromQuarter: CURRENT_QUARTER, version: r.version },
          };
        },
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    'POST /api/v1/regions/:regionId/organisations': [
      {
        name: 'own table',
        request: async () => ({
          method: 'POST',
          url: `/api/v1/regions/${table}/organisations`,
          payload: { organisationId: await freshMarketParty() },
        }),
        allowed: ['tafel_secretaris', 'provincie_analist', 'beheerder'],
      },
    ],
    'DELETE /api/v1/regions/:regionId/organisations/:organisationId': [
      {
        name: 'own table',
        request: async () => {
          const organisationId = await freshMarketParty();
          await admin({ method: 'POST', url: `/api/v1/regions/${table}/organisations`, payload: { organisationId } });
          return { method: 'DELETE', url: `/api/v1/regions/${table}/organisations/${organisationId}` };
        },
        allowed: ['tafel_secretaris', 'provincie_analist', 'beheerder'],
      },
    ],
    // The organisations register (issue 11 item 2): administrators and province analysts (access.ts canRegisterOrganisations).
    'POST /api/v1/organisations': [
      {
        name: 'market party with a KvK number',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/organisations',
          payload: { name: `Matrix BV ${day++}`, type: 'ontwikkelaar', kvkNumber: freshKvk() },
        }),
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    'PATCH /api/v1/organisations/:id': [
      {
        name: 'rename',
        request: async () => {
          const created = (
            await admin({ method: 'POST', url: '/api/v1/organisations', payload: { name: `Matrix NV ${day++}`, type: 'corporatie' } })
          ).json();
          return {
            method: 'PATCH',
            url: `/api/v1/organisations/${created.id}`,
            payload: { version: created.version, name: `${created.name} (nieuw)` },
          };
        },
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    // Merging duplicates (issue 11 item 2): the same group (access.ts canMergeOrganisations); reading one organisation: anyone signed in.
    'GET /api/v1/organisations/:id': [
      { name: '', request: async () => ({ url: `/api/v1/organisations/${gemeenteOrganisationId('GM0363')}` }), allowed: SIGNED_IN },
    ],
    'GET /api/v1/organisations/:id/merge-preview': [
      {
        name: 'two market parties',
        request: async () => {
          const [a, b] = await twoOrganisations();
          return { url: `/api/v1/organisations/${a.id}/merge-preview?into=${b.id}` };
        },
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    'POST /api/v1/organisations/:id/merge': [
      {
        name: 'two market parties',
        request: async () => {
          const [a, b] = await twoOrganisations();
          return {
            method: 'POST',
            url: `/api/v1/organisations/${a.id}/merge`,
            payload: { intoOrganisationId: b.id, version: a.version, intoVersion: b.version },
          };
        },
        allowed: ['provincie_analist', 'beheerder'],
      },
    ],
    'GET /api/v1/geo/gemeenten': [{ name: '', request: async () => ({ url: '/api/v1/geo/gemeenten' }), allowed: EVERYONE }],
    'GET /api/v1/geo/provincies': [{ name: '', request: async () => ({ url: '/api/v1/geo/provincies' }), allowed: EVERYONE }],
    'GET /api/v1/regions/:regionId/rounds': [
      { name: 'own table', request: async () => ({ url: `/api/v1/regions/${table}/rounds` }), allowed: SIGNED_IN },
      { name: 'other table', request: async () => ({ url: '/api/v1/regions/vt-u10/rounds' }), allowed: NATIONAL },
    ],
    'POST /api/v1/regions/:regionId/rounds': [
      {
        name: 'own table',
        request: async () => {
          const quarter = await nextQuarterOf(table);
          return { method: 'POST', url: `/api/v1/regions/${table}/rounds`, payload: { quarter, deadline: deadlineOf(quarter) } };
        },
        allowed: ['tafel_secretaris', 'beheerder'],
      },
    ],
    // Mijn kwartaalronde: a party's own work; everyone else gets 403 saying who it is for (issue 12 item 1).
    'GET /api/v1/me/rounds': [{ name: '', request: async () => ({ url: '/api/v1/me/rounds' }), allowed: ['gemeente_editor', 'marktpartij_editor'] }],
    'GET /api/v1/rounds/:roundId': [{ name: '', request: async () => ({ url: `/api/v1/rounds/${ids.closedRound}` }), allowed: SIGNED_IN }],
    'POST /api/v1/rounds/:roundId/close': [
      {
        name: '',
        request: async () => {
          const quarter = await nextQuarterOf(table);
          const round = (
            await admin({ method: 'POST', url: `/api/v1/regions/${table}/rounds`, payload: { quarter, deadline: deadlineOf(quarter) } })
          ).json();
          return { method: 'POST', url: `/api/v1/rounds/${round.id}/close` };
        },
        allowed: ['tafel_secretaris', 'beheerder'],
      },
    ],
    'POST /api/v1/rounds/:roundId/confirmations': [
      {
        // A party confirms its own side; the secretary (or administrator) records it on a party's behalf, with a reason.
        name: 'own project',
        request: async (who) => {
          const quarter = await nextQuarterOf(table);
          const round = (
            await admin({ method: 'POST', url: `/api/v1/regions/${table}/rounds`, payload: { quarter, deadline: deadlineOf(quarter) } })
          ).json();
          return { method: 'POST', url: `/api/v1/rounds/${round.id}/confirmations`, payload: confirmPayload(who) };
        },
        allowed: ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris', 'beheerder'],
      },
    ],
    'POST /api/v1/rounds/:roundId/confirmations/preview': [
      {
        name: 'own project',
        request: async (who) => {
          const quarter = await nextQuarterOf(table);
          const round = (
            await admin({ method: 'POST', url: `/api/v1/regions/${table}/rounds`, payload: { quarter, deadline: deadlineOf(quarter) } })
          ).json();
          return { method: 'POST', url: `/api/v1/rounds/${round.id}/confirmations/preview`, payload: confirmPayload(who) };
        },
        allowed: ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris', 'beheerder'],
      },
    ],
    'POST /api/v1/rounds/:roundId/confirmations/undo': [
      {
        // The gemeente's confirmation, recorded on its behalf: the gemeente and the secretary may undo it.
        name: "the gemeente's confirmation",
        request: async () => {
          const quarter = await nextQuarterOf(table);
          const round = (
            await admin({ method: 'POST', url: `/api/v1/regions/${table}/rounds`, payload: { quarter, deadline: deadlineOf(quarter) } })
          ).json();
          const confirmed = (
            await admin({ method: 'POST', url: `/api/v1/rounds/${round.id}/confirmations`, payload: confirmPayload('beheerder') })
          ).json();
          return { method: 'POST', url: `/api/v1/rounds/${round.id}/confirmations/undo`, payload: { batchId: confirmed.batchId } };
        },
        allowed: ['gemeente_editor', 'tafel_secretaris', 'beheerder'],
      },
    ],
    'GET /api/v1/rounds/:roundId/reminders': [
      { name: '', request: async () => ({ url: `/api/v1/rounds/${ids.closedRound}/reminders` }), allowed: ['tafel_secretaris', 'beheerder'] },
    ],
    // E-mail reminders (issue 12 item 8): who runs the round. Mail is not set up in the matrix, so an allowed caller gets 503
    // after access was decided (the mails themselves: round-reminders.api.test.ts with a local SMTP server).
    'POST /api/v1/rounds/:roundId/reminders': [
      {
        name: 'open round',
        request: async () => {
          const quarter = await nextQuarterOf(table);
          const round = (
            await admin({ method: 'POST', url: `/api/v1/regions/${table}/rounds`, payload: { quarter, deadline: deadlineOf(quarter) } })
          ).json();
          return { method: 'POST', url: `/api/v1/rounds/${round.id}/reminders`, payload: {} };
        },
        allowed: ['tafel_secretaris', 'beheerder'],
        allowedStatus: 503,
      },
    ],
    // The table's agenda (issue 12 item 7): who sees the whole table.
    'GET /api/v1/regions/:regionId/agenda': [
      {
        name: 'own table',
        request: async () => ({ url: `/api/v1/regions/${table}/agenda` }),
        allowed: ['tafel_secretaris', 'provincie_analist', ...NATIONAL],
      },
      { name: 'other table', request: async () => ({ url: '/api/v1/regions/vt-u10/agenda' }), allowed: NATIONAL },
    ],
    // The gemeenten's proposals for alternatives (issue 12 item 6): the table reads all, a gemeente of the table its own and proposes.
    'GET /api/v1/regions/:regionId/alternative-proposals': [
      {
        name: 'own table',
        request: async () => ({ url: `/api/v1/regions/${table}/alternative-proposals` }),
        allowed: ['gemeente_editor', 'tafel_secretaris', 'provincie_analist', ...NATIONAL],
      },
      { name: 'other table', request: async () => ({ url: '/api/v1/regions/vt-u10/alternative-proposals' }), allowed: NATIONAL },
    ],
    'POST /api/v1/regions/:regionId/alternative-proposals': [
      {
        name: 'own table',
        request: async () => ({ method: 'POST', url: `/api/v1/regions/${table}/alternative-proposals`, payload: proposalPayload() }),
        allowed: ['gemeente_editor'],
      },
      {
        name: 'other table',
        request: async () => ({ method: 'POST', url: '/api/v1/regions/vt-u10/alternative-proposals', payload: proposalPayload() }),
        allowed: [],
      },
    ],
    'POST /api/v1/regions/:regionId/alternative-proposals/:proposalId/withdraw': [
      {
        name: "the gemeente's proposal",
        request: async () => {
          const made = await services.proposals.create(table, proposalPayload(), { principal: principals.gemeente_editor, via: 'system' });
          return { method: 'POST', url: `/api/v1/regions/${table}/alternative-proposals/${made.id}/withdraw`, payload: { version: made.version } };
        },
        allowed: ['gemeente_editor', 'beheerder'],
      },
    ],
    'GET /api/v1/rounds/:roundId/projects': [
      {
        name: '',
        request: async () => ({ url: `/api/v1/rounds/${ids.closedRound}/projects` }),
        allowed: ['tafel_secretaris', 'provincie_analist', ...NATIONAL],
      },
    ],
    'GET /api/v1/rounds/:roundId/projects/:projectId': [
      { name: '', request: async () => ({ url: `/api/v1/rounds/${ids.closedRound}/projects/${own()}` }), allowed: CAN_READ_OWN },
    ],
    'GET /api/v1/projects/:id/changes': projectRead('/changes'),
    'GET /api/v1/projects/:id/snapshots': projectRead('/snapshots'),
    // The table's own gemeenten and market parties get the member view (issue 8 item 24; table-members.api.test.ts).
    'GET /api/v1/regions/:regionId/dashboard': tableViewCases('dashboard'),
    // The dashboard's map: the same readers as the dashboard (a member gets its own projects' points).
    'GET /api/v1/regions/:regionId/map-points': tableViewCases('map-points'),
    'GET /api/v1/regions/:regionId/alternatives': dashboardCases('alternatives?year=2028'),
    'GET /api/v1/projects/:id/alternatives': projectRead('/alternatives'),
    'GET /api/v1/regions/:regionId/export.xlsx': dashboardCases('export.xlsx'),
    'GET /api/v1/projects/export.xlsx': [
      { name: '', request: async () => ({ url: '/api/v1/projects/export.xlsx?gemeente=GM0363' }), allowed: SIGNED_IN },
    ],
    // The planlijst import (issue 13 part 1): a file with one GM0363 plan, inside every importer's area.
    'POST /api/v1/imports/planlijst/inspect': [
      { name: '', request: async () => ({ method: 'POST', url: '/api/v1/imports/planlijst/inspect', payload: planlijstFile() }), allowed: IMPORTERS },
    ],
    'POST /api/v1/imports/planlijst/preview': [
      {
        name: '',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/imports/planlijst/preview',
          payload: { ...planlijstFile(), mapping: PLANLIJST_MAPPING },
        }),
        allowed: IMPORTERS,
      },
    ],
    'POST /api/v1/imports/planlijst/apply': [
      {
        name: '',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/imports/planlijst/apply',
          payload: { ...planlijstFile(), mapping: PLANLIJST_MAPPING },
        }),
        allowed: IMPORTERS,
      },
    ],
    'GET /api/v1/imports/planlijst/progress/:progressId': [
      {
        name: 'own run',
        request: async (who) => {
          // The caller's own finished run (an importer's); others ask for an id they did not start.
          const progressId = crypto.randomUUID();
          if (IMPORTERS.includes(who))
            await app.inject({
              method: 'POST',
              url: '/api/v1/imports/planlijst/preview',
              headers: headers[who],
              payload: { ...planlijstFile(), mapping: PLANLIJST_MAPPING, progressId },
            });
          return { url: `/api/v1/imports/planlijst/progress/${progressId}` };
        },
        allowed: IMPORTERS,
      },
    ],
    'GET /api/v1/imports/planlijst/runs': [{ name: '', request: async () => ({ url: '/api/v1/imports/planlijst/runs' }), allowed: IMPORTERS }],
    'GET /api/v1/projects/export.csv': [
      { name: '', request: async () => ({ url: '/api/v1/projects/export.csv?gemeente=GM0363' }), allowed: SIGNED_IN },
    ],
    'GET /api/v1/regions/:regionId/report.pdf': [
      // Under app.inject the server does not listen, so an allowed caller gets 503 (no page to render);
      // the rendered PDF itself is checked end to end in test/e2e. What matters here is who is refused.
      {
        name: 'own table',
        request: async () => ({ url: `/api/v1/regions/${table}/report.pdf` }),
        allowed: ['tafel_secretaris', 'provincie_analist', ...NATIONAL],
        allowedStatus: 503,
      },
      { name: 'other table', request: async () => ({ url: '/api/v1/regions/vt-u10/report.pdf' }), allowed: NATIONAL, allowedStatus: 503 },
    ],
    'GET /api/v1/targets': [{ name: '', request: async () => ({ url: '/api/v1/targets' }), allowed: EVERYONE }],
    'POST /api/v1/targets': [
      {
        name: 'province target',
        request: async () => ({ method: 'POST', url: '/api/v1/targets', payload: provinceTarget() }),
        allowed: ['provincie_analist', ...NATIONAL],
      },
      {
        name: 'national target',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/targets',
          payload: {
            geoLevel: 'nation',
            geoName: 'Nederland',
            periodStart: 2040,
            periodEnd: 2040 + (day++ % 9),
            homes: 90_000,
            kind: 'matrix',
            sourceUrl: 'https://example.org/matrix',
          },
        }),
        allowed: NATIONAL,
      },
    ],
    'PATCH /api/v1/targets/:id': [
      {
        name: 'province target',
        request: async () => {
          const created = (await admin({ method: 'POST', url: '/api/v1/targets', payload: provinceTarget() })).json();
          return { method: 'PATCH', url: `/api/v1/targets/${created.id}`, payload: { version: created.version, homes: 1234 } };
        },
        allowed: ['provincie_analist', ...NATIONAL],
      },
    ],
    'POST /api/v1/targets/import': [
      {
        name: 'province rows',
        request: async () => {
          const start = 2050 + (day++ % 40);
          const csv = `geography_level,geography_code,geography_name,period_start,period_end,target_homes,target_type,source_url\nprovince,PV27,Noord-Holland,${start},${start},500,matrix,https://example.org/matrix`;
          return { method: 'POST', url: '/api/v1/targets/import', headers: { 'content-type': 'text/csv' }, payload: csv };
        },
        allowed: ['provincie_analist', ...NATIONAL],
      },
    ],
    // Public (issue 8 item 23): everyone; only the ministry and administrators get the figures of small cells (checked in public.api.test.ts).
    'GET /api/v1/national/overview': [{ name: '', request: async () => ({ url: '/api/v1/national/overview?runs=5' }), allowed: EVERYONE }],
    'GET /api/v1/public/aggregates': [
      { name: 'provinces', request: async () => ({ url: '/api/v1/public/aggregates' }), allowed: EVERYONE },
      {
        name: 'gemeenten of a province',
        request: async () => ({ url: '/api/v1/public/aggregates?level=gemeente&provincie=PV27' }),
        allowed: EVERYONE,
      },
    ],
    'GET /api/v1/public/aggregates.geojson': [
      { name: '', request: async () => ({ url: '/api/v1/public/aggregates.geojson?level=gemeente' }), allowed: EVERYONE },
    ],
    // OGC API Features (ogc.api.test.ts): the open-data collections for everyone, the projects collection for the signed-in in their scope.
    'GET /api/v1/ogc': [{ name: '', request: async () => ({ url: '/api/v1/ogc' }), allowed: EVERYONE }],
    'GET /api/v1/ogc/conformance': [{ name: '', request: async () => ({ url: '/api/v1/ogc/conformance' }), allowed: EVERYONE }],
    'GET /api/v1/ogc/collections': [{ name: '', request: async () => ({ url: '/api/v1/ogc/collections' }), allowed: EVERYONE }],
    'GET /api/v1/ogc/collections/:collectionId': [
      { name: 'open data', request: async () => ({ url: '/api/v1/ogc/collections/gemeenten-kwartalen' }), allowed: EVERYONE },
      { name: 'projects', request: async () => ({ url: '/api/v1/ogc/collections/projecten' }), allowed: SIGNED_IN },
    ],
    'GET /api/v1/ogc/collections/:collectionId/items': [
      { name: 'open data', request: async () => ({ url: '/api/v1/ogc/collections/gemeenten/items?limit=5' }), allowed: EVERYONE },
      { name: 'projects', request: async () => ({ url: '/api/v1/ogc/collections/projecten/items?limit=5' }), allowed: SIGNED_IN },
    ],
    'GET /api/v1/ogc/collections/:collectionId/items/:featureId': [
      { name: 'open data', request: async () => ({ url: '/api/v1/ogc/collections/gemeenten/items/GM0363' }), allowed: EVERYONE },
      ...projectRead('').map((c) => ({
        ...c,
        name: `project ${c.name}`,
        request: async (who: Who) => {
          // A feature needs a location: give the project one, then ask for it as a feature.
          const { url } = (await c.request(who)) as { url: string };
          const id = url.split('/').pop()!;
          await admin({
            method: 'PATCH',
            url: `/api/v1/projects/${id}`,
            payload: { version: await version(id), location: { lon: 4.9, lat: 52.37 } },
          });
          return { url: `/api/v1/ogc/collections/projecten/items/${id}` };
        },
      })),
    ],
    // Realisatiestimulans (issue 16; realisatiestimulans.api.test.ts): the ministry and administrators all gemeenten, a province
    // analyst its province (PV27), a gemeente only itself (GM0363); another gemeente is hidden (404).
    'GET /api/v1/realisatiestimulans': [{ name: '', request: async () => ({ url: '/api/v1/realisatiestimulans' }), allowed: RS_READERS }],
    ...Object.fromEntries(
      ['', '/export.csv', '/export.xlsx'].map((suffix) => [
        `GET /api/v1/realisatiestimulans/gemeenten/:gemeenteCode${suffix}`,
        [
          { name: 'own', request: async () => ({ url: `/api/v1/realisatiestimulans/gemeenten/GM0363${suffix}` }), allowed: RS_READERS },
          {
            name: 'other province',
            request: async () => ({ url: `/api/v1/realisatiestimulans/gemeenten/GM0344${suffix}` }),
            allowed: NATIONAL,
            hidden: ['gemeente_editor', 'provincie_analist'],
          },
        ],
      ]),
    ),
    'GET /api/v1/realisatiestimulans/bijdragen': [
      { name: '', request: async () => ({ url: '/api/v1/realisatiestimulans/bijdragen' }), allowed: RS_READERS },
    ],
    'POST /api/v1/realisatiestimulans/bijdragen': [
      {
        name: '',
        request: async () => ({
          method: 'POST',
          url: '/api/v1/realisatiestimulans/bijdragen',
          payload: { projectId: ids.own, scheme: 'startbouwimpuls', amountEuros: 1000 },
        }),
        allowed: NATIONAL,
      },
    ],
    'DELETE /api/v1/realisatiestimulans/bijdragen/:id': [
      {
        name: '',
        request: async () => {
          const res = await admin({
            method: 'POST',
            url: '/api/v1/realisatiestimulans/bijdragen',
            payload: { projectId: ids.own, scheme: 'rha', amountEuros: 500 },
          });
          return { method: 'DELETE', url: `/api/v1/realisatiestimulans/bijdragen/${res.json().id}` };
        },
        allowed: NATIONAL,
      },
    ],
    // Open data per gemeente and quarter: aggregates only, for everyone (checked in open-data.api.test.ts).
    'GET /api/v1/open-data/quarters': [
      { name: '', request: async () => ({ url: '/api/v1/open-data/quarters?provincie=PV27&from=2026-Q1&to=2026-Q2' }), allowed: EVERYONE },
    ],
    'GET /api/v1/open-data/quarters.csv': [
      { name: '', request: async () => ({ url: '/api/v1/open-data/quarters.csv?provincie=PV27' }), allowed: EVERYONE },
    ],
    'GET /api/v1/open-data/quarters.geojson': [
      { name: '', request: async () => ({ url: '/api/v1/open-data/quarters.geojson?gemeente=GM0363' }), allowed: EVERYONE },
    ],
    'GET /api/v1/national/forecast': [
      { name: 'nation', request: async () => ({ url: '/api/v1/national/forecast?runs=5' }), allowed: NATIONAL },
      {
        name: 'own gemeente',
        request: async () => ({ url: '/api/v1/national/forecast?runs=5&area=gemeente:GM0363' }),
        allowed: ['gemeente_editor', 'provincie_analist', ...NATIONAL],
      },
      {
        name: 'own table',
        request: async () => ({ url: `/api/v1/national/forecast?runs=5&area=${table}` }),
        allowed: ['tafel_secretaris', 'provincie_analist', ...NATIONAL],
      },
    ],
    'GET /api/v1/national/realisations': [{ name: '', request: async () => ({ url: '/api/v1/national/realisations' }), allowed: EVERYONE }],
    'GET /api/v1/national/herindelingen': [{ name: '', request: async () => ({ url: '/api/v1/national/herindelingen' }), allowed: EVERYONE }],
    'GET /api/v1/national/realisations/bag': [
      { name: 'nation', request: async () => ({ url: '/api/v1/national/realisations/bag' }), allowed: NATIONAL },
      {
        name: 'own gemeente',
        request: async () => ({ url: '/api/v1/national/realisations/bag?area=gemeente:GM0363&period=quarter' }),
        allowed: ['gemeente_editor', 'provincie_analist', ...NATIONAL],
      },
    ],
    'GET /api/v1/national/reconciliation': [
      { name: 'nation', request: async () => ({ url: '/api/v1/national/reconciliation?year=2019' }), allowed: NATIONAL },
      {
        name: 'own gemeente',
        request: async () => ({ url: '/api/v1/national/reconciliation?year=2019&gemeente=GM0363' }),
        allowed: ['gemeente_editor', 'provincie_analist', ...NATIONAL],
      },
    ],
    'GET /api/v1/national/plancapaciteit': [
      { name: 'nation', request: async () => ({ url: '/api/v1/national/plancapaciteit' }), allowed: NATIONAL },
      {
        name: 'own table',
        request: async () => ({ url: `/api/v1/national/plancapaciteit?area=${table}` }),
        allowed: ['tafel_secretaris', 'provincie_analist', ...NATIONAL],
      },
    ],
    'GET /api/v1/national/plancapaciteit/normen': [
      { name: '', request: async () => ({ url: '/api/v1/national/plancapaciteit/normen' }), allowed: SIGNED_IN },
    ],
    'PUT /api/v1/national/plancapaciteit/normen/:areaId': [
      {
        name: 'own province',
        request: async () => {
          const normen = (await admin({ url: '/api/v1/national/plancapaciteit/normen' })).json().items as Array<{ areaId: string; version: number }>;
          const current = normen.find((n) => n.areaId === 'provincie:PV27');
          return {
            method: 'PUT',
            url: '/api/v1/national/plancapaciteit/normen/provincie:PV27',
            payload: { norm: 1.2 + (day++ % 5) / 100, reason: 'matrix', version: current?.version },
          };
        },
        allowed: ['provincie_analist', ...NATIONAL],
      },
    ],
    'GET /api/v1/projects/export.geojson': [{ name: '', request: async () => ({ url: '/api/v1/projects/export.geojson' }), allowed: SIGNED_IN }],
    'GET /api/v1/projects/aggregates.geojson': [
      { name: '', request: async () => ({ url: '/api/v1/projects/aggregates.geojson' }), allowed: SIGNED_IN },
    ],
  };
}

/** Creates the database, the accounts of every role and the projects and round the cases use. `beforeApp`: called with the services before the app is built. */
export async function setUpMatrix(options: { beforeApp?: (services: Services) => void } = {}): Promise<void> {
  t = await createTestDb();
  services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  await services.repositories.organisations.insertMany(t.db, [
    { id: PARTY, name: 'Matrix Ontwikkeling', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
  ]);
  options.beforeApp?.(services);
  app = await buildApp({ services });
  headers.publiek = {};
  const scopes: Record<Exclude<Who, 'publiek'>, Parameters<typeof accountWithToken>[2]> = {
    gemeente_editor: { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') },
    marktpartij_editor: { organisationId: PARTY },
    tafel_secretaris: { regionId: 'vt-amsterdam-e-o' },
    provincie_analist: { provincieCode: 'PV27' },
    ministerie_analist: {},
    beheerder: {},
  };
  for (const [role, scope] of Object.entries(scopes)) {
    const account = await accountWithToken(services, role as Role, scope);
    headers[role as Who] = account.headers;
    principals[role as Exclude<Who, 'publiek'>] = account.principal;
  }
  ids.matrixUser = (
    await services.auth.createUser({
      email: 'matrix@example.invalid',
      name: 'Matrix',
      password: PASSWORD,
      role: 'ministerie_analist',
      organisationId: null,
      gemeenteCode: null,
      regionId: null,
      provincieCode: null,
    })
  ).userId!;
  await services.auth.ensureDemoUsers();
  ids.own = await createProject('GM0363');
  ids.foreign = await createProject('GM0014');
  const round = (
    await admin({ method: 'POST', url: '/api/v1/regions/vt-amsterdam-e-o/rounds', payload: { quarter: '2026-Q1', deadline: '2026-03-15' } })
  ).json();
  await admin({ method: 'POST', url: `/api/v1/rounds/${round.id}/close` });
  ids.closedRound = round.id;
}

/** Remove the regions the region cases made (all named 'Matrix …'), so the fixture's breakdowns by region are as set up. */
export async function removeMatrixRegions(): Promise<void> {
  await t.db.query("DELETE FROM regions WHERE name LIKE 'Matrix %' AND NOT is_example");
}

export async function tearDownMatrix(): Promise<void> {
  await app?.close();
  await t?.close();
}
