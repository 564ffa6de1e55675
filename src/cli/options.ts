/** The flags of every command, parsed once by src/cli/main.ts. */
import type { ParseArgsConfig } from 'node:util';

export const OPTIONS = {
  'demo-if-empty': { type: 'boolean' },
  'demo-with-real-data': { type: 'boolean' },
  'build-web': { type: 'boolean' },
  demo: { type: 'boolean' },
  projects: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  gemeente: { type: 'string' },
  region: { type: 'string' },
  provincie: { type: 'string' },
  organisation: { type: 'string' },
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  'suggest-mapping': { type: 'boolean' },
  'withdraw-missing': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** The parsed flags as the commands receive them. */
export type Flags = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** A whole number ≥ 0 given as `--name`, or `fallback` when the flag is absent. */
export function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got '${value}'`);
  return n;
}
