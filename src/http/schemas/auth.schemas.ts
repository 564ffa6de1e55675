/** Schemas of the signed-in person's own browser sessions (GET/DELETE /api/v1/auth/sessions). */
import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

export const Session = z
  .object({
    id: Uuid.describe('Id of the session (not its secret: the session token lives only in the browser cookie)'),
    via: z.string().describe('How it was signed in: `password`, `demo` or `oidc` (OpenID Connect)'),
    userAgent: z.string().nullable().describe("The browser's User-Agent header when it signed in (shortened); null when not known"),
    createdAt: IsoDateTime.describe('When it was signed in'),
    lastUsedAt: IsoDateTime.nullable().describe('When it was last used (to the minute); null when not known'),
    expiresAt: IsoDateTime.describe('When it ends by itself (SESSION_HOURS after signing in)'),
    current: z.boolean().describe('This is the session of the request itself'),
  })
  .meta({ id: 'Session' });

export const SessionList = z
  .object({
    items: z.array(Session).describe('Sessions that still work, most recently used first'),
  })
  .meta({ id: 'SessionList' });
