/**
 * Benchmark of the Woningbouwimpuls (issue 16 part 2): one tranche with N applications (default 1,000, one per synthetic
 * project, each with committee scores), through the service (no HTTP): the tranche with every application's eligibility
 * check, the ranking and allocation, and the decision list as XLSX and CSV; and the Gebiedsbudget request list with
 * N/10 requests and the running total. Prints p50/p95 over RUNS runs. PGlite in a temporary directory.
 *
 *   npx tsx bench/woningbouwimpuls.bench.ts
 *   BENCH_APPLICATIONS=5000 BENCH_RUNS=10 npx tsx bench/woningbouwimpuls.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '../src/domain/access.ts';
import { createServices } from '../src/services/container.ts';
import { openPglite, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { createWoningbouwimpulsRepository } from '../src/storage/woningbouwimpuls.repository.ts';
import { printTable, sampleAt } from './report.ts';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

async function open(): Promise<{ db: Db; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wbm-bench-wbi-'));
  const db = await openPglite(dir);
  return {
    db,
    done: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const { db, done } = await open();
await migrate(db);
await loadReferenceData(db);
const services = createServices(db, { today: () => '2027-03-15' });
await services.demoSeed.seed({ projects: APPLICATIONS, seed: 16, asOf: '2026-10-01' });
const projects = await db.query<{ id: string; gemeente_code: string }>('SELECT id, gemeente_code FROM projects ORDER BY id LIMIT $1', [APPLICATIONS]);
const store = createWoningbouwimpulsRepository();
const trancheId = crypto.randomUUID();
const rnd = (() => {
  let x = 16;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
})();
await db.transaction(async (tx) => {
  await store.insertTranche(tx, {
    id: trancheId,
    name: 'Bench',
    windowOpens: '2027-01-01',
    windowCloses: '2027-02-28',
    awardDate: '2027-06-01',
    budgetEuros: 300_000_000,
    synthetic: false,
  });
  for (const p of projects) {
    const id = crypto.randomUUID();
    const homes = 150 + Math.floor(rnd() * 2_000);
    const requested = 1_000_000 + Math.floor(rnd() * 9_000_000);
    await store.insertApplication(tx, {
      id,
      trancheId,
      projectId: p.id,
      gemeenteCode: p.gemeente_code,
      filedByUserId: null,
      synthetic: false,
      homes,
      affordableHomes: Math.floor(homes * (0.4 + rnd() * 0.5)),
      publicInvestmentsEuros: requested * 3,
      kostenverhaalEuros: requested,
      grondverkoopEuros: Math.floor(requested * rnd()),
      otherNationalContributionsEuros: 0,
      requestedEuros: requested,
      cofinancingEuros: Math.floor(requested * (0.6 + rnd())),
      activities: ['infrastructurele_ontsluiting'],
      otherActivities: '',
      firstStartDate: '2028-06-01',
      lastStartDate: '2034-01-01',
      necessaryForWoondeal: true,
      bottleneck: 'Ontsluiting',
      realisatiestimulansInsufficient: true,
      parallelPlannen: rnd() > 0.1,
      versnellingstafelWithPpm: true,
      openBooks: true,
      explanation: 'Bench',
    });
    const score = () => Math.floor(rnd() * 11);
    await store.putScores(tx, id, { noodzaak: score(), effectiviteit: score(), efficientie: score(), urgentie: score() }, null, 0);
  }
  for (const p of projects.slice(0, Math.ceil(APPLICATIONS / 10))) {
    await store.insertRequest(tx, {
      id: crypto.randomUUID(),
      gemeenteCode: p.gemeente_code,
      filedByUserId: null,
      synthetic: false,
      areaCode: 'haven-stad',
      title: 'Bench',
      homes: 9_000,
      affordableHomes: 6_000,
      lastHomesYear: 2034,
      homesBefore2030: 3_000,
      parallelPlannen: true,
      versnellingstafelWithPpm: true,
      openBooks: true,
      positiveMkba: true,
      measures: ['openbare_ruimte'],
      totalInvestmentEuros: 20_000_000,
      regionReservedEuros: 10_000_000,
      requestedEuros: 12_000_000,
    });
  }
});
const ministry: Principal = {
  kind: 'user',
  userId: null,
  name: 'Bench',
  role: 'ministerie_analist',
  organisationId: null,
  gemeenteCode: null,
  regionId: null,
  provincieCode: null,
  demo: false,
};
const wbi = services.woningbouwimpuls;

async function time(label: string, run: () => Promise<unknown>): Promise<string[]> {
  await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return [label, sampleAt(ms, Math.floor(RUNS / 2)).toFixed(0), sampleAt(ms, Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)).toFixed(0)];
}

const rows = [
  await time('tranche + eligibility per application', () => wbi.tranche(trancheId, ministry)),
  await time('ranking and allocation', () => wbi.allocation(trancheId, ministry)),
  await time('decision list XLSX', () => wbi.decisionList(trancheId, 'xlsx', ministry)),
  await time('decision list CSV', () => wbi.decisionList(trancheId, 'csv', ministry)),
  await time('gebiedsbudget requests + running total', () => wbi.requests(ministry)),
];
const allocation = await wbi.allocation(trancheId, ministry);
console.log(
  `${APPLICATIONS} applications (${allocation.lines.filter((l) => l.rank !== null).length} ranked), ${db.kind}, ${RUNS} runs, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
printTable(['step', 'p50 ms', 'p95 ms'], rows);
await done();
