/** Request and response schemas for ending a plan: withdraw, make active again, merge (issue 12 item 2). */
import { z } from 'zod';
import { KNELPUNT_CATEGORIES } from '../../domain/codes.ts';
import { IsoDate, Issue, Uuid, Version } from './common.ts';
import { Party } from './project.schemas.ts';

// The reason's emptiness and length are checked by src/domain/withdrawal.ts (a Dutch message naming the field).
const Reason = z.string().max(10_000).describe('Why (plain text, at most 2000 characters)');

export const WithdrawBody = z
  .object({ version: Version, reason: Reason, date: IsoDate.describe('The date the plan was withdrawn (the decision); not after today') })
  .meta({ id: 'ProjectWithdraw' });

export const ReinstateBody = z.object({ version: Version, reason: Reason }).meta({ id: 'ProjectReinstate' });

export const MergeBody = z
  .object({
    version: Version.describe('Version of this project (the duplicate that is closed)'),
    intoProjectId: Uuid.describe('The record of the same plan that stays'),
    intoVersion: Version.describe('Version of the record that stays, as last read'),
  })
  .meta({ id: 'ProjectMerge' });

export const MergePreviewQuery = z.object({ into: Uuid.describe('The record of the same plan that would stay') });

export const MergePreview = z
  .object({
    into: z.object({ id: Uuid, name: z.string(), version: z.number().int() }),
    knelpunten: z
      .array(z.object({ id: Uuid, category: z.enum(KNELPUNT_CATEGORIES), description: z.string(), resolvedDate: IsoDate.nullable() }))
      .describe('The knelpunten that move to the record that stays'),
    parties: z.array(Party).describe('The parties (organisation and role) that are added to the record that stays'),
    issues: z.array(Issue).describe('Why the merge would be refused; empty when it can be done'),
  })
  .meta({ id: 'MergePreview' });
