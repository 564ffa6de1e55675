/**
 * Text that cannot be stored as given (SPEC §7: nothing is stored that should not be, nothing is
 * mangled): U+0000, which PostgreSQL text refuses, and unpaired UTF-16 surrogates, which are not
 * Unicode (PostgreSQL would store U+FFFD instead, and refuses them inside jsonb).
 */
// eslint-disable-next-line no-control-regex -- U+0000 is one of the characters this must find
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character of `s` that cannot be stored, as `U+XXXX`; null when all can. */
export function unstorableCharacter(s: string): string | null {
  const m = UNSTORABLE.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** Plain-Dutch message for a field holding such a character. */
export function unstorableMessage(character: string): string {
  return `Bevat een teken dat niet kan worden opgeslagen (${character}); verwijder het en probeer het opnieuw.`;
}
