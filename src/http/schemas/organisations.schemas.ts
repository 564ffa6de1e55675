/** The organisations register (issue 11 item 2; SPEC §2 "Organisation"). */
import { z } from 'zod';
import { ORGANISATION_TYPES } from '../../domain/codes.ts';
import { KVK_NUMBER_PATTERN, REGISTRABLE_ORGANISATION_TYPES } from '../../domain/organisation.ts';
import { IsoDateTime, Uuid, Version } from './common.ts';

export const OrganisationSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    gemeenteCode: z.string().nullable(),
    synthetic: z.boolean(),
    kvkNumber: z.string().nullable().describe('KvK number (Kamer van Koophandel), 8 digits'),
    website: z.string().nullable(),
    version: z.number().int().describe('Send it back when changing the organisation'),
    createdAt: IsoDateTime.nullable().describe('When it was registered here; null for organisations from before the register'),
    mergedInto: z
      .object({ id: Uuid, name: z.string() })
      .nullable()
      .describe('A merged duplicate: the organisation it went into (it is left out of the list). Null while it takes part itself'),
    mergedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Organisation' });

export const OrganisationMergeBody = z
  .object({
    intoOrganisationId: Uuid.describe('The organisation kept; every reference of this one moves to it'),
    version: Version.describe('Version last read of the duplicate'),
    intoVersion: Version.describe('Version last read of the organisation kept'),
  })
  .meta({ id: 'OrganisationMerge' });

export const OrganisationMergeCountsSchema = z
  .object({
    projects: z.number().int().describe('Projects the duplicate is a party to'),
    people: z.number().int().describe('Accounts working for the duplicate'),
    deliveries: z.number().int().describe('Deliveries and confirmations in open quarterly rounds (closed rounds stay as they were)'),
    regions: z.number().int().describe('Memberships of versnellingstafels and other regions'),
    invitations: z.number().int().describe('Invitations for the duplicate'),
  })
  .meta({ id: 'OrganisationMergeCounts' });

export const OrganisationMergePreviewSchema = z
  .object({ organisation: OrganisationSchema, into: OrganisationSchema, counts: OrganisationMergeCountsSchema })
  .meta({ id: 'OrganisationMergePreview' });

const Name = z
  .string({ message: 'Vul de naam van de organisatie in.' })
  .trim()
  .min(1, { message: 'Vul de naam van de organisatie in.' })
  .max(200, { message: 'De naam mag hoogstens 200 tekens hebben.' });
const KvkNumber = z
  .string()
  .regex(KVK_NUMBER_PATTERN, { message: 'Een KvK-nummer bestaat uit precies 8 cijfers (bijvoorbeeld 12345678).' })
  .nullable()
  .describe('KvK number, exactly 8 digits; unique: a number already registered answers 409 naming that organisation');
const Website = z
  .url({ protocol: /^https?$/, message: 'Vul een volledig webadres in dat begint met https:// of http://.' })
  .max(300, { message: 'Het webadres mag hoogstens 300 tekens hebben.' })
  .nullable();
const RegistrableType = z
  .enum(REGISTRABLE_ORGANISATION_TYPES, {
    message:
      'Kies een soort organisatie: corporatie, ontwikkelaar, belegger, bouwer, netbeheerder of overig. Gemeenten en provincies staan al in de lijst.',
  })
  .describe(
    'Market parties, corporations and other non-public organisations; gemeenten, provinces, the state and water boards come from the reference list',
  );

export const OrganisationCreateBody = z
  .object({ name: Name, type: RegistrableType, kvkNumber: KvkNumber.optional(), website: Website.optional() })
  .meta({ id: 'OrganisationCreate' });

export const OrganisationPatchBody = z
  .object({ version: Version, name: Name.optional(), type: RegistrableType.optional(), kvkNumber: KvkNumber.optional(), website: Website.optional() })
  .meta({ id: 'OrganisationPatch' });
