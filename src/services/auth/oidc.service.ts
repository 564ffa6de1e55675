/**
 * OpenID Connect sign-in (authorization code flow with PKCE) for government and corporate identity
 * providers, through the certified `openid-client` library. Accounts are provisioned by an
 * administrator; the first OIDC sign-in links the account by verified e-mail address. Someone accepting an
 * invitation may sign in this way too: the account is then made from the invitation (invitation.service.ts).
 */
import * as client from 'openid-client';
import { normaliseEmail } from '../../domain/account.ts';
import { UnauthorizedError } from '../../domain/errors.ts';
import type { AccountRepository, UserRow } from '../../storage/account.repository.ts';
import type { Db } from '../../storage/db.ts';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Only for local testing against a provider on http://localhost. */
  allowHttp: boolean;
}

export function createOidcService(deps: { db: Db; accounts: AccountRepository; config: OidcConfig }) {
  const { db, accounts, config } = deps;
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () =>
    (discovered ??= client.discovery(
      new URL(config.issuer),
      config.clientId,
      config.clientSecret,
      undefined,
      config.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    ));

  async function identify(search: string, cookieState: string): Promise<{ issuer: string; subject: string; email: string | null }> {
    const callbackUrl = new URL(config.redirectUri);
    callbackUrl.search = search;
    const [state, verifier] = cookieState.split('.');
    const cfg = await configuration();
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(cfg, callbackUrl, { pkceCodeVerifier: verifier, expectedState: state });
      claims = tokens.claims();
    } catch {
      throw new UnauthorizedError('Inloggen bij de identiteitsprovider is niet gelukt. Probeer het opnieuw.');
    }
    if (!claims) throw new UnauthorizedError('De identiteitsprovider gaf geen ID-token.');
    const email = typeof claims.email === 'string' && claims.email_verified === true ? normaliseEmail(claims.email) : null;
    return { issuer: cfg.serverMetadata().issuer, subject: claims.sub, email };
  }

  return {
    /** The provider URL to send the browser to, and the state to keep in a short-lived cookie. */
    async start(): Promise<{ url: string; state: string }> {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return { url: url.href, state: `${state}.${verifier}` };
    },

    /**
     * Exchange the code and check the ID token: who the provider says this is. `search` is the callback's query
     * string; the URL itself is the configured redirect URI (robust behind proxies).
     */
    identify,

    /** Exchange the code, check the ID token, and find the account it belongs to (linking it by verified e-mail address once). */
    async finish(search: string, cookieState: string): Promise<UserRow> {
      const { issuer, subject, email } = await identify(search, cookieState);
      const linked = await accounts.userByOidc(db, issuer, subject);
      if (linked && !linked.disabled) return linked;
      const byEmail = email ? await accounts.userByEmail(db, email) : null;
      if (!byEmail || byEmail.disabled) {
        throw new UnauthorizedError('Er is geen account voor u in de Woningbouwmonitor. Vraag de beheerder om een account.');
      }
      await accounts.linkOidc(db, byEmail.id, issuer, subject);
      return byEmail;
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
