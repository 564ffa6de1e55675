/** Versnellingstafels and woondeal regions (issue 11 item 1; SPEC §2 "Geography", "Quarterly round"). */
import { z } from 'zod';
import { REGION_KINDS } from '../../domain/codes.ts';
import { KWARTAAL_PATTERN } from '../../domain/kwartaal.ts';
import { REGION_NAME_MAX_LENGTH } from '../../domain/region.ts';
import { GemeenteCode, IsoDate, IsoDateTime, Uuid, Version } from './common.ts';

const Quarter = z.string().regex(KWARTAAL_PATTERN, { message: 'Kies een kwartaal zoals 2027-Q1.' }).describe("A quarter, 'YYYY-Qn'");
const Kind = z.enum(REGION_KINDS, { message: 'Kies een soort: versnellingstafel of woondealregio.' });

export const RegionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(REGION_KINDS),
    name: z.string(),
    gemeenteCodes: z.array(z.string()).describe('The gemeenten the region covers now'),
    isExample: z.boolean().describe('An example region from the reference data'),
    synthetic: z.boolean().describe('Created with a demo account (demo data)'),
    endedOn: IsoDate.nullable().describe('The date the table stopped (no new rounds); null while it runs'),
    version: z.number().int().describe('Send it back when changing the region'),
    memberCount: z.number().int().describe('Organisations that are members now'),
  })
  .meta({ id: 'Region' });

export const RegionRecordSchema = RegionSchema.omit({ gemeenteCodes: true, memberCount: true })
  .extend({ createdAt: IsoDateTime.nullable().describe('When it was created here; null for regions from before') })
  .meta({ id: 'RegionRecord' });

export const RegionDetailSchema = RegionRecordSchema.extend({
  gemeenten: z.array(z.object({ code: z.string(), name: z.string(), provincieCode: z.string() })).describe('Covered now'),
  history: z
    .array(
      z.object({
        regionId: z.string(),
        gemeenteCode: z.string(),
        gemeenteName: z.string(),
        fromQuarter: Quarter.nullable().describe('null: since before the monitor'),
        untilQuarter: Quarter.nullable().describe('The last quarter included; null: still'),
      }),
    )
    .describe('Coverage history: which gemeente belonged to the region in which quarters'),
  members: z.array(
    z.object({
      organisationId: Uuid,
      name: z.string(),
      type: z.string(),
      joinedOn: IsoDate,
      leftOn: IsoDate.nullable().describe('null: a member now'),
    }),
  ),
  secretaries: z
    .array(z.object({ userId: Uuid, name: z.string(), email: z.string().nullable().describe('Only for those who may manage people') }))
    .describe('Accounts that run the table (role tafel_secretaris with this region)'),
  closedQuarters: z.array(Quarter).describe('Quarters whose round is closed: their history is never rewritten'),
  currentQuarter: Quarter,
  permissions: z.object({
    maySetUp: z.boolean().describe('May rename, end and change the gemeenten (new gemeenten are checked when sent)'),
    mayManageMembers: z.boolean(),
  }),
}).meta({ id: 'RegionDetail' });

const Name = z
  .string({ message: 'Vul de naam van de tafel of regio in.' })
  .trim()
  .min(1, { message: 'Vul de naam van de tafel of regio in.' })
  .max(REGION_NAME_MAX_LENGTH, { message: `De naam mag hoogstens ${REGION_NAME_MAX_LENGTH} tekens hebben.` });
const GemeenteCodes = z.array(GemeenteCode).max(400).describe('CBS codes of the gemeenten (GM0363)');
const MoveFromOtherTables = z
  .boolean()
  .optional()
  .describe(
    'Move gemeenten that are in another running versnellingstafel from the same quarter; without it such a gemeente answers 409 naming that table',
  );

export const RegionCreateBody = z
  .object({
    kind: Kind,
    name: Name,
    gemeenteCodes: GemeenteCodes,
    fromQuarter: Quarter.optional().describe(
      'The quarter from which the region covers these gemeenten: the current quarter (default) or an earlier one, never a later one (422)',
    ),
    moveFromOtherTables: MoveFromOtherTables,
  })
  .meta({ id: 'RegionCreate' });

export const RegionRenameBody = z.object({ name: Name, version: Version }).meta({ id: 'RegionRename' });

export const RegionEndBody = z.object({ endedOn: IsoDate, version: Version }).meta({ id: 'RegionEnd' });

export const RegionCoverageBody = z
  .object({
    gemeenteCodes: GemeenteCodes,
    fromQuarter: Quarter.describe(
      'Gemeenten added from this quarter; removed ones until the quarter before. Not a quarter already closed, not after the current quarter (422)',
    ),
    version: Version,
    moveFromOtherTables: MoveFromOtherTables,
  })
  .meta({ id: 'RegionCoverage' });

export const RegionMemberBody = z.object({ organisationId: Uuid }).meta({ id: 'RegionMemberAdd' });
