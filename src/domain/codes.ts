/**
 * Code lists of the domain (SPEC §2). Values are stable machine codes (ASCII, snake_case Dutch);
 * `LABELS` gives the plain-Dutch label shown to people.
 */

/** Housing segments. SPEC §2 "Segments". */
export const SEGMENTS = ['sociale_huur', 'middenhuur', 'betaalbare_koop', 'vrije_sector_huur', 'vrije_sector_koop'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Betaalbaar = sociale huur + middenhuur + betaalbare koop. SPEC §2, `001 § 19.1`. */
export const AFFORDABLE_SEGMENTS: readonly Segment[] = ['sociale_huur', 'middenhuur', 'betaalbare_koop'];
/** Sociaal = sociale huur. SPEC §3 (30% sociaal). */
export const SOCIAL_SEGMENTS: readonly Segment[] = ['sociale_huur'];

/** Building types. SPEC §2 "Types". */
export const WONINGTYPES = ['grondgebonden', 'gestapeld', 'onbekend'] as const;
export type Woningtype = (typeof WONINGTYPES)[number];

/** Target groups. SPEC §2 "Types". */
export const DOELGROEPEN = ['regulier', 'ouderen', 'student', 'flex', 'woonzorg'] as const;
export type Doelgroep = (typeof DOELGROEPEN)[number];

/** Plan status (hardheid). SPEC §2 (design). */
export const PLAN_STATUSES = ['onherroepelijk', 'vastgesteld', 'in_voorbereiding', 'visie', 'onbekend'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** Harde plancapaciteit = onherroepelijk + vastgesteld. SPEC §2. */
export const HARD_PLAN_STATUSES: readonly PlanStatus[] = ['onherroepelijk', 'vastgesteld'];

/** Phases, in order. SPEC §2 "Phases and milestones". */
export const PHASES = ['initiatief', 'haalbaarheid', 'planvorming', 'planologische_procedure', 'vergunning', 'realisatie', 'opgeleverd'] as const;
export type Phase = (typeof PHASES)[number];

export const OWNER_SIDES = ['publiek', 'privaat', 'beide'] as const;
export type OwnerSide = (typeof OWNER_SIDES)[number];

export const MILESTONE_CODES = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'] as const;
export type MilestoneCode = (typeof MILESTONE_CODES)[number];

export interface MilestoneDefinition {
  code: MilestoneCode;
  label: string;
  /** Sides allowed to own the milestone; the first is the default (so there is always one). */
  allowedOwners: readonly [OwnerSide, ...OwnerSide[]];
}

/** The twelve PPM milestones and their owner side. SPEC §2 table. */
export const MILESTONES: readonly MilestoneDefinition[] = [
  { code: 'M01', label: 'Start initiatief', allowedOwners: ['privaat', 'publiek'] },
  { code: 'M02', label: 'Intentie-/samenwerkingsovereenkomst', allowedOwners: ['beide'] },
  { code: 'M03', label: 'Principebesluit / nota van uitgangspunten vastgesteld', allowedOwners: ['publiek'] },
  { code: 'M04', label: 'Anterieure overeenkomst gesloten', allowedOwners: ['beide'] },
  { code: 'M05', label: 'Ontwerp-omgevingsplan(wijziging) ter inzage', allowedOwners: ['publiek'] },
  { code: 'M06', label: 'Omgevingsplan(wijziging) vastgesteld', allowedOwners: ['publiek'] },
  { code: 'M07', label: 'Omgevingsplan onherroepelijk', allowedOwners: ['publiek'] },
  { code: 'M08', label: 'Aanvraag omgevingsvergunning bouwactiviteit ingediend', allowedOwners: ['privaat'] },
  { code: 'M09', label: 'Omgevingsvergunning verleend', allowedOwners: ['publiek'] },
  { code: 'M10', label: 'Start verkoop / verhuur', allowedOwners: ['privaat'] },
  { code: 'M11', label: 'Start bouw', allowedOwners: ['privaat'] },
  { code: 'M12', label: 'Oplevering', allowedOwners: ['privaat'] },
];

export function milestoneDefinition(code: MilestoneCode): MilestoneDefinition {
  const def = MILESTONES.find((m) => m.code === code);
  if (!def) throw new Error(`unknown milestone ${code}`);
  return def;
}

/** Knelpunt categories. SPEC §2 "Knelpunt". */
export const KNELPUNT_CATEGORIES = [
  'netcongestie',
  'stikstof',
  'water_en_bodem',
  'geluid',
  'financiele_haalbaarheid',
  'ambtelijke_capaciteit',
  'bezwaar_en_beroep',
  'grondpositie',
  'bereikbaarheid',
  'marktafzet',
  'regelgeving',
  'overig',
] as const;
export type KnelpuntCategory = (typeof KNELPUNT_CATEGORIES)[number];

/** Organisation types. SPEC §2 "Organisation". */
export const ORGANISATION_TYPES = [
  'gemeente',
  'provincie',
  'rijk',
  'corporatie',
  'ontwikkelaar',
  'belegger',
  'bouwer',
  'netbeheerder',
  'waterschap',
  'overig',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Roles of parties in a project. SPEC §2. */
export const PARTY_ROLES = ['bevoegd_gezag', 'initiatiefnemer', 'ontwikkelaar', 'corporatie', 'belegger', 'bouwer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Project flags. SPEC §2 "Project". */
export const PROJECT_FLAGS = ['doorbraaklocatie', 'nplv', 'grootschalig_gebied', 'parallel_plannen', 'industrieel', 'woondeal_locatie'] as const;
export type ProjectFlag = (typeof PROJECT_FLAGS)[number];

/** Origin of the homes. SPEC §2 "Project". */
export const ORIGINS = ['nieuwbouw', 'transformatie', 'optoppen', 'splitsen', 'woningdelen', 'mantelzorgwoning', 'wonen_op_erven', 'flex'] as const;
export type Origin = (typeof ORIGINS)[number];

export const STATUS_COLOURS = ['groen', 'oranje', 'rood'] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];

export const REGION_KINDS = ['woondealregio', 'versnellingstafel'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** The codes that have a plain-Dutch label. */
export type LabelledCode = Segment | Woningtype | Doelgroep | PlanStatus | Phase | OwnerSide | KnelpuntCategory | ProjectFlag | Origin | StatusColour;

/** Plain-Dutch labels for every code, for the UI and exports; looked up by any other string, it may have none. */
export const LABELS: Readonly<Record<LabelledCode, string>> & Readonly<Partial<Record<string, string>>> = {
  sociale_huur: 'Sociale huur',
  middenhuur: 'Middenhuur',
  betaalbare_koop: 'Betaalbare koop',
  vrije_sector_huur: 'Vrije sector huur',
  vrije_sector_koop: 'Vrije sector koop',
  grondgebonden: 'Grondgebonden',
  gestapeld: 'Gestapeld',
  regulier: 'Regulier',
  ouderen: 'Ouderen',
  student: 'Studenten',
  woonzorg: 'Woonzorg',
  onherroepelijk: 'Onherroepelijk',
  vastgesteld: 'Vastgesteld',
  in_voorbereiding: 'In voorbereiding',
  visie: 'Visie / potentie',
  onbekend: 'Onbekend',
  initiatief: 'Initiatief',
  haalbaarheid: 'Haalbaarheid',
  planvorming: 'Planvorming',
  planologische_procedure: 'Planologische procedure',
  vergunning: 'Vergunning',
  realisatie: 'Realisatie',
  opgeleverd: 'Opgeleverd',
  publiek: 'Publiek',
  privaat: 'Privaat',
  beide: 'Publiek en privaat',
  netcongestie: 'Netcongestie',
  stikstof: 'Stikstof',
  water_en_bodem: 'Water en bodem',
  geluid: 'Geluid',
  financiele_haalbaarheid: 'Financiële haalbaarheid / onrendabele top',
  ambtelijke_capaciteit: 'Ambtelijke capaciteit',
  bezwaar_en_beroep: 'Bezwaar en beroep',
  grondpositie: 'Grondpositie',
  bereikbaarheid: 'Bereikbaarheid / infrastructuur',
  marktafzet: 'Marktafzet',
  regelgeving: 'Regelgeving (STOER)',
  overig: 'Overig',
  doorbraaklocatie: 'Doorbraaklocatie',
  nplv: 'NPLV-gebied',
  grootschalig_gebied: 'Grootschalig woningbouwgebied',
  parallel_plannen: 'Parallel plannen',
  industrieel: 'Industrieel / conceptueel bouwen',
  woondeal_locatie: 'Woondeal-locatie',
  nieuwbouw: 'Nieuwbouw',
  transformatie: 'Transformatie',
  optoppen: 'Optoppen',
  splitsen: 'Splitsen',
  woningdelen: 'Woningdelen / onzelfstandig',
  mantelzorgwoning: 'Mantelzorg-/familiewoning',
  wonen_op_erven: 'Wonen op erven',
  flex: 'Flexwoning',
  groen: 'Op schema',
  oranje: 'Aandacht nodig',
  rood: 'Ernstig vertraagd',
};
