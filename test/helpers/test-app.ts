/**
 * The API over a fresh test database (see test-db.ts), for one API test file: the services with the test
 * sign-in settings, an optional step before the app is built (a demo seed, extra organisations), and
 * `signedIn` for a request function that sends a new account's token.
 */
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/access.ts';
import { buildApp } from '../../src/http/app.ts';
import { createServices, type ServiceOptions, type Services } from '../../src/services/container.ts';
import type { Db } from '../../src/storage/db.ts';
import { accountWithToken, authedInject, TEST_AUTH_OPTIONS } from './auth.ts';
import { createTestDb } from './test-db.ts';

/** A request to the app as one account: a URL for a GET, or inject options. */
export type Inject = ReturnType<typeof authedInject>;

export interface TestApp {
  db: Db;
  services: Services;
  app: FastifyInstance;
  /** Requests as a new account with this role and scope. */
  signedIn(role: Role, scope?: Parameters<typeof accountWithToken>[2]): Promise<Inject>;
  /** Closes the app, then the database (a PostgreSQL test database is dropped). */
  close(): Promise<void>;
}

export async function createTestApp(
  options: Omit<ServiceOptions, 'auth'> & { prepare?: (services: Services, db: Db) => Promise<unknown> } = {},
): Promise<TestApp> {
  const { prepare, ...serviceOptions } = options;
  const t = await createTestDb();
  try {
    const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS, ...serviceOptions });
    await prepare?.(services, t.db);
    const app = await buildApp({ services });
    return {
      db: t.db,
      services,
      app,
      signedIn: async (role, scope) => authedInject(app, (await accountWithToken(services, role, scope)).headers),
      close: async () => {
        await app.close();
        await t.close();
      },
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}
