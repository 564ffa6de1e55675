/** Output of the command line: progress and messages go to stderr, so stdout carries only results (`wbm openapi`). */
export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Progress of `backup` and `restore`, one line rewritten in place: the table and its rows so far. */
export function tableProgress(command: 'backup' | 'restore') {
  return (table: string, rows: number) => process.stderr.write(`\r${command}: ${table} ${rows} rows   `);
}
