/**
 * Bulk load through COPY (src/storage/copy.ts), on PGlite and on PostgreSQL with DATABASE_URL: a project
 * written with COPY reads back exactly as one written with INSERT, awkward text included, and a COPY
 * inside a failed transaction leaves nothing (issue 14: the demo seed is one transaction).
 */
import { describe, expect, it } from 'vitest';
import { storedProject } from '../../test/helpers/builders.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Knelpunt, Project } from '../domain/project.ts';
import { copyField, copyRows } from './copy.ts';
import { createKnelpuntRepository, createProjectRepository } from './project.repository.ts';

const t = useTestDb();
const projects = createProjectRepository();
const knelpunten = createKnelpuntRepository();

/** Text that COPY's text format must escape: tab, newline, carriage return, backslash, a literal \N, quotes. */
const AWKWARD = 'Kade\t"Noord"\nfase 2\r\\ deel \\N – ’t Zand ✓';

function awkwardProject(): Project {
  return storedProject({
    name: AWKWARD,
    description: `${AWKWARD} (omschrijving)`,
    gemeenteCode: 'GM0363',
    provincieCode: 'PV27',
    flags: ['industrieel', 'woondeal_locatie'],
    location: { lon: 4.9041, lat: 52.3676 },
    synthetic: true,
    programme: [
      { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 30 },
      { segment: 'vrije_sector_koop', woningtype: 'grondgebonden', doelgroep: 'ouderen', homes: 12 },
    ],
    jaarschijven: [
      { year: 2027, segment: 'sociale_huur', homes: 30 },
      { year: 2028, segment: 'vrije_sector_koop', homes: 12 },
    ],
    parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
  });
}

function knelpunt(projectId: string): Knelpunt {
  return {
    id: crypto.randomUUID(),
    projectId,
    category: 'netcongestie',
    description: AWKWARD,
    owner: null,
    raisedDate: '2026-03-04',
    escalated: true,
    escalatedOn: null,
    escalationReason: null,
    resolution: null,
    resolvedDate: null,
    version: 1,
  };
}

describe('COPY bulk load (issue 14, demo seed)', () => {
  it('writes text fields as COPY text: null as \\N, specials escaped, arrays quoted', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
    expect(copyField(true)).toBe('t');
    expect(copyField(['a', 'b"c'])).toBe('{"a","b\\\\"c"}');
  });

  it('a project and its knelpunt written with COPY read back equal to the same written with INSERT', async () => {
    const viaInsert = awkwardProject();
    const viaCopy = { ...awkwardProject(), id: crypto.randomUUID() };
    const kInsert = knelpunt(viaInsert.id);
    const kCopy = { ...knelpunt(viaCopy.id), id: crypto.randomUUID() };
    await t.db.transaction(async (tx) => {
      await projects.insertMany(tx, [viaInsert]);
      await knelpunten.insertMany(tx, [kInsert]);
      await projects.copyMany(tx, [viaCopy]);
      await knelpunten.copyMany(tx, [kCopy]);
    });
    const a = await projects.get(t.db, viaInsert.id);
    const b = await projects.get(t.db, viaCopy.id);
    expect(b).not.toBeNull();
    expect(b!.name).toBe(AWKWARD);
    const { id: _a, createdAt: _ca, updatedAt: _ua, ...restA } = a!;
    const { id: _b, createdAt: _cb, updatedAt: _ub, ...restB } = b!;
    expect(restB).toEqual(restA);
    const [ka, kb] = [await knelpunten.get(t.db, kInsert.id), await knelpunten.get(t.db, kCopy.id)];
    expect({ ...kb!, id: 'x', projectId: 'x' }).toEqual({ ...ka!, id: 'x', projectId: 'x' });
  });

  it('rows copied in a transaction that fails are not kept (all or nothing)', async () => {
    const p = awkwardProject();
    await expect(
      t.db.transaction(async (tx) => {
        await projects.copyMany(tx, [p]);
        expect(await projects.get(tx, p.id)).not.toBeNull();
        throw new Error('crash after the COPY');
      }),
    ).rejects.toThrow('crash after the COPY');
    expect(await projects.get(t.db, p.id)).toBeNull();
  });

  it('refuses a row whose length does not match the columns, naming the table', async () => {
    await expect(copyRows(t.db, 'organisations', ['id', 'name'], [['x']])).rejects.toThrow(/organisations.*1 values for 2 columns/);
  });
});
