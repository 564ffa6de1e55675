/**
 * The audit trail stays append-only (migration 0005) with one narrow exception (migration 0016): inside a transaction
 * that names a person with set_config('wbm.pseudonymise', id, true), only that person's actor name and the name/e-mail
 * values of the entries about their account may change. Everything else is still refused, on PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../test/helpers/test-db.ts';

const t = useTestDb({ reference: false });
const person = randomUUID();
const other = randomUUID();

async function entry(actor: string, entityId: string, changes: unknown[] = [], entityType = 'user'): Promise<number> {
  const [row] = await t.db.query<{ id: number }>(
    `INSERT INTO audit_log (actor_user_id, actor_name, via, entity_type, entity_id, action, changes) VALUES ($1, 'Jan Jansen', 'ui', $2, $3, 'test', $4::jsonb) RETURNING id`,
    [actor, entityType, entityId, JSON.stringify(changes)],
  );
  return Number(row!.id);
}

/** Run `sql` in a transaction, naming `named` as the person being pseudonymised (or nobody). */
const asPseudonymisation = (named: string | null, sql: string, params: unknown[] = []) =>
  t.db.transaction(async (tx) => {
    if (named) await tx.query(`SELECT set_config('wbm.pseudonymise', $1, true)`, [named]);
    return tx.query(sql, params);
  });

describe('the audit trail stays append-only', () => {
  it('refuses every ordinary update and delete', async () => {
    const id = await entry(person, person);
    await expect(t.db.query(`UPDATE audit_log SET actor_name = 'X' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log WHERE id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(asPseudonymisation(person, 'DELETE FROM audit_log WHERE id = $1', [id])).rejects.toThrow(/append-only/);
  });

  it('the setting is transaction-local: after the transaction an update is refused again', async () => {
    const id = await entry(person, person);
    await asPseudonymisation(person, `UPDATE audit_log SET actor_name = 'Voormalig' WHERE id = $1`, [id]);
    await expect(t.db.query(`UPDATE audit_log SET actor_name = 'Weer' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it("allows the named person's actor name and the name/e-mail values about their account, nothing else", async () => {
    const changes = [
      { field: 'email', old: null, new: 'jan@example.nl' },
      { field: 'role', old: null, new: 'gemeente_editor' },
    ];
    const id = await entry(person, person, changes);
    const rewritten = [{ field: 'email', old: null, new: 'verwijderd@invalid' }, changes[1]];
    await asPseudonymisation(person, `UPDATE audit_log SET actor_name = 'Voormalig', changes = $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify(rewritten),
    ]);
    const [row] = await t.db.query<{ actor_name: string; changes: unknown }>('SELECT actor_name, changes FROM audit_log WHERE id = $1', [id]);
    expect(row).toEqual({ actor_name: 'Voormalig', changes: rewritten });

    const refused: Array<[string, string, unknown[]]> = [
      ['another person’s actor name', `UPDATE audit_log SET actor_name = 'X' WHERE id = $1`, [await entry(other, other)]],
      ['the action', `UPDATE audit_log SET action = 'iets anders' WHERE id = $1`, [id]],
      ['the moment', `UPDATE audit_log SET at = at - interval '1 day' WHERE id = $1`, [id]],
      ['who did it', `UPDATE audit_log SET actor_user_id = $2 WHERE id = $1`, [id, other]],
      ['another field in changes', `UPDATE audit_log SET changes = jsonb_set(changes, '{1,new}', '"beheerder"') WHERE id = $1`, [id]],
      ['an entry removed from changes', `UPDATE audit_log SET changes = changes - 1 WHERE id = $1`, [id]],
      [
        'name values about someone else',
        `UPDATE audit_log SET changes = '[{"field":"name","old":null,"new":"X"}]' WHERE id = $1`,
        [await entry(person, other, [{ field: 'name', old: null, new: 'Piet' }])],
      ],
    ];
    for (const [what, sql, params] of refused) {
      await expect(asPseudonymisation(person, sql, params), what).rejects.toThrow(/append-only/);
    }
  });
});
