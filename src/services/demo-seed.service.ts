/**
 * Seeds the synthetic demo dataset: generates projects over the real gemeenten (weighted by their
 * real CBS production) and writes them in ONE transaction, so a crash leaves all or nothing.
 * Existing synthetic projects are replaced; real projects are never touched.
 */
import { generateDemo, type DemoGemeente } from '../demo/generate-demo.ts';
import { productionWeights } from '../domain/production-weights.ts';
import { deriveProject } from '../domain/derive.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Knelpunt, Project } from '../domain/project.ts';
import type { Db } from '../storage/db.ts';
import type { OrganisationRepository } from '../storage/organisation.repository.ts';
import type { KnelpuntRepository, ProjectRepository } from '../storage/project.repository.ts';

export interface SeedOptions {
  projects: number;
  seed: number;
  /** The "today" of the dataset: milestones before it are achieved. */
  asOf: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  projects: number;
  milestones: number;
  knelpunten: number;
  organisations: number;
  seconds: number;
}

const CHUNK = 1000;

export function createDemoSeedService(deps: {
  db: Db;
  projects: ProjectRepository;
  knelpunten: KnelpuntRepository;
  organisations: OrganisationRepository;
}) {
  const { db } = deps;
  return {
    async seed(options: SeedOptions): Promise<SeedResult> {
      const started = performance.now();
      const gemeenten = await db.query<{ code: string; name: string; provincie_code: string; geometry: DemoGemeente['geometry'] }>(
        'SELECT code, name, provincie_code, geometry FROM gemeenten ORDER BY code',
      );
      if (gemeenten.length === 0) throw new Error('No reference data: run `wbm reference load` first.');
      const cbs = await db.query<{ gemeente_code: string; year: number; new_construction: number | null }>(
        'SELECT gemeente_code, year, new_construction FROM cbs_woningvoorraad',
      );
      const weights = productionWeights(
        cbs,
        gemeenten.map((g) => g.code),
      );
      const provincieOf = new Map(gemeenten.map((g) => [g.code, g.provincie_code]));
      const dataset = generateDemo(
        gemeenten.map((g) => ({
          code: g.code,
          name: g.name,
          provincieCode: g.provincie_code,
          weight: weights.get(g.code) ?? 1,
          geometry: g.geometry,
        })),
        { projects: options.projects, seed: options.seed, asOf: options.asOf },
      );

      // Gemeente organisations exist already (reference data) under a stable id: point parties there.
      const orgIdMap = new Map<string, string>();
      for (const org of dataset.organisations) {
        if (org.type === 'gemeente' && org.gemeenteCode) orgIdMap.set(org.id, gemeenteOrganisationId(org.gemeenteCode));
      }
      const syntheticOrgs = dataset.organisations.filter((o) => !orgIdMap.has(o.id));
      const knelpuntenByProject = new Map<string, Knelpunt[]>();
      for (const k of dataset.knelpunten) {
        const list = knelpuntenByProject.get(k.projectId) ?? [];
        list.push(k);
        knelpuntenByProject.set(k.projectId, list);
      }
      const now = new Date().toISOString();
      const projects: Project[] = dataset.projects.map((input) => ({
        ...input,
        parties: input.parties.map((p) => ({ ...p, organisationId: orgIdMap.get(p.organisationId) ?? p.organisationId })),
        ...deriveProject(input, knelpuntenByProject.get(input.id) ?? []),
        provincieCode: provincieOf.get(input.gemeenteCode)!,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }));

      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM projects WHERE synthetic');
        await tx.query('DELETE FROM organisations o WHERE synthetic AND NOT EXISTS (SELECT 1 FROM project_parties p WHERE p.organisation_id = o.id)');
        await deps.organisations.insertMany(tx, syntheticOrgs);
        for (let i = 0; i < projects.length; i += CHUNK) {
          const chunk = projects.slice(i, i + CHUNK);
          await deps.projects.insertMany(tx, chunk);
          await deps.knelpunten.insertMany(
            tx,
            chunk.flatMap((p) => knelpuntenByProject.get(p.id) ?? []),
          );
          options.onProgress?.(Math.min(i + CHUNK, projects.length), projects.length);
        }
      });
      return {
        projects: projects.length,
        milestones: projects.reduce((n, p) => n + p.milestones.length, 0),
        knelpunten: dataset.knelpunten.length,
        organisations: syntheticOrgs.length,
        seconds: (performance.now() - started) / 1000,
      };
    },
  };
}
