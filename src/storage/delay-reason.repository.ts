/** Why a milestone's forecast moved past the delay tolerance (migration 0023; src/domain/delay-reason.ts). */
import type { MilestoneCode } from '../domain/codes.ts';
import type { DelayReason, RecordedDelayReason } from '../domain/delay-reason.ts';
import type { Queryable } from './db.ts';

interface Row {
  milestone_code: MilestoneCode;
  old_forecast: string | null;
  new_forecast: string;
  category: DelayReason['category'];
  text: string;
  knelpunt_id: string | null;
  recorded_at: Date | string;
}

const toReason = (r: Row): RecordedDelayReason => ({
  milestoneCode: r.milestone_code,
  oldForecast: r.old_forecast,
  newForecast: r.new_forecast,
  category: r.category,
  text: r.text,
  knelpuntId: r.knelpunt_id,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

const COLUMNS = `milestone_code, old_forecast::text AS old_forecast, new_forecast::text AS new_forecast, category, text, knelpunt_id, recorded_at`;

export interface NewDelayReason extends DelayReason {
  id: string;
  projectId: string;
  milestoneCode: MilestoneCode;
  oldForecast: string | null;
  newForecast: string;
  actorUserId: string | null;
  actorName: string;
}

export function createDelayReasonRepository() {
  return {
    async insert(q: Queryable, r: NewDelayReason): Promise<void> {
      await q.query(
        `INSERT INTO milestone_delay_reasons (id, project_id, milestone_code, old_forecast, new_forecast, category, text, knelpunt_id,
           actor_user_id, actor_name, recorded_at)
         VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8, $9, $10, now())`,
        [r.id, r.projectId, r.milestoneCode, r.oldForecast, r.newForecast, r.category, r.text, r.knelpuntId, r.actorUserId, r.actorName],
      );
    },

    /** A project's reasons, oldest first; `since` (ISO timestamp) keeps only later ones. */
    async listByProject(q: Queryable, projectId: string, since?: string): Promise<RecordedDelayReason[]> {
      const rows = await q.query<Row>(
        `SELECT ${COLUMNS} FROM milestone_delay_reasons
         WHERE project_id = $1 AND ($2::timestamptz IS NULL OR recorded_at > $2::timestamptz) ORDER BY recorded_at, id`,
        [projectId, since ?? null],
      );
      return rows.map(toReason);
    },

    /** The latest reason per project and milestone, for these projects (the delayed milestones of a table). */
    async latestFor(q: Queryable, projectIds: readonly string[]): Promise<Map<string, RecordedDelayReason>> {
      if (projectIds.length === 0) return new Map();
      const rows = await q.query<Row & { project_id: string }>(
        `SELECT DISTINCT ON (project_id, milestone_code) project_id, ${COLUMNS} FROM milestone_delay_reasons
         WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, milestone_code, recorded_at DESC, id`,
        [[...projectIds]],
      );
      return new Map(rows.map((r) => [`${r.project_id}/${r.milestone_code}`, toReason(r)]));
    },
  };
}

export type DelayReasonRepository = ReturnType<typeof createDelayReasonRepository>;
