/**
 * A round's id tells an outsider nothing (issue 8 item 15's class, existence oracles; SPEC §7): whoever
 * may not see a table's round gets, on every endpoint that takes a round id, exactly the answer an
 * unknown id gets. PGlite by default, PostgreSQL with DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../test/helpers/present.ts';
import { accountWithToken } from '../../test/helpers/auth.ts';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

let t: TestApp;
let roundId = '';

beforeAll(async () => {
  t = await createTestApp();
  const admin = (await accountWithToken(t.services, 'beheerder')).headers;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/regions/vt-u10/rounds',
    headers: admin,
    payload: { quarter: '2030-Q1', deadline: '2030-03-15' },
  });
  expect(res.statusCode, res.body).toBe(201);
  roundId = res.json().id;
});
afterAll(async () => {
  await t?.close();
});

/** A project of one gemeente with ten social-rent homes whose completion (M12) is planned on `date`; its id. */
async function createProject(headers: Record<string, string>, name: string, gemeenteCode: string, date: string): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers,
    payload: {
      name,
      gemeenteCode,
      planStatus: 'vastgesteld',
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 10 }],
      milestones: [{ code: 'M12', baselineDate: date, forecastDate: date }],
      parties: [{ organisationId: gemeenteOrganisationId(gemeenteCode), role: 'bevoegd_gezag' }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

describe('round ids and outsiders', () => {
  it('an outsider gets for a real round id exactly what an unknown id gets, on every round endpoint', async () => {
    const outsiders = [
      (await accountWithToken(t.services, 'gemeente_editor', { gemeenteCode: 'GM0014' })).headers,
      (await accountWithToken(t.services, 'tafel_secretaris', { regionId: 'vt-amsterdam-e-o' })).headers,
      (await accountWithToken(t.services, 'provincie_analist', { provincieCode: 'PV20' })).headers,
    ];
    const projectId = randomUUID();
    const requests = (id: string): InjectOptions[] => [
      { url: `/api/v1/rounds/${id}` },
      { url: `/api/v1/rounds/${id}/projects` },
      { url: `/api/v1/rounds/${id}/projects/${projectId}` },
      { url: `/api/v1/rounds/${id}/reminders` },
      { method: 'POST', url: `/api/v1/rounds/${id}/close` },
      { method: 'POST', url: `/api/v1/rounds/${id}/confirmations`, payload: { projectIds: [projectId] } },
      { method: 'POST', url: `/api/v1/rounds/${id}/confirmations/preview`, payload: { projectIds: [projectId] } },
      { method: 'POST', url: `/api/v1/rounds/${id}/confirmations/undo`, payload: { batchId: projectId } },
    ];
    const unknownId = randomUUID();
    const problems: string[] = [];
    for (const headers of outsiders) {
      const real = requests(roundId);
      const unknown = requests(unknownId);
      for (let i = 0; i < real.length; i++) {
        const a = await t.app.inject({ ...real[i], headers });
        const b = await t.app.inject({ ...unknown[i], headers });
        const shape = (r: { statusCode: number; body: string }, id: string) => `${r.statusCode} ${r.body.replaceAll(id, '<id>')}`;
        if (shape(a, roundId) !== shape(b, unknownId)) problems.push(`${at(real, i).url}: ${shape(a, roundId)} vs ${shape(b, unknownId)}`);
        expect(a.statusCode).toBe(404);
      }
    }
    expect(problems).toEqual([]);
  });

  it('after the round closes, an outsider still learns nothing from a frozen project of it', async () => {
    const admin = (await accountWithToken(t.services, 'beheerder')).headers;
    const frozenId = await createProject(admin, 'Bevroren project', 'GM0344', '2031-01-01');
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/rounds/${roundId}/close`, headers: admin });
    expect(closed.statusCode, closed.body).toBe(200);
    const outsider = (await accountWithToken(t.services, 'gemeente_editor', { gemeenteCode: 'GM0014' })).headers;
    const unknownId = randomUUID();
    for (const projectId of [frozenId, randomUUID()]) {
      const real = await t.app.inject({ url: `/api/v1/rounds/${roundId}/projects/${projectId}`, headers: outsider });
      const unknown = await t.app.inject({ url: `/api/v1/rounds/${unknownId}/projects/${projectId}`, headers: outsider });
      expect(real.statusCode).toBe(404);
      expect(real.body.replaceAll(roundId, '<id>')).toBe(unknown.body.replaceAll(unknownId, '<id>'));
    }
    // Those who may read the project still see its frozen view.
    const utrecht = (await accountWithToken(t.services, 'gemeente_editor', { gemeenteCode: 'GM0344' })).headers;
    expect((await t.app.inject({ url: `/api/v1/rounds/${roundId}/projects/${frozenId}`, headers: utrecht })).statusCode).toBe(200);
  });

  it("comparing one's own project with another table's round answers as with an unknown round", async () => {
    const projectId = await createProject((await accountWithToken(t.services, 'beheerder')).headers, 'Eigen project', 'GM0363', '2030-01-01');
    const gemeente = (await accountWithToken(t.services, 'gemeente_editor', { gemeenteCode: 'GM0363' })).headers;
    const unknownId = randomUUID();
    const real = await t.app.inject({ url: `/api/v1/projects/${projectId}/changes?since=${roundId}`, headers: gemeente });
    const unknown = await t.app.inject({ url: `/api/v1/projects/${projectId}/changes?since=${unknownId}`, headers: gemeente });
    expect(real.statusCode).toBe(404);
    expect(real.body.replaceAll(roundId, '<id>')).toBe(unknown.body.replaceAll(unknownId, '<id>'));
    expect(real.body).not.toMatch(/2030|Q1|nog open/);
  });
});
