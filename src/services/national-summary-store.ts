/**
 * The national overview's sums per gemeente, kept in the database and in memory (issue 15 goal 4;
 * src/domain/national-summary.ts, migration 0038). On every call the data version is read: while it is the one
 * the summaries were last checked at, nothing else is read. When it moved, the gemeenten's fingerprints are read
 * and only gemeenten whose projects changed are summarised again, from their own projects. A new server process
 * reads the kept summaries (a few hundred rows) instead of every project of the country.
 *
 * The simulation is kept per gemeente too: a gemeente's runs depend on its own projects and on the observed delays
 * of the whole country, so they are run again for a changed gemeente, and for every gemeente when the observed
 * delays changed — then from the kept simulation input, without reading projects. Loads are serialised.
 */
import { createHash } from 'node:crypto';
import {
  combineSummaries,
  packSimulationProjects,
  summariseGemeente,
  unpackSimulationProjects,
  type CombinedSummary,
  type GemeenteSummary,
} from '../domain/national-summary.ts';
import type { NationalProject, RealisationAssumptions } from '../domain/forecast.ts';
import { POLICY } from '../domain/policy.ts';
import { simulate, type SimulationProject, type SimulationResult } from '../domain/simulation.ts';
import { readDataVersion, type DataVersion } from '../storage/data-version.repository.ts';
import type { Db } from '../storage/db.ts';
import type { NationalRepository } from '../storage/national.repository.ts';
import type { NationalSummaryRepository, SimulationPiece, SummaryVariant } from '../storage/national-summary.repository.ts';
import { simulationInfo, type SimulationInfo } from './forecast.service.ts';

export interface SummarySet {
  variant: SummaryVariant;
  /** The data version the sums are current at (they may include later writes; never miss earlier ones). */
  dataVersion: DataVersion;
  combined: CombinedSummary;
  /** A figure derived from these sums, computed once. */
  derive<T>(key: string, compute: () => T): T;
}

export interface SummarySimulation {
  input: { gemeenteIndex: Map<string, number>; delaySamples: readonly number[] };
  result: SimulationResult;
  info: SimulationInfo;
}

interface Held {
  dataVersion: DataVersion;
  fingerprints: Map<string, string>;
  summaries: Map<string, GemeenteSummary>;
  set: SummarySet;
  simulations: Map<string, Promise<SummarySimulation>>;
}

const sameVersion = (a: DataVersion | null, b: DataVersion) => a !== null && a.version === b.version && a.changedAt === b.changedAt;

