import { describe, expect, it } from 'vitest';
import type { Me, Principal } from '../../api/types.ts';
import { landingPage } from './SignInPage.tsx';

const me = (p: Partial<Principal>): Me => ({
  principal: {
    kind: 'user',
    userId: 'u',
    name: 'X',
    role: 'beheerder',
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
    demo: false,
    ...p,
  },
  csrfToken: 't',
  demo: false,
  demoModeAvailable: true,
  oidcAvailable: false,
});

describe('where the user goes after signing in', () => {
  it('returns to the page that asked for sign-in', () => {
    expect(landingPage(me({}), '/tafels/vt-u10/kwartaalronde')).toBe('/tafels/vt-u10/kwartaalronde');
  });

  it('never follows a link to another site or back to the sign-in page', () => {
    expect(landingPage(me({}), '//evil.example/x')).toBe('/projecten');
    expect(landingPage(me({}), 'https://evil.example/')).toBe('/projecten');
    expect(landingPage(me({}), '/inloggen')).toBe('/projecten');
  });

  it('sends each role to its own start page; gemeenten and market parties to Mijn kwartaalronde (issue 12)', () => {
    expect(landingPage(me({ role: 'tafel_secretaris', regionId: 'vt-amsterdam-e-o' }), null)).toBe('/tafels/vt-amsterdam-e-o');
    expect(landingPage(me({ role: 'gemeente_editor', gemeenteCode: 'GM0363' }), null)).toBe('/mijn-kwartaalronde');
    expect(landingPage(me({ role: 'marktpartij_editor', organisationId: '33333333-3333-4333-8333-333333333333' }), null)).toBe('/mijn-kwartaalronde');
    expect(landingPage(me({ role: 'provincie_analist', provincieCode: 'PV27' }), null)).toBe('/tafels/provincie%3APV27');
  });
});
