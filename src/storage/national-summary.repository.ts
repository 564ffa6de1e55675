/**
 * The kept sums per gemeente behind the national overview (migration 0038; src/domain/national-summary.ts), the
 * kept simulation runs per gemeente, and figures kept per data version. Binary columns travel as base64 text, which both drivers handle alike.
 */
import type { GemeenteSummary } from '../domain/national-summary.ts';
import type { DataVersion } from './data-version.repository.ts';
import type { Queryable } from './db.ts';

export type SummaryVariant = 'alle' | 'demo';

export interface StoredSummary {
  gemeenteCode: string;
  fingerprint: string;
  summary: GemeenteSummary;
}

export interface SimulationPiece {
  gemeenteCode: string;
  fingerprint: string;
  delaysKey: string;
  runsByYear: Float64Array;
}

/** A copy of the bytes as a typed array of its own (aligned, whatever the driver's buffer offset). */
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const base64Of = (array: Int32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

export function createNationalSummaryRepository() {
  return {
    /** The data version (and its time) at which the variant's summaries were last found current; null: never. */
    async state(q: Queryable, variant: SummaryVariant): Promise<{ version: number; changedAt: string } | null> {
      const [row] = await q.query<{ version: number; changed_at: Date | string }>(
        'SELECT data_version AS version, changed_at FROM national_summary_state WHERE variant = $1',
        [variant],
      );
      return row ? { version: Number(row.version), changedAt: new Date(row.changed_at).toISOString() } : null;
    },

    async setState(q: Queryable, variant: SummaryVariant, version: number, changedAt: string): Promise<void> {
      await q.query(
        `INSERT INTO national_summary_state (variant, data_version, changed_at) VALUES ($1, $2, $3)
         ON CONFLICT (variant) DO UPDATE SET data_version = EXCLUDED.data_version, changed_at = EXCLUDED.changed_at`,
        [variant, version, changedAt],
      );
    },

    /** The kept summaries of these gemeenten (without the simulation input). */
    async summaries(q: Queryable, variant: SummaryVariant, gemeenteCodes: readonly string[]): Promise<StoredSummary[]> {
      const rows = await q.query<{ g: string; f: string; s: string }>(
        `SELECT gemeente_code AS g, fingerprint AS f, summary AS s FROM national_gemeente_summaries
         WHERE variant = $1 AND gemeente_code = ANY($2::text[])`,
        [variant, [...gemeenteCodes]],
      );
      return rows.map((r) => ({ gemeenteCode: r.g, fingerprint: r.f, summary: JSON.parse(r.s) as GemeenteSummary }));
    },

    /** The fingerprint of every kept summary of the variant. */
    async fingerprints(q: Queryable, variant: SummaryVariant): Promise<Map<string, string>> {
      const rows = await q.query<{ g: string; f: string }>(
        'SELECT gemeente_code AS g, fingerprint AS f FROM national_gemeente_summaries WHERE variant = $1',
        [variant],
      );
      return new Map(rows.map((r) => [r.g, r.f]));
    },

    /** Replace the summaries of these gemeenten and drop those of `removed`. */
    async save(
      q: Queryable,
      variant: SummaryVariant,
      rows: ReadonlyArray<StoredSummary & { simulationInput: Int32Array }>,
      removed: readonly string[],
    ): Promise<void> {
      if (removed.length > 0) {
        await q.query('DELETE FROM national_gemeente_summaries WHERE variant = $1 AND gemeente_code = ANY($2::text[])', [variant, removed]);
        await q.query('DELETE FROM national_simulation_pieces WHERE variant = $1 AND gemeente_code = ANY($2::text[])', [variant, removed]);
      }
      // In batches: one statement's parameters stay far below the drivers' limits at any size of gemeente.
      for (let i = 0; i < rows.length; i += 50) {
        const batch = rows.slice(i, i + 50);
        await q.query(
          `INSERT INTO national_gemeente_summaries (variant, gemeente_code, fingerprint, summary, simulation_input)
           SELECT $1, g, f, s, decode(b, 'base64') FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(g, f, s, b)
           ON CONFLICT (variant, gemeente_code) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, summary = EXCLUDED.summary,
             simulation_input = EXCLUDED.simulation_input`,
          [
            variant,
            batch.map((r) => r.gemeenteCode),
            batch.map((r) => r.fingerprint),
            batch.map((r) => JSON.stringify(r.summary)),
            batch.map((r) => base64Of(r.simulationInput)),
          ],
        );
      }
    },

    /** The simulation input of these gemeenten (packSimulationProjects), with the fingerprint it was made from. */
    async simulationInputs(q: Queryable, variant: SummaryVariant, gemeenteCodes: readonly string[]): Promise<Map<string, Int32Array>> {
      const rows = await q.query<{ g: string; b: string }>(
        `SELECT gemeente_code AS g, encode(simulation_input, 'base64') AS b FROM national_gemeente_summaries
         WHERE variant = $1 AND gemeente_code = ANY($2::text[])`,
        [variant, [...gemeenteCodes]],
      );
      return new Map(rows.map((r) => [r.g, new Int32Array(bytesOf(r.b).buffer)]));
    },

    /** A figure kept under `key` for exactly this data version; null when there is none or it is of another version. */
    async keptFigure<T>(q: Queryable, key: string, version: DataVersion): Promise<T | null> {
      const [row] = await q.query<{ version: number; changed_at: Date | string; value: string }>(
        'SELECT data_version AS version, changed_at, value FROM national_kept_figures WHERE key = $1',
        [key],
      );
      if (!row || Number(row.version) !== version.version || new Date(row.changed_at).toISOString() !== version.changedAt) return null;
      return JSON.parse(row.value) as T;
    },

    async keepFigure(q: Queryable, key: string, version: DataVersion, value: unknown): Promise<void> {
      await q.query(
        `INSERT INTO national_kept_figures (key, data_version, changed_at, value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET data_version = EXCLUDED.data_version, changed_at = EXCLUDED.changed_at, value = EXCLUDED.value`,
        [key, version.version, version.changedAt, JSON.stringify(value)],
      );
    },

    /** The kept simulation runs of every gemeente for these options. */
    async pieces(q: Queryable, variant: SummaryVariant, options: string): Promise<SimulationPiece[]> {
      const rows = await q.query<{ g: string; f: string; d: string; b: string }>(
        `SELECT gemeente_code AS g, fingerprint AS f, delays_key AS d, encode(runs_by_year, 'base64') AS b
         FROM national_simulation_pieces WHERE variant = $1 AND options = $2`,
        [variant, options],
      );
      return rows.map((r) => ({ gemeenteCode: r.g, fingerprint: r.f, delaysKey: r.d, runsByYear: new Float64Array(bytesOf(r.b).buffer) }));
    },

    /** Keep these runs; runs made with other observed delays than `delaysKey` can never be used again and go. */
    async savePieces(q: Queryable, variant: SummaryVariant, options: string, pieces: readonly SimulationPiece[], delaysKey: string): Promise<void> {
      await q.query('DELETE FROM national_simulation_pieces WHERE variant = $1 AND delays_key <> $2', [variant, delaysKey]);
      for (let i = 0; i < pieces.length; i += 50) {
        const batch = pieces.slice(i, i + 50);
        await q.query(
          `INSERT INTO national_simulation_pieces (variant, options, gemeente_code, fingerprint, delays_key, runs_by_year)
           SELECT $1, $2, g, f, d, decode(b, 'base64') FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS x(g, f, d, b)
           ON CONFLICT (variant, options, gemeente_code) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, delays_key = EXCLUDED.delays_key,
             runs_by_year = EXCLUDED.runs_by_year`,
          [
            variant,
            options,
            batch.map((p) => p.gemeenteCode),
            batch.map((p) => p.fingerprint),
            batch.map((p) => p.delaysKey),
            batch.map((p) => base64Of(p.runsByYear)),
          ],
        );
      }
    },
  };
}

export type NationalSummaryRepository = ReturnType<typeof createNationalSummaryRepository>;
