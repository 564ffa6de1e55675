/**
 * Texts the API sends to the screen speak plain Dutch (issue 8 item 22; SPEC §7 "Dutch user interface (plain
 * language)"; SPEC §3: "On screen, name a source by its title and date, never by a file name or section
 * code", and cite government documents for national figures, "not news sites"). Covers the policy
 * sources, the simulation's method, the national overview's rules and the reference targets' sources
 * and notes. The rendered pages are checked in test/e2e/words.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disclosureRule } from '../domain/disclosure.ts';
import { POLICY } from '../domain/policy.ts';
import { REFERENCE_DIR } from '../storage/reference-data.ts';
import { SIMULATION_METHOD } from './forecast.service.ts';

/** Words of the developers' documents that users do not know; a seed file number (001) but not the 000 of 100.000. */
export const DEVELOPER_WORDS = /SPEC|§|\bseeds?\b|design|ontwerpkeuze|(?<![\d.,])00[0-4](?![\d.,])/i;
const NEWS_SITES = /nos\.nl|propylon|stadszaken|gelderlander|nu\.nl|telegraaf|volkskrant|nrc\.nl|ad\.nl/i;

/** RFC 4180 CSV (quoted fields with "" escapes), header row first. */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(REFERENCE_DIR, file), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header = [], ...data] = rows;
  return data.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Every `source` string in the policy, with its path. */
function policySources(value: unknown, path = 'POLICY'): Array<[string, string]> {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'source' && typeof v === 'string' ? [[`${path}.${k}`, v] as [string, string]] : policySources(v, `${path}.${k}`),
  );
}

describe('texts the API shows to users (issue 8 item 22, SPEC §3 sources by title and date, §7 plain Dutch)', () => {
  it('the policy sources name no SPEC section, seed file or design choice', () => {
    const sources = policySources(POLICY);
    expect(sources.length).toBeGreaterThan(0);
    for (const [path, text] of sources) expect(text, path).not.toMatch(DEVELOPER_WORDS);
  });

  it('the simulation method and the disclosure rule are plain Dutch', () => {
    expect(SIMULATION_METHOD).not.toMatch(DEVELOPER_WORDS);
    expect(disclosureRule()).not.toMatch(DEVELOPER_WORDS);
  });

  it('the special targets cite documents by title and date and explain themselves without developer words', () => {
    for (const t of readCsv('special_targets.csv')) {
      for (const column of ['source_ref', 'note', 'target_type'] as const) expect(t[column], `${t.metric}.${column}`).not.toMatch(DEVELOPER_WORDS);
      expect(t.source_ref, t.metric).toMatch(/Kamerbrief|Bijlage/);
      expect(t.source_url, t.metric).not.toMatch(NEWS_SITES);
    }
  });

  it('the national housing target cites a government document, not a news site', () => {
    const nation = readCsv('housing_targets_2022_2030_reported.csv').filter((t) => t.geography_level === 'nation');
    expect(nation.length).toBeGreaterThan(0);
    for (const t of nation) {
      expect(t.source_url).not.toMatch(NEWS_SITES);
      expect(t.source_ref || t.source_url).toMatch(/Kamerbrief|officielebekendmakingen|rijksoverheid/);
    }
  });
});
