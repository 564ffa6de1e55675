/**
 * Concurrency test (issue 4 "data safety", SPEC §7; PostgreSQL only, CI runs it with DATABASE_URL):
 * 20 editors, each with their own API token (gemeente editors of the projects' gemeente and
 * beheerders), edit the same four projects at once over real HTTP. Every edit is read-modify-write
 * with optimistic locking: read the project, send the change with the version read, and on 409
 * re-read and retry (up to MAX_RETRIES times). Edits mix
 *   - field edits: append a unique token to the description,
 *   - milestone moves: move M09's forecast one day later,
 *   - programme replaces: one more home in the programme line,
 *   - knelpunt adds: a knelpunt whose description is a unique token.
 * Then: no lost update. Each accepted change (2xx) is in the final state (the description is the
 * tokens in version order, the forecast moved once per accepted move, the homes counter, the
 * knelpunten), versions are 2…N+1 without gaps or duplicates, and each accepted change is in the audit
 * trail exactly once, by the editor who made it, with an unbroken old → new chain.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../src/storage/db.ts';
import { at, present } from '../helpers/present.ts';
import { addDays, format, parseISO } from 'date-fns';
import { gemeenteOrganisationId } from '../../src/domain/identifiers.ts';
import { buildApp } from '../../src/http/app.ts';
import { createServices } from '../../src/services/container.ts';
import { accountWithToken, TEST_AUTH_OPTIONS } from '../helpers/auth.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';
import { closeQuietly } from './pg-quiet-close.ts';

const EDITORS = 20;
const OPS_PER_EDITOR = 15;
const PROJECTS = 4;
const MAX_RETRIES = 12;
const SEED = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 1_000_000);
const PROGRAMME_LINE = { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier' };
const PROGRAMME_KEY = 'programme.sociale_huur/gestapeld/regulier.homes';
const START_FORECAST = '2027-02-01';

type Kind = 'field' | 'milestone' | 'programme' | 'knelpunt';

interface Accepted {
  projectId: string;
  kind: Kind;
  token: string;
  editor: number;
  userId: string;
  /** The project version the change produced (not for knelpunten: they do not bump it). */
  version: number | null;
}

interface Editor {
  index: number;
  userId: string;
  headers: Record<string, string>;
}

