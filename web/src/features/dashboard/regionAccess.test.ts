/**
 * The Tafeloverzicht chooser offers only tables and areas the person may open (the server's rule,
 * src/domain/access.ts), so no choice leads to "Geen toegang"; the public is offered none.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../src/domain/access.ts';
import type { Gemeente, Region } from '../../api/types.ts';
import { gemeenteArea, mayOpenArea, provincieArea, regionArea } from './regionAccess.ts';

const g = (code: string, provincieCode: string): Gemeente =>
  ({ code, name: code, provincieCode, provincieName: provincieCode, coropCode: '', coropName: '', projectCount: null }) as Gemeente;
const gemeenten = [g('GM0363', 'PV27'), g('GM0479', 'PV27'), g('GM0599', 'PV28'), g('GM0344', 'PV26')];
const REGION_DEFAULTS = { isExample: true, synthetic: false, endedOn: null, version: 1, memberCount: 0 };
const amsterdam: Region = {
  id: 'vt-amsterdam-e-o',
  kind: 'versnellingstafel',
  name: 'Amsterdam e.o.',
  gemeenteCodes: ['GM0363', 'GM0479'],
  ...REGION_DEFAULTS,
};
const rotterdam: Region = { id: 'vt-rotterdam', kind: 'versnellingstafel', name: 'Rotterdam', gemeenteCodes: ['GM0599'], ...REGION_DEFAULTS };

const principal = (role: Principal['role'], extra: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  userId: 'u',
  name: 'x',
  role,
  organisationId: null,
  gemeenteCode: null,
  regionId: null,
  provincieCode: null,
  demo: true,
  ...extra,
});

/** The ids offered to a person. */
function offered(p: Principal | null): string[] {
  const areas = [
    ...[amsterdam, rotterdam].map((r) => regionArea(r, gemeenten)),
    ...['PV26', 'PV27', 'PV28'].map((c) => provincieArea(c, gemeenten)),
    ...gemeenten.map(gemeenteArea),
  ];
  return areas.filter((a) => mayOpenArea(p, a)).map((a) => a.id);
}

describe('mayOpenArea: what the Tafeloverzicht chooser offers', () => {
  it('the table secretary: only the own table', () => {
    expect(offered(principal('tafel_secretaris', { regionId: 'vt-amsterdam-e-o' }))).toEqual(['vt-amsterdam-e-o']);
  });

  it('the gemeente: its table (as a member) and its own gemeente, not another table or its province', () => {
    expect(offered(principal('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: 'gm' }))).toEqual(['vt-amsterdam-e-o', 'gemeente:GM0363']);
  });

  it('the province analyst: the tables, the province and the gemeenten within the own province', () => {
    expect(offered(principal('provincie_analist', { provincieCode: 'PV27' }))).toEqual([
      'vt-amsterdam-e-o',
      'provincie:PV27',
      'gemeente:GM0363',
      'gemeente:GM0479',
    ]);
  });

  it('a market party: the tables (the server decides by its projects), no provinces or gemeenten', () => {
    expect(offered(principal('marktpartij_editor', { organisationId: 'mp' }))).toEqual(['vt-amsterdam-e-o', 'vt-rotterdam']);
  });

  it('the ministry and the administrator: everything; the public: nothing; a server without sign-in: everything', () => {
    expect(offered(principal('ministerie_analist'))).toHaveLength(9);
    expect(offered(principal('beheerder'))).toHaveLength(9);
    expect(offered({ ...principal('publiek'), kind: 'anonymous', userId: null })).toEqual([]);
    expect(offered(null)).toHaveLength(9);
  });
});
