/** Schemas of invitations (POST/GET /api/v1/invitations, revoke, choices; the public /auth/invitations/{token}). Never a token hash. */
import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';
import { IsoDateTime, Uuid } from './common.ts';
import { ScopeFields } from './users.schemas.ts';

const InvitableRole = z.enum(ROLES).exclude(['publiek']);

export const InvitationCreate = z
  .object({
    email: z.email({ message: 'Vul een geldig e-mailadres in.' }).max(320),
    name: z.string().trim().min(1, { message: 'Vul een naam in.' }).max(200),
    role: InvitableRole,
    ...ScopeFields,
  })
  .meta({ id: 'InvitationCreate' });

export const Invitation = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisationId: z.string().nullable(),
    gemeenteCode: z.string().nullable(),
    regionId: z.string().nullable(),
    provincieCode: z.string().nullable(),
    organisationName: z.string().nullable(),
    gemeenteName: z.string().nullable(),
    regionName: z.string().nullable(),
    provincieName: z.string().nullable(),
    invitedBy: Uuid.nullable().describe('The account that sent it (null when that account is gone)'),
    invitedByName: z.string().nullable(),
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime.describe('The link stops working then (7 days after sending)'),
    acceptedAt: IsoDateTime.nullable(),
    revokedAt: IsoDateTime.nullable(),
    isDemo: z.boolean().describe('Sent by a demo account: the account it makes is a demo account'),
  })
  .meta({ id: 'Invitation' });

export const InvitationCreated = z
  .object({
    invitation: Invitation,
    mailSent: z.boolean().describe('The invitation e-mail went out'),
    link: z
      .string()
      .optional()
      .describe('The one-time link, only when no mail went out (mail not set up, or refused): the inviter passes it on themselves'),
  })
  .meta({ id: 'InvitationCreated' });

export const InvitationList = z.object({ items: z.array(Invitation).describe('Open invitations, newest first') }).meta({ id: 'InvitationList' });

export const InvitationChoices = z
  .object({
    roles: z
      .array(
        z.object({
          role: z.enum(ROLES),
          label: z.string(),
          scopeField: z.enum(['gemeenteCode', 'regionId', 'provincieCode', 'organisationId']).nullable(),
          options: z.array(z.object({ value: z.string(), label: z.string() })).describe('The scopes the caller may give with this role'),
        }),
      )
      .describe('The roles the caller may invite people to or give them, each with the scopes they may choose'),
  })
  .meta({ id: 'InvitationChoices' });

export const InvitationPreview = z
  .object({
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    invitedByName: z.string().nullable(),
    scopeName: z.string().nullable().describe('The gemeente, table, organisation or province of the role'),
    expiresAt: IsoDateTime,
  })
  .meta({ id: 'InvitationPreview' });

export const InvitationAccept = z.object({ password: z.string().max(200) }).meta({ id: 'InvitationAccept' });
