import { describe, expect, it } from 'vitest';
import { describeBrowser, formatMoment, signInMethod } from './format.ts';

describe('how the account page writes moments and browsers', () => {
  it('writes a moment in Dutch, in Dutch time; a missing one as the given text', () => {
    expect(formatMoment('2026-12-01T14:30:00.000Z')).toMatch(/^1 dec\.? 2026,? 15:30$/);
    expect(formatMoment('2026-07-01T14:30:00.000Z')).toMatch(/16:30$/);
    expect(formatMoment(null, 'Nog niet gebruikt')).toBe('Nog niet gebruikt');
  });

  it('names the browser and system of a User-Agent header', () => {
    expect(describeBrowser('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe(
      'Chrome op Linux',
    );
    expect(describeBrowser('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox op Windows');
    expect(describeBrowser('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe(
      'Edge op Windows',
    );
    expect(describeBrowser('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1')).toBe(
      'Safari op iOS',
    );
    expect(describeBrowser(null)).toBe('Onbekende browser');
    expect(describeBrowser('curl/8.5.0')).toBe('curl/8.5.0');
    expect(signInMethod('oidc')).toBe('Inloggen via uw organisatie');
  });
});
