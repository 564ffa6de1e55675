/** How the account page writes moments and browsers, in plain Dutch. */

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** "2026-12-01T14:30:00.000Z" → "1 dec 2026, 15:30"; null → the given text. */
export function formatMoment(iso: string | null | undefined, none = '–'): string {
  if (!iso) return none;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

/** A short name for the browser and system of a User-Agent header ("Firefox op Windows"); null → "Onbekende browser". */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return 'Onbekende browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} op ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/** How a session was signed in. */
export function signInMethod(via: string): string {
  switch (via) {
    case 'password':
      return 'E-mailadres en wachtwoord';
    case 'oidc':
      return 'Inloggen via uw organisatie';
    case 'demo':
      return 'Demorol';
    default:
      return via;
  }
}
