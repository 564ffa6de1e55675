import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('splits on semicolons at line ends, drops comment lines and keeps $$ bodies whole', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE a (x int);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no';
END;
$$;
CREATE INDEX i ON a (x);`;
    const parts = splitStatements(sql);
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain("RAISE EXCEPTION 'no';");
    expect(parts[1]?.endsWith('$$')).toBe(true);
    expect(parts[2]).toBe('CREATE INDEX i ON a (x)');
  });
});
