/**
 * The project forms' values → API bodies (projectForm.ts): the same rules as the server (HomesCount: a whole number
 * 0–100,000; a jaarschijf year 2000–2100; one organisation per role, src/domain/consistency.ts), each error under its
 * field and naming its row ("Regel 2: …"), and the server's errors put back under the row they came from.
 */
import { describe, expect, it } from 'vitest';
import {
  collectCore,
  collectJaarschijven,
  collectParties,
  collectProgramme,
  EMPTY_CORE,
  mapServerIssues,
  newJaarschijfRow,
  newPartyRow,
  newProgrammeRow,
  parseWholeNumber,
} from './projectForm.ts';

const programmeRow = (homes: string, segment = 'sociale_huur' as const) => ({ ...newProgrammeRow(segment), homes });

describe('parseWholeNumber', () => {
  it('reads 1200, 1.200 and 1 200 alike, and a minus sign', () => {
    expect([parseWholeNumber('1200'), parseWholeNumber('1.200'), parseWholeNumber('1 200'), parseWholeNumber('-5')]).toEqual([1200, 1200, 1200, -5]);
  });
  it('refuses decimals and words', () => {
    expect([parseWholeNumber('2,5'), parseWholeNumber('12a'), parseWholeNumber('')]).toEqual([null, null, null]);
  });
});

describe('collectProgramme', () => {
  it('leaves out rows without a number and remembers which row each item came from', () => {
    const c = collectProgramme([programmeRow(''), programmeRow('120'), programmeRow('30', 'middenhuur' as never)]);
    expect(c.errors).toEqual({});
    expect(c.items.map((i) => i.homes)).toEqual([120, 30]);
    expect(c.rowOf).toEqual([1, 2]);
  });
  it('refuses negative and broken numbers, naming the row', () => {
    const c = collectProgramme([programmeRow('10'), programmeRow('-5'), programmeRow('2,5')]);
    expect(c.errors).toEqual({
      'programme.1.homes': 'Regel 2: Aantal woningen kan niet negatief zijn.',
      'programme.2.homes': 'Regel 3: Aantal woningen moet een heel getal zijn.',
    });
  });
});

describe('collectJaarschijven', () => {
  it('needs both year and homes once one is typed', () => {
    const c = collectJaarschijven([
      { ...newJaarschijfRow(), year: '2028', homes: '' },
      { ...newJaarschijfRow(), year: '', homes: '' },
    ]);
    expect(c.errors).toEqual({ 'jaarschijven.0.homes': 'Regel 1: Vul het aantal woningen in.' });
    expect(c.items).toEqual([]);
  });
  it('refuses a year outside 2000–2100', () => {
    const c = collectJaarschijven([{ ...newJaarschijfRow(), year: '1999', homes: '5' }]);
    expect(c.errors['jaarschijven.0.year']).toMatch(/^Regel 1: Vul een jaar in tussen 2000 en 2100/);
  });
});

describe('collectParties', () => {
  it('needs organisation and role, and one organisation once per role', () => {
    const org = '11111111-1111-4111-8111-111111111111';
    const c = collectParties([
      { ...newPartyRow(), organisationId: org, role: 'ontwikkelaar' },
      { ...newPartyRow(), organisationId: org, role: '' },
      { ...newPartyRow(), organisationId: org, role: 'ontwikkelaar' },
      newPartyRow(),
    ]);
    expect(c.items).toEqual([{ organisationId: org, role: 'ontwikkelaar' }]);
    expect(Object.keys(c.errors)).toEqual(['parties.1.role', 'parties.2.role']);
  });
});

describe('collectCore', () => {
  it('needs a name and a plan status; location errors come under the location fields', () => {
    const { errors } = collectCore({ ...EMPTY_CORE, location: { ...EMPTY_CORE.location, lat: '48,8', lon: '2,3' } });
    expect(Object.keys(errors).sort()).toEqual(['location.lat', 'name', 'planStatus']);
  });
  it('sends a trimmed name, no empty description and the converted point', () => {
    const { fields, errors } = collectCore({
      ...EMPTY_CORE,
      name: '  Havenkwartier ',
      planStatus: 'vastgesteld',
      location: { ...EMPTY_CORE.location, system: 'rd', x: '155000', y: '463000' },
    });
    expect(errors).toEqual({});
    expect(fields).toMatchObject({ name: 'Havenkwartier', description: null, planStatus: 'vastgesteld' });
    expect(fields.location?.lat).toBeCloseTo(52.1552, 3);
  });
});

describe('mapServerIssues', () => {
  it('puts a POST error under the row on screen, a PUT error (items[]) under its part, and names the row', () => {
    const mapped = mapServerIssues(
      [
        { path: 'programme[0].homes', code: 'too_small', message: 'Aantal woningen kan niet negatief zijn.' },
        { path: 'items[1]', code: 'duplicate', message: 'Jaarschijf 2028 Sociale huur staat er twee keer in.' },
        { path: 'name', code: 'too_small', message: 'Geef het project een naam.' },
        { path: 'location.lon', code: 'too_small', message: 'Dit punt ligt niet in Nederland.' },
        { path: 'milestones[0].code', code: 'x', message: 'Iets anders.' },
      ],
      { rowOf: { programme: [2], jaarschijven: [0, 3] }, itemsPart: 'jaarschijven', system: 'rd' },
    );
    expect(mapped.errors).toEqual({
      'programme.2.homes': 'Regel 3: Aantal woningen kan niet negatief zijn.',
      'jaarschijven.3.year': 'Regel 4: Jaarschijf 2028 Sociale huur staat er twee keer in.',
      name: 'Geef het project een naam.',
      'location.x': 'Dit punt ligt niet in Nederland.',
    });
    expect(mapped.other).toEqual(['Iets anders.']);
  });
});
