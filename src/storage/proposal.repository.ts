/** Proposals for alternatives of a table's gemeenten (migration 0021; issue 12 item 6). SQL only. */
import type { Phase } from '../domain/codes.ts';
import type { ProposalKind } from '../domain/alternative-proposal.ts';
import { countedSql } from './lifecycle.repository.ts';
import type { Queryable } from './db.ts';

export interface ProposalRow {
  id: string;
  regionId: string;
  gemeenteCode: string;
  gemeenteName: string;
  kind: ProposalKind;
  project: { id: string; name: string } | null;
  title: string;
  description: string | null;
  homes: number;
  year: number;
  proposedAt: string;
  /** The proposer's current name (null when the account is gone). */
  proposedByName: string | null;
  withdrawnAt: string | null;
  synthetic: boolean;
  version: number;
}

export interface ProposalWrite {
  id: string;
  regionId: string;
  gemeenteCode: string;
  kind: ProposalKind;
  projectId: string | null;
  title: string;
  description: string | null;
  homes: number;
  year: number;
  proposedByUserId: string | null;
  synthetic: boolean;
}

const SELECT = `SELECT a.id, a.region_id AS "regionId", a.gemeente_code AS "gemeenteCode", g.name AS "gemeenteName", a.kind,
    CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name) END AS project,
    a.title, a.description, a.homes, a.year, a.proposed_at AS "proposedAt", u.name AS "proposedByName",
    a.withdrawn_at AS "withdrawnAt", a.synthetic, a.version
  FROM alternative_proposals a
  JOIN gemeenten g ON g.code = a.gemeente_code
  LEFT JOIN projects p ON p.id = a.project_id
  LEFT JOIN users u ON u.id = a.proposed_by_user_id`;

function normalise(r: ProposalRow): ProposalRow {
  const at = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
  const project = typeof r.project === 'string' ? (JSON.parse(r.project) as ProposalRow['project']) : r.project;
  return {
    ...r,
    project,
    homes: Number(r.homes),
    year: Number(r.year),
    version: Number(r.version),
    proposedAt: at(r.proposedAt)!,
    withdrawnAt: at(r.withdrawnAt),
  };
}

export function createProposalRepository() {
  return {
    /** The open (not withdrawn) proposals of a table; `gemeenteCode`: of that gemeente only; `syntheticOnly`: demo data only. */
    async listOpen(q: Queryable, regionId: string, filter: { gemeenteCode?: string; syntheticOnly?: boolean } = {}): Promise<ProposalRow[]> {
      const rows = await q.query<ProposalRow>(
        `${SELECT} WHERE a.region_id = $1 AND a.withdrawn_at IS NULL AND ($2::text IS NULL OR a.gemeente_code = $2)
           AND (NOT $3::boolean OR a.synthetic) ORDER BY a.year, a.homes DESC, a.proposed_at`,
        [regionId, filter.gemeenteCode ?? null, filter.syntheticOnly ?? false],
      );
      return rows.map(normalise);
    },

    async get(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<ProposalRow | null> {
      if (options.forUpdate) await q.query('SELECT 1 FROM alternative_proposals WHERE id = $1 FOR UPDATE', [id]);
      const [row] = await q.query<ProposalRow>(`${SELECT} WHERE a.id = $1`, [id]);
      return row ? normalise(row) : null;
    },

    async insert(q: Queryable, p: ProposalWrite): Promise<void> {
      await q.query(
        `INSERT INTO alternative_proposals (id, region_id, gemeente_code, kind, project_id, title, description, homes, year, proposed_by_user_id, synthetic)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [p.id, p.regionId, p.gemeenteCode, p.kind, p.projectId, p.title, p.description, p.homes, p.year, p.proposedByUserId, p.synthetic],
      );
    },

    /** Marks it withdrawn when still open at this version; false when the version is stale or it was withdrawn already. */
    async withdraw(q: Queryable, id: string, expectedVersion: number, byUserId: string | null): Promise<boolean> {
      const rows = await q.query(
        `UPDATE alternative_proposals SET withdrawn_at = now(), withdrawn_by_user_id = $3, version = version + 1
         WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL RETURNING id`,
        [id, expectedVersion, byUserId],
      );
      return rows.length === 1;
    },

    /** The facts of a project a proposal names: its gemeente, phase and demo marking (null when unknown). */
    async projectFacts(q: Queryable, projectId: string): Promise<{ gemeenteCode: string; phase: Phase; synthetic: boolean } | null> {
      const [row] = await q.query<{ gemeenteCode: string; phase: Phase; synthetic: boolean }>(
        'SELECT gemeente_code AS "gemeenteCode", phase, synthetic FROM projects WHERE id = $1',
        [projectId],
      );
      return row ?? null;
    },

    /** The projects of a gemeente a proposal may name (id and name), by name; `syntheticOnly`: demo data only. */
    async projectChoices(q: Queryable, gemeenteCode: string, syntheticOnly: boolean): Promise<Array<{ id: string; name: string; phase: Phase }>> {
      return q.query(
        `SELECT id, name, phase FROM projects p WHERE gemeente_code = $1 AND (NOT $2::boolean OR synthetic) AND ${countedSql('p')} ORDER BY name, id`,
        [gemeenteCode, syntheticOnly],
      );
    },
  };
}

export type ProposalRepository = ReturnType<typeof createProposalRepository>;