/** mulberry32: a small seeded generator, so the mix of operations can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(!process.env.DATABASE_URL)('many simultaneous editors of the same projects (PostgreSQL)', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let base = '';
  let admin: Record<string, string>;
  const projectIds: string[] = [];
  const editors: Editor[] = [];
  const figures = { requests: 0, writes: 0, conflicts: 0, retries: 0, abandoned: 0, accepted: 0, otherErrors: [] as string[], ms: 0 };

  async function http(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: any }> {
    figures.requests += 1;
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  beforeAll(async () => {
    t = await createTestDb();
    const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
    app = await buildApp({ services });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    admin = (await accountWithToken(services, 'beheerder')).headers;
    for (let i = 0; i < PROJECTS; i++) {
      const res = await http('POST', '/api/v1/projects', admin, {
        name: `Gelijktijdig ${i + 1}`,
        gemeenteCode: 'GM0363',
        planStatus: 'vastgesteld',
        description: 'start',
        programme: [{ ...PROGRAMME_LINE, homes: 100 }],
        milestones: [
          { code: 'M06', baselineDate: '2026-03-01', forecastDate: '2026-03-01' },
          { code: 'M09', baselineDate: START_FORECAST, forecastDate: START_FORECAST },
          { code: 'M11', baselineDate: '2028-06-01', forecastDate: '2028-06-01' },
          { code: 'M12', baselineDate: '2030-06-01', forecastDate: '2030-06-01' },
        ],
        parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      projectIds.push(res.json.id);
    }
    for (let i = 0; i < EDITORS; i++) {
      const role = i % 5 < 3 ? 'gemeente_editor' : 'beheerder';
      const scope = role === 'gemeente_editor' ? { gemeenteCode: 'GM0363', organisationId: gemeenteOrganisationId('GM0363') } : {};
      const { principal, headers } = await accountWithToken(services, role, scope);
      editors.push({ index: i, userId: principal.userId!, headers });
    }
  });

  afterAll(async () => {
    await app?.close();
    await closeQuietly(t);
  });

  /** One read-modify-write edit with retries on 409; returns the accepted change or null when abandoned. */
  async function edit(editor: Editor, op: number, kind: Kind, projectId: string, think: () => number): Promise<Accepted | null> {
    const token = `e${editor.index}o${op}`;
    const url = `/api/v1/projects/${projectId}`;
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      if (attempt > 0) figures.retries += 1;
      let res: { status: number; json: any };
      if (kind === 'knelpunt') {
        figures.writes += 1;
        res = await http('POST', `${url}/knelpunten`, editor.headers, { category: 'overig', description: token, raisedDate: '2026-01-01' });
      } else {
        const read = await http('GET', url, editor.headers);
        expect(read.status).toBe(200);
        const current = read.json;
        await new Promise((r) => setTimeout(r, think()));
        figures.writes += 1;
        if (kind === 'field') {
          res = await http('PATCH', url, editor.headers, { version: current.version, description: `${current.description} ${token}` });
        } else if (kind === 'milestone') {
          const m09 = current.milestones.find((m: { code: string }) => m.code === 'M09');
          const next = format(addDays(parseISO(m09.forecastDate), 1), 'yyyy-MM-dd');
          res = await http('PATCH', `${url}/milestones/M09`, editor.headers, { version: current.version, forecastDate: next });
        } else {
          const homes = current.programme[0].homes as number;
          res = await http('PUT', `${url}/programme`, editor.headers, { version: current.version, items: [{ ...PROGRAMME_LINE, homes: homes + 1 }] });
        }
      }
      if (res.status === 200 || res.status === 201) {
        figures.accepted += 1;
        return { projectId, kind, token, editor: editor.index, userId: editor.userId, version: kind === 'knelpunt' ? null : res.json.version };
      }
      if (res.status === 409) {
        figures.conflicts += 1;
        expect(res.json.currentVersion, 'a 409 names the current version').toBeGreaterThan(0);
        continue;
      }
      figures.otherErrors.push(`${res.status} ${kind} ${token}: ${JSON.stringify(res.json).slice(0, 200)}`);
      return null;
    }
    figures.abandoned += 1;
    return null;
  }

  it('no lost update: every accepted change is in the final state and in the audit trail exactly once', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const kinds: Kind[] = ['field', 'field', 'milestone', 'programme', 'knelpunt'];
    const results = await Promise.all(
      editors.map(async (editor) => {
        const random = prng(SEED + editor.index);
        const accepted: Accepted[] = [];
        for (let op = 0; op < OPS_PER_EDITOR; op++) {
          const kind = at(kinds, Math.floor(random() * kinds.length));
          // Most edits go to the first two projects: more contention there.
          const projectId = at(projectIds, random() < 0.7 ? Math.floor(random() * 2) : 2 + Math.floor(random() * (PROJECTS - 2)));
          const done = await edit(editor, op, kind, projectId, () => Math.floor(random() * 6));
          if (done) accepted.push(done);
        }
        return accepted;
      }),
    );
    figures.ms = Math.round(performance.now() - started);
    const accepted = results.flat();
    expect(figures.otherErrors).toEqual([]);
    // The test is only meaningful when editors really collided.
    expect(figures.conflicts).toBeGreaterThan(0);

    let checkedAudit = 0;
    for (const id of projectIds) {
      const mine = accepted.filter((a) => a.projectId === id);
      const bumping = mine.filter((a) => a.version !== null).sort((a, b) => a.version! - b.version!);
      const final = (await http('GET', `/api/v1/projects/${id}`, admin)).json;

      // Versions 2…N+1: each accepted edit produced its own version, none was lost or doubled.
      expect(bumping.map((a) => a.version)).toEqual(bumping.map((_, i) => i + 2));
      expect(final.version).toBe(1 + bumping.length);

      // The final state is the accepted changes applied in version order.
      const fields = bumping.filter((a) => a.kind === 'field');
      expect(final.description).toBe(['start', ...fields.map((a) => a.token)].join(' '));
      const moves = bumping.filter((a) => a.kind === 'milestone').length;
      const m09 = final.milestones.find((m: { code: string }) => m.code === 'M09');
      expect(m09.forecastDate).toBe(format(addDays(parseISO(START_FORECAST), moves), 'yyyy-MM-dd'));
      const programmeEdits = bumping.filter((a) => a.kind === 'programme').length;
      expect(final.programme).toEqual([{ ...PROGRAMME_LINE, homes: 100 + programmeEdits }]);
      const knelpunten = mine.filter((a) => a.kind === 'knelpunt');
      expect(final.knelpunten.map((k: { description: string }) => k.description).sort()).toEqual(knelpunten.map((a) => a.token).sort());

      // The audit trail: exactly one entry per accepted change, by its editor, and an unbroken chain.
      const audit = (await http('GET', `/api/v1/projects/${id}/audit?limit=1000`, admin)).json.items as Array<{
        id: number;
        actorUserId: string | null;
        entityType: string;
        action: string;
        changes: Array<{ field: string; old: unknown; new: unknown }>;
      }>;
      checkedAudit += audit.length;
      const projectEntries = audit.filter((e) => e.entityType === 'project').sort((a, b) => a.id - b.id);
      expect(projectEntries.length).toBe(1 + bumping.length);
      expect(projectEntries[0]?.action).toBe('aangemaakt');
      const edits = projectEntries.slice(1);
      for (const [i, a] of bumping.entries()) {
        // The i-th change after creation is the edit that produced version i + 2.
        const entry = present(edits[i]);
        expect(entry.actorUserId).toBe(a.userId);
        const changed = entry.changes.map((c) => c.field);
        if (a.kind === 'field') {
          expect(changed).toEqual(['description']);
          expect(String(entry.changes[0]?.new).endsWith(` ${a.token}`)).toBe(true);
        } else if (a.kind === 'milestone') {
          expect(changed).toEqual(['milestones.M09.forecastDate']);
        } else {
          expect(changed).toEqual([PROGRAMME_KEY]);
        }
      }
      // old → new chains: each change starts where the previous accepted change of that field ended.
      for (const field of ['description', 'milestones.M09.forecastDate', PROGRAMME_KEY]) {
        const chain = edits.flatMap((e) => e.changes.filter((c) => c.field === field));
        for (let i = 1; i < chain.length; i++) expect(chain[i]?.old).toEqual(chain[i - 1]?.new);
      }
      for (const a of fields) {
        expect(audit.filter((e) => e.changes.some((c) => c.field === 'description' && String(c.new).endsWith(` ${a.token}`)))).toHaveLength(1);
      }
      const knelpuntEntries = audit.filter((e) => e.entityType === 'knelpunt');
      expect(knelpuntEntries).toHaveLength(knelpunten.length);
      for (const a of knelpunten) {
        const entries = knelpuntEntries.filter((e) => e.changes.some((c) => c.field === 'description' && c.new === a.token));
        expect(entries).toHaveLength(1);
        expect(entries[0]?.actorUserId).toBe(a.userId);
      }
    }

    // Nothing else was written: the audit_log holds exactly these entries (plus the creations).
    const { n } = await queryOne<{ n: number }>(t.db, "SELECT count(*) AS n FROM audit_log WHERE entity_type IN ('project', 'knelpunt')");
    expect(n).toBe(PROJECTS + accepted.length);

    const byKind = (k: Kind) => accepted.filter((a) => a.kind === k).length;
    console.log(
      `[concurrency] seed ${SEED}: ${EDITORS} editors × ${OPS_PER_EDITOR} edits on ${PROJECTS} projects in ${figures.ms} ms over HTTP: ` +
        `${figures.requests} requests (${figures.writes} writes), ${figures.conflicts} conflicts (409) detected, ${figures.retries} retries, ` +
        `${figures.accepted} accepted (${byKind('field')} field edits, ${byKind('milestone')} milestone moves, ${byKind('programme')} programme replaces, ` +
        `${byKind('knelpunt')} knelpunten), ${figures.abandoned} abandoned after ${MAX_RETRIES} retries; ${checkedAudit} audit entries checked, ` +
        `${n} audit_log rows = ${PROJECTS} creations + ${accepted.length} accepted changes`,
    );
  });
});