export function createNationalSummaryStore(deps: { db: Db; national: NationalRepository; summaries: NationalSummaryRepository }) {
  const { db, national, summaries: repo } = deps;
  const held = new Map<SummaryVariant, Held>();
  const holderOf = new WeakMap<SummarySet, Held>();
  let queue: Promise<unknown> = Promise.resolve();

  /** Summarise the given gemeenten from their projects (all of them when `all`). */
  async function summariseFromProjects(variant: SummaryVariant, codes: readonly string[], all: boolean) {
    const projects = codes.length === 0 ? [] : await national.projectDataset(db, all ? undefined : codes);
    const byGemeente = new Map<string, NationalProject[]>(codes.map((g) => [g, []]));
    for (const p of projects) if (variant === 'alle' || p.synthetic) byGemeente.get(p.gemeenteCode)?.push(p);
    return [...byGemeente].map(([gemeenteCode, own]) => {
      // By key: the gemeente's runs add up in the order the national dataset holds its projects.
      own.sort((a, b) => a.key - b.key);
      return { gemeenteCode, summary: summariseGemeente(own), simulationInput: packSimulationProjects(own) };
    });
  }

  async function refresh(variant: SummaryVariant): Promise<Held> {
    const version = await readDataVersion(db);
    const before = held.get(variant);
    if (before && sameVersion(before.dataVersion, version)) return before;

    const [state, kept] = await Promise.all([repo.state(db, variant), repo.fingerprints(db, variant)]);
    let current = kept;
    const made = new Map<string, GemeenteSummary>();
    if (!sameVersion(state, version)) {
      // Read after the version: the fingerprints are at least as new as the version they are recorded under.
      const live = await national.gemeenteFingerprints(db);
      const changed = [...live].filter(([g, f]) => kept.get(g) !== f).map(([g]) => g);
      const removed = [...kept.keys()].filter((g) => !live.has(g));
      const rows = await summariseFromProjects(variant, changed, kept.size === 0);
      const stored = rows.map((r) => ({ ...r, fingerprint: live.get(r.gemeenteCode)! }));
      await db.transaction(async (tx) => {
        await repo.save(tx, variant, stored, removed);
        await repo.setState(tx, variant, version.version, version.changedAt);
      });
      for (const r of rows) made.set(r.gemeenteCode, r.summary);
      current = live;
    }
    // Summaries this process holds with the same fingerprint are reused; the others are read.
    const toRead = [...current].filter(([g, f]) => !made.has(g) && before?.fingerprints.get(g) !== f).map(([g]) => g);
    const read = toRead.length === 0 ? [] : await repo.summaries(db, variant, toRead);
    const readBy = new Map(read.map((r) => [r.gemeenteCode, r]));
    const summaries = new Map<string, GemeenteSummary>();
    const fingerprints = new Map<string, string>();
    for (const [g, f] of [...current].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const fromDb = readBy.get(g);
      const summary = made.get(g) ?? (fromDb ? fromDb.summary : before?.summaries.get(g));
      if (!summary) continue; // removed meanwhile by another process: the next version reads it again
      summaries.set(g, summary);
      fingerprints.set(g, fromDb?.fingerprint ?? f);
    }
    const combined = combineSummaries(summaries.values());
    const derived = new Map<string, unknown>();
    const next: Held = {
      dataVersion: version,
      fingerprints,
      summaries,
      simulations: new Map(),
      set: {
        variant,
        dataVersion: version,
        combined,
        derive<T>(key: string, compute: () => T): T {
          if (!derived.has(key)) derived.set(key, compute());
          return derived.get(key) as T;
        },
      },
    };
    held.set(variant, next);
    holderOf.set(next.set, next);
    return next;
  }

  async function runSimulation(
    h: Held,
    gemeenteCodes: readonly string[],
    assumptions: RealisationAssumptions,
    opts: { runs: number; seed: number; fromYear: number; toYear: number },
  ): Promise<SummarySimulation> {
    const { variant, combined } = h.set;
    const delaySamples = combined.delaySamples;
    const years = opts.toYear - opts.fromYear + 1;
    const pieceLength = opts.runs * years;
    const options = JSON.stringify({ ...opts, assumptions });
    const delaysKey = createHash('sha256').update(Int32Array.from(delaySamples)).digest('base64');
    // Only the standard runs and seed are kept: a request may ask for others (up to POLICY.simulation.maxRuns), and
    // keeping every such set would let the kept data grow without end. Those run in memory from the kept input.
    const keep = opts.runs === POLICY.simulation.runs && opts.seed === POLICY.simulation.seed;
    const kept = new Map((keep ? await repo.pieces(db, variant, options) : []).map((p) => [p.gemeenteCode, p]));
    const pieces = new Map<string, Float64Array>();
    const stale: string[] = [];
    for (const g of gemeenteCodes) {
      const fingerprint = h.fingerprints.get(g);
      if (fingerprint === undefined) continue; // no projects: no homes in any run
      const piece = kept.get(g);
      if (piece && piece.fingerprint === fingerprint && piece.delaysKey === delaysKey && piece.runsByYear.length === pieceLength) {
        pieces.set(g, piece.runsByYear);
      } else stale.push(g);
    }
    if (stale.length > 0) {
      const inputs = await repo.simulationInputs(db, variant, stale);
      const projects: SimulationProject[] = [];
      stale.forEach((g, i) => {
        const packed = inputs.get(g);
        if (packed) for (const p of unpackSimulationProjects(packed, i, assumptions)) projects.push(p);
      });
      const run = simulate(projects, { ...opts, gemeenten: stale.length, delaySamples });
      const made: SimulationPiece[] = stale.map((g, i) => {
        const runsByYear = new Float64Array(pieceLength);
        for (let r = 0; r < opts.runs; r++) {
          const from = (r * stale.length + i) * years;
          runsByYear.set(run.values.subarray(from, from + years), r * years);
        }
        pieces.set(g, runsByYear);
        return { gemeenteCode: g, fingerprint: h.fingerprints.get(g)!, delaysKey, runsByYear };
      });
      if (keep) await repo.savePieces(db, variant, options, made, delaysKey);
    }
    const gemeenten = gemeenteCodes.length;
    const values = new Float64Array(opts.runs * gemeenten * years);
    gemeenteCodes.forEach((g, i) => {
      const piece = pieces.get(g);
      if (!piece) return;
      for (let r = 0; r < opts.runs; r++) values.set(piece.subarray(r * years, (r + 1) * years), (r * gemeenten + i) * years);
    });
    return {
      input: { gemeenteIndex: new Map(gemeenteCodes.map((c, i) => [c, i])), delaySamples },
      result: { ...opts, gemeenten, values },
      info: simulationInfo(delaySamples, opts),
    };
  }

  return {
    /** The sums of every gemeente, current at the data version read by this call. */
    async load(variant: SummaryVariant): Promise<SummarySet> {
      const next = queue.then(
        () => refresh(variant),
        () => refresh(variant),
      );
      queue = next.catch(() => undefined);
      return (await next).set;
    },

    /**
     * A figure computed once per data version and kept in the database, so a new process reads it while the data is
     * unchanged: the kept value when it is of `version`, else `compute()` (then kept). JSON values only.
     */
    async kept<T>(key: string, version: DataVersion, compute: () => Promise<T>): Promise<T> {
      const kept = await repo.keptFigure<T>(db, key, version);
      if (kept !== null) return kept;
      const value = await compute();
      await repo.keepFigure(db, key, version, value);
      return value;
    },

    /** The simulation of these gemeenten (in this order) on the sums of `set`, run only where nothing is kept. */
    simulate(
      set: SummarySet,
      gemeenteCodes: readonly string[],
      assumptions: RealisationAssumptions,
      opts: { runs: number; seed: number; fromYear: number; toYear: number },
    ): Promise<SummarySimulation> {
      const h = holderOf.get(set);
      if (!h) throw new Error('simulate: sums not loaded by this store');
      const key = JSON.stringify({ gemeenteCodes, assumptions, opts });
      let run = h.simulations.get(key);
      if (!run) {
        run = runSimulation(h, gemeenteCodes, assumptions, opts);
        h.simulations.set(key, run);
        run.catch(() => h.simulations.delete(key));
      }
      return run;
    },
  };
}

export type NationalSummaryStore = ReturnType<typeof createNationalSummaryStore>;
