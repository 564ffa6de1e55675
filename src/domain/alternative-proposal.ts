/**
 * Alternatives put forward by a gemeente of a table (issue 12 item 6). `001 § Afspraak 3B` ("Aandragen alternatieve
 * projecten"): on delay the table looks for possibilities within the woondeal locations, "daarnaast dragen gemeenten
 * alternatieve projecten aan op de versnellingstafel wanneer sprake is van vertraging". SPEC §2: the register holds
 * the plans with their jaarschijven; a proposal names the homes it adds and the year they come.
 */
import type { Issue } from './errors.ts';
import type { Phase } from './codes.ts';
import { POLICY } from './policy.ts';

export const PROPOSAL_KINDS = ['alternatief_project', 'versnelling'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** How a kind is named on screen, in the agenda and in mails. */
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  alternatief_project: 'Alternatief project',
  versnelling: 'Versnelling van een project',
};

export const PROPOSAL_TITLE_MAX = 200;
export const PROPOSAL_DESCRIPTION_MAX = 2000;
export const PROPOSAL_HOMES_MAX = 100_000;

export interface ProposalInput {
  kind: ProposalKind;
  projectId: string | null;
  title: string;
  description: string | null;
  /** null: not filled in. */
  homes: number | null;
  year: number | null;
}

/** The project a proposal names, as the rule needs it (null: not found or not readable by the proposer). */
export interface ProposalProjectFacts {
  gemeenteCode: string;
  phase: Phase;
}

/**
 * The years a proposal may add homes in: from the current year (homes cannot be added in the past) to the end of the
 * programming period the tables plan for (`001 § Afspraak 3A`: jaarschijven to 2030 and programming 2031–2035;
 * POLICY.plancapaciteit.secondPeriod).
 */
export function proposalYears(today: string): { from: number; to: number } {
  const from = Number(today.slice(0, 4));
  return { from, to: Math.max(from, POLICY.plancapaciteit.secondPeriod.to) };
}

/**
 * Everything wrong with a proposal, each next to its field in plain Dutch. `gemeenteCode`: the proposer's gemeente;
 * `project`: the facts of `projectId` (null when it does not exist or is not the proposer's to name).
 */
export function proposalProblems(
  input: ProposalInput,
  context: { gemeenteCode: string; gemeenteName: string; project: ProposalProjectFacts | null; today: string },
): Issue[] {
  const issues: Issue[] = [];
  const title = input.title.trim();
  if (title.length === 0) issues.push({ path: 'title', code: 'required', message: 'Geef het voorstel een titel.' });
  else if (title.length > PROPOSAL_TITLE_MAX) {
    issues.push({ path: 'title', code: 'too_long', message: `De titel is te lang: gebruik hoogstens ${PROPOSAL_TITLE_MAX} tekens.` });
  }
  if ((input.description ?? '').trim().length > PROPOSAL_DESCRIPTION_MAX) {
    issues.push({
      path: 'description',
      code: 'too_long',
      message: `De toelichting is te lang: gebruik hoogstens ${PROPOSAL_DESCRIPTION_MAX} tekens.`,
    });
  }
  if (input.homes === null || !Number.isInteger(input.homes) || input.homes <= 0) {
    issues.push({ path: 'homes', code: 'not_positive', message: 'Vul in hoeveel woningen het voorstel oplevert: een heel getal groter dan 0.' });
  } else if (input.homes > PROPOSAL_HOMES_MAX) {
    issues.push({ path: 'homes', code: 'too_many', message: `Meer dan ${PROPOSAL_HOMES_MAX.toLocaleString('nl-NL')} woningen is niet aannemelijk.` });
  }
  const years = proposalYears(context.today);
  if (input.year === null) {
    issues.push({ path: 'year', code: 'required', message: 'Kies het jaar waarin de woningen erbij komen.' });
  } else if (!Number.isInteger(input.year) || input.year < years.from || input.year > years.to) {
    issues.push({
      path: 'year',
      code: 'year_out_of_range',
      message: `Kies een jaar van ${years.from} tot en met ${years.to}: woningen kunnen niet in het verleden worden toegevoegd, en de tafels plannen tot en met ${years.to}.`,
    });
  }
  if (input.kind === 'versnelling' && input.projectId === null) {
    issues.push({ path: 'projectId', code: 'required', message: 'Kies het project dat u wilt versnellen.' });
  }
  if (input.projectId !== null) {
    if (context.project === null || context.project.gemeenteCode !== context.gemeenteCode) {
      issues.push({
        path: 'projectId',
        code: 'not_own_project',
        message: `Kies een project van uw eigen gemeente (${context.gemeenteName}).`,
      });
    } else if (input.kind === 'versnelling' && context.project.phase === 'opgeleverd') {
      issues.push({ path: 'projectId', code: 'already_completed', message: 'Dit project is al opgeleverd: het kan niet meer worden versneld.' });
    }
  }
  return issues;
}
