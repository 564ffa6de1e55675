/**
 * Arbitraries of hostile input for the property-based API tests (test/safety/property.api.test.ts):
 * oversized strings, wrong types, SQL and HTML injection strings, invalid dates, huge numbers,
 * unknown enum values, extra properties and deeply nested junk.
 */
import fc from 'fast-check';
import { at } from '../helpers/present.ts';

/** A JSON literal sent as is (e.g. `1e999`, `-0`, a 5,000-deep array), which JSON.stringify cannot produce. */
export class RawJson {
  constructor(readonly text: string) {}
}

const MARK = `@@raw-${Math.random().toString(36).slice(2)}@@`;

/** JSON text of `value`, with RawJson values inserted literally. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? `${MARK}${raws.push(v.text) - 1}` : v));
  return json.replace(new RegExp(`"${MARK}(\\d+)"`, 'g'), (_m, i: string) => at(raws, Number(i)));
}

export const SQL_INJECTION = [
  "'; DROP TABLE projects; --",
  "' OR 1=1 --",
  "' OR '1'='1",
  "Robert'); DROP TABLE knelpunten;--",
  '1; DELETE FROM audit_log',
  "'; TRUNCATE targets CASCADE; --",
  '$$; DROP TABLE targets; $$',
  '/**/UNION/**/SELECT token_hash FROM api_tokens--',
  "%' AND pg_sleep(10) --",
  "\\'; UPDATE projects SET version = 1; --",
  '$1',
];

export const HTML_INJECTION = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '<!-- ]]> &lt;b&gt; &amp;',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
];

export const ODD_STRINGS = [
  '',
  ' ',
  '   padded   ',
  '\t\n',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '=HYPERLINK("http://example.invalid","klik")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '\u202Egnp.exe',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻',
  '😀👩‍👩‍👧‍👦',
  '\uFEFFbom',
  'ß ĳ Ü ç ñ ﬁ',
  '\\',
  '"',
  "'",
  '%00',
  '%s%n%x',
  '\r\n\r\n',
  // Characters PostgreSQL text cannot hold, or that are not Unicode: must be refused, never a 500.
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
];

/** Any code point, lone surrogates, NUL and SQL/HTML metacharacters. */
const hostileChar = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', "'", '"', '<', '>', '\\', ';', '-', '%', '_', '$') },
);

/** 10k to 1M characters. */
export const bigString = fc
  .tuple(fc.integer({ min: 10_000, max: 1_000_000 }), fc.constantFrom('x', "'", '<', 'é', '😀', ' ', 'a\u0000'))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

export const hostileText = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SQL_INJECTION, ...HTML_INJECTION, ...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: hostileChar, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: bigString },
);

export const rawNumber = fc
  .constantFrom(
    '1e999',
    '-1e999',
    '-0',
    '1e308',
    '9007199254740993',
    '0.1e-400',
    '1E+2',
    '123456789012345678901234567890',
    '-2147483649',
    '2147483648',
    '4.9e-324',
  )
  .map((s) => new RawJson(s));

/** `[[[…1…]]]` or `{"a":{"a":…}}`, 50 to 5,000 deep. */
export const deepNest = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, array]) => new RawJson(array ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** A value of the wrong type for almost any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom('1', '1e308', 'NaN', '-0', 'Infinity', '0x1F', ' 42 ', '1,5', 'true', 'null', '[]', '{}'),
  rawNumber,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  deepNest,
);

export const INVALID_DATES = [
  '2025-02-30',
  '9999-99-99',
  '',
  '2025-13-01',
  '2025-00-10',
  '2023-02-29',
  '0000-01-01',
  '2025-1-1',
  '20250101',
  '2025/01/01',
  '01-02-2025',
  '2025-02-28T00:00:00Z',
  ' 2025-01-01',
  '2025-01-01 ',
  '+002025-01-01',
  '-2025-01-01',
  '２０２５-０１-０１',
  '2025-01-01\u0000',
  "2025-01-01'; DROP TABLE projects; --",
  'now',
  'today',
  'infinity',
  'epoch',
];

const validDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const dateArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INVALID_DATES) },
  { weight: 3, arbitrary: validDate },
  { weight: 1, arbitrary: fc.constantFrom('0001-01-01', '9999-12-31', '2024-02-29', '1970-01-01') },
  { weight: 1, arbitrary: wrongType },
);

export const hugeNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, 2 ** 53 + 1, -1, 0.5, 100_001, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 1e21),
  rawNumber,
);

/** A count of homes: mostly plausible, else huge, fractional, negative or of the wrong type. */
export const homesArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: hugeNumber },
  { weight: 1, arbitrary: wrongType },
);

export const UNKNOWN_ENUM_VALUES = [
  'onbekende_waarde',
  'VASTGESTELD',
  ' vastgesteld',
  '',
  '__proto__',
  'toString',
  "'; DROP TABLE projects; --",
  '<b>x</b>',
];

export function enumArb(values: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_ENUM_VALUES) },
    { weight: 1, arbitrary: wrongType },
  );
}

/** Keys nobody should be able to set through the API, plus junk keys. */
export const extraKeys = fc.dictionary(
  fc.constantFrom(
    'id',
    'version',
    'provincieCode',
    'createdAt',
    'updatedAt',
    'phase',
    'status',
    'totalHomes',
    'isAdmin',
    'role',
    '$where',
    'projectId',
    'extra',
  ),
  fc.oneof(hostileText, wrongType),
  { maxKeys: 3 },
);

/** Up to `max` of the fields of `arbs`, each with a hostile value. */
export function mutation(arbs: Record<string, fc.Arbitrary<unknown>>, max = 3): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(arbs);
  return fc
    .tuple(fc.record(arbs), fc.subarray(keys, { minLength: 0, maxLength: max }))
    .map(([values, chosen]) => Object.fromEntries(chosen.map((k) => [k, (values as Record<string, unknown>)[k]])));
}

/** Whole bodies that are not a JSON object of the right shape. */
export const junkBody = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"name":',
    'null',
    '[]',
    '"text"',
    '1e999',
    'true',
    'NaN',
    "{'name':'x'}",
    '{"name":"x",}',
    '\uFEFF{"name":"x"}',
    '{"__proto__":{"isAdmin":true},"name":"x","gemeenteCode":"GM0363","planStatus":"vastgesteld"}',
    '{"constructor":{"prototype":{"isAdmin":true}},"name":"x","gemeenteCode":"GM0363","planStatus":"vastgesteld"}',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
  deepNest.map((r) => r.text),
);

export const JUNK_CONTENT_TYPES = [
  'application/json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
];

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Percent-encode the UTF-8 bytes of a string (lone surrogates become U+FFFD: a URL cannot carry them). */
export function percentEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Query-string values: hostile text (encoded), malformed percent escapes and odd numbers. */
export const queryValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .oneof(fc.constantFrom(...SQL_INJECTION, ...HTML_INJECTION, ...ODD_STRINGS), fc.string({ unit: hostileChar, maxLength: 30 }))
      .map(percentEncode),
  },
  { weight: 2, arbitrary: fc.constantFrom('%', '%zz', '%ED%A0%80', '%C0%AF', '%FF%FE', '%2', '%00', '+', '&&', '==', '[]', 'a[b]=c', '%E2%80%AE') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('1e308', '-0', 'NaN', '9007199254740993', '-1', '0', '1.5', '0x10', '', '500', '501', '10000001', 'Infinity'),
  },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 30_000 }).map((n) => 'x'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'GM0363,GM0599',
      'GM0363,,',
      ',',
      'PV27',
      'vastgesteld,visie',
      'realisatie,bouwen',
      'nplv,woondeal_locatie',
      '-name',
      'name;DROP',
      'gemeente:GM0363',
      'corop:CR23',
      'provincie:PV27',
      "gemeente:GM0363' OR 1=1--",
    ),
  },
);
