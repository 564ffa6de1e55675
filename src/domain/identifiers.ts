/** Stable identifiers derived from reference codes. */

/** The organisation id of a gemeente, derived from its CBS code so it is the same in every database. */
export function gemeenteOrganisationId(gemeenteCode: string): string {
  const digits = gemeenteCode.replace(/^GM/, '').padStart(4, '0');
  return `00000000-0000-4000-8000-00000000${digits}`;
}
