/** Environment → typed configuration, validated once. Nothing else reads process.env. */
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './paths.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().optional(),
  /** PGlite's buffer cache (PostgreSQL shared_buffers, e.g. 32MB); it lives in the server process (issue 15 goal 3). */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, { message: 'Geef een grootte als 32MB of 128MB.' })
    .optional(),
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  /** Demo mode: sign in as a demo role without a password (clearly marked). Off in production. */
  DEMO_MODE: z.enum(['true', 'false']).default('true'),
  /**
   * Demo mode on a database with real projects or real accounts: refused at start unless this is true
   * (demo roles then act on synthetic demo data only).
   */
  DEMO_MODE_WITH_REAL_DATA: z.enum(['true', 'false']).default('false'),
  /** Mark cookies Secure (HTTPS only). Default: true, unless HOST is a loopback address (local use). */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /**
   * Behind a reverse proxy: trust its X-Forwarded-For for the client address (sign-in limits per
   * address). `false` (default), `true` (trust every hop), a number of hops, or addresses/CIDRs
   * (comma-separated) of the proxies.
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be true, false, a number of hops, or proxy addresses (comma-separated)',
    )
    .default('false'),
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  /** Contact for integrators in the OpenAPI document (`info.contact`); defaults in src/http/api-design.ts. */
  API_CONTACT_EMAIL: z.email().optional(),
  API_CONTACT_URL: z.url().optional(),
  /** Outgoing mail (invitations, reminders): smtp://user:pass@host:587 or smtps://…; unset: no mail is sent (the link is shown instead). */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
  ),
  /** Sender of outgoing mail. */
  MAIL_FROM: z.string().min(3).default('Woningbouwmonitor <noreply@localhost>'),
  /** Base URL for links in mails (e.g. https://monitor.example.nl); unset: the origin of the request that causes the mail. */
  PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  /** Password for `wbm user add` (kept out of the command line and shell history). */
  WBM_PASSWORD: z.string().optional(),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Keep project list pages per data version (issue 15 goal 1); 'false' reads every page from the database (bench). */
  LIST_PAGE_CACHE: z.enum(['true', 'false']).default('true'),
});

export interface Config {
  port: number;
  host: string;
  /** Where PGlite keeps its files (ignored when databaseUrl is set). */
  dataDir: string;
  /** PGlite's shared_buffers (PGLITE_SHARED_BUFFERS); unset: PostgreSQL's default of 128MB. */
  pgliteSharedBuffers?: string;
  databaseUrl?: string;
  logLevel: string;
  /** Project list pages kept per data version (LIST_PAGE_CACHE, default true). */
  listPageCache: boolean;
  demoMode: boolean;
  /** Explicit allowance to serve demo mode on a database that holds real data. */
  demoWithRealData: boolean;
  chromiumPath: string;
  newAccountPassword: string | null;
  secureCookies: boolean;
  /** Fastify `trustProxy`: whether (and which) proxy's X-Forwarded-For gives the client address. */
  trustProxy: boolean | number | string;
  sessionHours: number;
  /** Overrides of the OpenAPI `info.contact` (API_CONTACT_EMAIL, API_CONTACT_URL). */
  apiContact: { email?: string; url?: string };
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; allowHttp: boolean } | null;
  /** Outgoing mail (SMTP_URL, MAIL_FROM); smtpUrl null: mail is not configured. */
  mail: { smtpUrl: string | null; from: string };
  /** Base URL for links in mails (PUBLIC_URL, without a trailing slash); null: taken from the request. */
  publicUrl: string | null;
}

/** Whether the server listens on this machine only (then cookies need not be Secure by default). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcVars = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_REDIRECT_URI];
  if (oidcVars.some(Boolean) && !oidcVars.every(Boolean)) {
    throw new Error('Invalid environment:\n  OIDC_*: set all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI, or none');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR ?? join(REPO_ROOT, 'data', 'pglite'),
    databaseUrl: e.DATABASE_URL || undefined,
    pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS,
    logLevel: e.LOG_LEVEL,
    listPageCache: e.LIST_PAGE_CACHE === 'true',
    demoMode: e.DEMO_MODE === 'true',
    demoWithRealData: e.DEMO_MODE_WITH_REAL_DATA === 'true',
    chromiumPath: e.CHROMIUM_PATH,
    newAccountPassword: e.WBM_PASSWORD ?? null,
    secureCookies: e.SECURE_COOKIES === undefined ? !isLoopbackHost(e.HOST) : e.SECURE_COOKIES === 'true',
    trustProxy:
      e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    sessionHours: e.SESSION_HOURS,
    apiContact: { ...(e.API_CONTACT_EMAIL ? { email: e.API_CONTACT_EMAIL } : {}), ...(e.API_CONTACT_URL ? { url: e.API_CONTACT_URL } : {}) },
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID!,
          clientSecret: e.OIDC_CLIENT_SECRET!,
          redirectUri: e.OIDC_REDIRECT_URI!,
          allowHttp: e.OIDC_ALLOW_HTTP === 'true',
        }
      : null,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
  });
}
