/**
 * The register form's values → the body sent to the server, checked first with the server's own rules
 * (src/domain/organisation.ts), so a wrong KvK number is shown next to its field and nothing is sent.
 */
import { KVK_NUMBER_PATTERN, REGISTRABLE_ORGANISATION_TYPES, type RegistrableOrganisationType } from '../../../../src/domain/organisation.ts';

export interface OrganisationFormValues {
  name: string;
  type: string;
  kvkNumber: string;
  website: string;
}

export interface OrganisationBody {
  name: string;
  type: RegistrableOrganisationType;
  kvkNumber: string | null;
  website: string | null;
}

export const EMPTY_FORM: OrganisationFormValues = { name: '', type: '', kvkNumber: '', website: '' };

const isRegistrable = (type: string): type is RegistrableOrganisationType => (REGISTRABLE_ORGANISATION_TYPES as readonly string[]).includes(type);

/** The body to send, or the Dutch message per field (paths as the server names them). */
export function organisationBody(values: OrganisationFormValues): { body: OrganisationBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  // Spaces and dots people type between the digits (12 34 56 78) are left out; anything else must be 8 digits.
  const kvkNumber = values.kvkNumber.replace(/[\s.]/g, '');
  const website = values.website.trim();
  if (!name) errors.name = 'Vul de naam van de organisatie in.';
  else if (name.length > 200) errors.name = 'De naam mag hoogstens 200 tekens hebben.';
  if (!isRegistrable(values.type)) errors.type = 'Kies wat voor organisatie het is.';
  if (kvkNumber && !KVK_NUMBER_PATTERN.test(kvkNumber)) errors.kvkNumber = 'Een KvK-nummer bestaat uit precies 8 cijfers (bijvoorbeeld 12345678).';
  if (website && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(website)) errors.website = 'Vul een volledig webadres in dat begint met https:// of http://.';
  if (Object.keys(errors).length > 0 || !isRegistrable(values.type)) return { errors };
  return { body: { name, type: values.type, kvkNumber: kvkNumber || null, website: website || null } };
}

/** Does the organisation match the search text (part of its name, or of its KvK number)? */
export function matchesSearch(org: { name: string; kvkNumber: string | null }, search: string): boolean {
  const text = search.trim().toLowerCase();
  if (!text) return true;
  const digits = text.replace(/[\s.]/g, '');
  return org.name.toLowerCase().includes(text) || (/^\d+$/.test(digits) && (org.kvkNumber ?? '').includes(digits));
}
