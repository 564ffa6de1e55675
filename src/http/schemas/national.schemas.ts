/** Request and response schemas of the national roll-up and the targets (issue 3). */
import { z } from 'zod';
import { PLAN_STATUSES, REGION_KINDS } from '../../domain/codes.ts';
import { TARGET_METRICS, TARGET_UNITS } from '../../domain/national.ts';
import { TARGET_LEVELS } from '../../domain/targets.ts';
import { IsoDate, IsoDateTime, Uuid, Version } from './common.ts';

const Year = z.coerce.number().int().min(2000).max(2100);
const PlanStatusRecord = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(PLAN_STATUSES.map((s) => [s, value])) as Record<(typeof PLAN_STATUSES)[number], T>);

export const AreaId = z
  .string()
  .min(1)
  .max(100)
  .describe('Area: `nl` (the nation), `provincie:PV27`, `corop:CR23`, `gemeente:GM0363`, or a versnellingstafel/woondealregio id');

export const NationalArea = z
  .object({
    id: z.string(),
    kind: z.enum(['land', 'provincie', 'corop', 'gemeente', ...REGION_KINDS]),
    name: z.string(),
    gemeenteCodes: z.array(z.string()),
  })
  .meta({ id: 'NationalArea' });

const TargetBasis = z.enum(['vastgesteld', 'geschat', 'onbekend']);

export const Assumptions = z
  .object({
    byPlanStatus: PlanStatusRecord(z.number()).describe('Share of planned homes expected to be realised, per plan status'),
    source: z.string(),
    validFrom: z.string(),
  })
  .describe('Realisation assumptions per plan status (policy.ts; design)')
  .meta({ id: 'Assumptions' });

export const SimulationInfo = z
  .object({
    runs: z.number().int(),
    seed: z.number().int(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    delays: z.object({
      samples: z.number().int().describe('Projects with an observed completion delay'),
      meanMonths: z.number(),
      p10: z.number(),
      p50: z.number(),
      p90: z.number(),
      source: z.string(),
    }),
    method: z.string(),
  })
  .meta({ id: 'SimulationInfo' });

export const ForecastYear = z
  .object({
    year: z.number().int(),
    planned: z.number().describe('Homes in the jaarschijven'),
    expected: z
      .number()
      .describe('The point estimate ("verwacht"): the median (P50) of the simulation where there is a band, else planned × realisation assumption'),
    expectedWithoutDelay: z.number().describe('planned × realisation assumption, without simulated delays'),
    expectedBasis: z.enum(['p50', 'zonder_simulatie']).describe('p50: expected is the band’s median; zonder_simulatie: no band for this year'),
    expectedAffordable: z.number().describe('Betaalbaar part of expectedWithoutDelay (the simulation does not split segments; used for shares)'),
    expectedSocial: z.number(),
    byPlanStatus: PlanStatusRecord(z.object({ planned: z.number(), expected: z.number() })),
    p10: z.number().nullable(),
    p50: z.number().nullable(),
    p90: z.number().nullable(),
    target: z.number().nullable().describe('Annual target (homes) of the area'),
    targetBasis: TargetBasis,
    gap: z.number().nullable().describe('expected − target'),
    gapP50: z.number().nullable().describe('p50 − target (equal to gap where there is a band)'),
    attainment: z.number().nullable().describe('expected / target'),
  })
  .meta({ id: 'ForecastYear' });

/** Units of a breakdown the caller may not read are left out (SPEC §7); null when none were. */
export const BreakdownOmitted = z
  .object({ units: z.number().int().min(1), message: z.string() })
  .nullable()
  .describe('Units of the breakdown left out because the caller has no access to them; null when none were left out')
  .meta({ id: 'BreakdownOmitted' });

export const ForecastQuery = z.object({
  area: AreaId.default('nl'),
  fromYear: Year.optional(),
  toYear: Year.optional(),
  runs: z.coerce.number().int().min(1).max(2000).optional().describe('Monte-Carlo runs (default: policy.ts, 100)'),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional()
    .describe('Seed: the same seed gives the same band'),
  breakdown: z.enum(['none', 'gemeente', 'provincie', 'region']).optional().describe('Default: provinces for the nation, gemeenten otherwise'),
});

export const ForecastResponse = z
  .object({
    area: NationalArea,
    years: z.array(z.number().int()),
    assumptions: Assumptions,
    simulation: SimulationInfo,
    perYear: z.array(ForecastYear),
    targetExplanation: z.string(),
    breakdown: z.array(z.object({ area: NationalArea, perYear: z.array(ForecastYear), targetExplanation: z.string() })),
    breakdownOmitted: BreakdownOmitted,
  })
  .meta({ id: 'Forecast' });

// ----- realisations ---------------------------------------------------------------------------------

export const RealisationsQuery = z.object({
  area: AreaId.default('nl'),
  fromYear: Year.optional(),
  toYear: Year.optional(),
  classification: z.enum(['indeling_2025', 'origineel']).default('indeling_2025'),
});

export const RealisationsResponse = z
  .object({
    source: z.string(),
    classification: z.enum(['indeling_2025', 'origineel']),
    area: NationalArea,
    national: z.array(
      z.object({
        year: z.number().int(),
        cbsOriginal: z.number().int(),
        cbsIndeling2025: z.number().int(),
        monitorOpleveringen: z
          .number()
          .int()
          .nullable()
          .describe(
            'Homes completed (M12) in the monitor; null where built from fewer than 3 projects (hidden for all but the ministry and administrators)',
          ),
      }),
    ),
    rows: z.array(
      z.object({
        gemeenteCode: z.string(),
        gemeenteName: z.string(),
        year: z.number().int(),
        value: z.number().int(),
        from: z.array(z.object({ code: z.string(), name: z.string(), value: z.number().int(), part: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'Realisations' });

export const HerindelingenResponse = z
  .object({
    items: z.array(
      z.object({
        gemeenteCode: z.string(),
        gemeenteName: z.string(),
        year: z.number().int(),
        effectiveDate: IsoDate,
        event: z.enum(['samenvoeging', 'opsplitsing', 'naamswijziging']),
        successorCode: z.string(),
        successorName: z.string(),
        weight: z.number(),
        weightBasis: z.string(),
      }),
    ),
    successors: z.array(z.object({ code: z.string(), name: z.string(), successors: z.array(z.object({ code: z.string(), share: z.number() })) })),
  })
  .meta({ id: 'Herindelingen' });

export const ReconciliationQuery = z.object({
  year: Year.optional(),
  area: AreaId.optional(),
  provincie: z
    .string()
    .regex(/^PV\d{2}$/, { message: 'Provinciecode heeft de vorm PV27.' })
    .optional(),
  gemeente: z
    .string()
    .regex(/^GM\d{4}$/, { message: 'Gemeentecode heeft de vorm GM0363.' })
    .optional(),
});

export const ReconciliationResponse = z
  .object({
    area: NationalArea,
    source: z.string(),
    years: z.array(z.number().int()).describe('Years in which both CBS and the monitor have figures'),
    rows: z.array(
      z.object({
        gemeenteCode: z.string(),
        gemeenteName: z.string(),
        year: z.number().int(),
        monitor: z.number().int(),
        monitorProjects: z.number().int(),
        cbs: z.number().int(),
        difference: z.number().int().describe('monitor − cbs'),
        relativeDifference: z.number().nullable().describe('(monitor − cbs) / cbs'),
      }),
    ),
    totals: z.array(
      z.object({
        year: z.number().int(),
        monitor: z.number().int(),
        cbs: z.number().int(),
        difference: z.number().int(),
        relativeDifference: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Reconciliation' });

// ----- overview ---------------------------------------------------------------------------------------

export const OverviewQuery = z.object({
  year: Year.optional().describe('Focus year of the map and the special targets (default: this year)'),
  asOf: IsoDate.optional().describe('Today, for the quarter of the PPM figures (default: the server clock)'),
  runs: z.coerce.number().int().min(1).max(2000).optional(),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});

const AreaTargetSchema = z.object({ homesPerYear: z.number().nullable(), basis: TargetBasis, explanation: z.string() });

/** Public version of the overview: a figure built from fewer than 3 projects is null and its row `suppressed` (src/domain/disclosure.ts). */
const Suppressed = z.boolean().optional().describe('Public version: figures of this row are hidden (built from fewer than 3 projects)');

const PpmArea = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    gemeenten: z.number().int(),
    projects: z.number().int().nullable(),
    ppmInUse: z.boolean(),
    roundsOpened: z.number().int().describe('Quarterly rounds ever opened (by the region; for a province: by tables with a gemeente in it)'),
    roundOpened: z.boolean().describe('false: no quarterly round was ever opened, so updatedShare is null ("nog geen kwartaalronde")'),
    updatedThisQuarter: z.number().int().nullable(),
    updatedShare: z.number().nullable().describe('null without projects or before the first quarterly round'),
    overdue: z.number().int().nullable(),
    overdueShare: z.number().nullable(),
    overdueParties: z.number().int().nullable().describe('Organisations party to at least one overdue project'),
    lastUpdate: z.string().nullable(),
    suppressed: Suppressed,
  })
  .meta({ id: 'PpmArea' });

export const SpecialTarget = z
  .object({
    targetId: Uuid,
    metric: z.enum(TARGET_METRICS),
    label: z.string(),
    target: z.object({
      value: z.number(),
      unit: z.enum(TARGET_UNITS),
      periodStart: z.number().int(),
      periodEnd: z.number().int(),
      sourceRef: z.string().nullable(),
      sourceUrl: z.string().nullable(),
      note: z.string().nullable(),
    }),
    measurable: z.boolean(),
    measuredOver: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
    measured: z.number().nullable(),
    progress: z.number().nullable().describe('measured / target'),
    status: z
      .enum(['op_koers', 'achter', 'onbekend', 'ter_vergelijking'])
      .describe('ter_vergelijking: a reference figure (what it yields now), not a target: no verdict'),
    explanation: z.string(),
  })
  .meta({ id: 'SpecialTarget' });

const Attainment = z
  .object({
    name: z.string(),
    year: z.number().int(),
    planned: z.number().nullable(),
    expected: z.number().nullable(),
    p10: z.number().nullable(),
    p50: z.number().nullable(),
    p90: z.number().nullable(),
    target: z.number().nullable(),
    targetBasis: TargetBasis,
    attainment: z.number().nullable().describe('expected / target'),
    attainmentP50: z.number().nullable(),
    gap: z.number().nullable(),
    suppressed: Suppressed,
  })
  .meta({ id: 'Attainment' });

const ProductionYear = ForecastYear.extend({
  realisedCbs: z.number().int().nullable().describe('CBS nieuwbouw (81955NED / 86098NED); null for a year without CBS figures loaded'),
  opleveringenMonitor: z.number().int(),
  affordableShare: z.number().nullable(),
  socialShare: z.number().nullable(),
  suppressed: Suppressed.describe(
    'Public version: the forecast of this year (or its opleveringen) rests on fewer than 3 projects and is shown as 0 / null',
  ),
}).meta({ id: 'NationalProductionYear' });

export const OverviewResponse = z
  .object({
    asOf: z.string(),
    dataAsOf: IsoDateTime.describe('Stand per: when the data the figures are computed from last changed'),
    year: z.number().int(),
    assumptions: Assumptions,
    simulation: SimulationInfo,
    production: z.object({
      target: AreaTargetSchema.extend({ year: z.number().int() }),
      source: z.string(),
      years: z.array(ProductionYear),
    }),
    affordability: z.object({
      year: z.number().int(),
      expected: z.number(),
      affordableShare: z.number().nullable(),
      socialShare: z.number().nullable(),
      targetAffordableShare: z.number(),
      targetSocialShare: z.number(),
      affordableYears: z
        .object({ from: z.number().int(), to: z.number().int() })
        .nullable()
        .describe('Years the betaalbaar target applies to; no verdict outside them'),
      socialYears: z
        .object({ from: z.number().int(), to: z.number().int() })
        .nullable()
        .describe('Years the sociaal target applies to; no verdict outside them'),
      meetsAffordable: z.boolean().nullable(),
      meetsSocial: z.boolean().nullable(),
    }),
    specialTargets: z.array(SpecialTarget),
    provinces: z.array(Attainment.extend({ code: z.string() }).meta({ id: 'ProvinceAttainment' })),
    regions: z
      .array(Attainment.extend({ id: z.string(), kind: z.string() }).meta({ id: 'RegionAttainment' }))
      .describe('Versnellingstafels and woondealregio’s, for a map'),
    ppm: z.object({
      quarter: z.string(),
      quarterStart: z.string(),
      overdueBefore: z.string(),
      rule: z.string(),
      regions: z.array(PpmArea),
      provinces: z.array(PpmArea),
    }),
    notes: z.array(z.string()),
    disclosure: z
      .object({ minProjects: z.number().int(), rule: z.string() })
      .nullable()
      .optional()
      .describe('Public version: the rule applied (figures of fewer than minProjects projects hidden); null for the ministry'),
  })
  .meta({ id: 'NationalOverview' });

// ----- plancapaciteit ----------------------------------------------------------------------------------

export const PlancapaciteitQuery = z.object({
  area: AreaId.default('nl'),
  breakdown: z.enum(['none', 'gemeente', 'provincie', 'region']).default('none'),
  fromYear: Year.optional(),
  includeProjects: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('List the ids of the projects behind each figure of the area'),
  projectLimit: z.coerce.number().int().min(1).max(5000).optional(),
});

const DrillDown = z
  .object({
    planStatuses: z.array(z.enum(PLAN_STATUSES)),
    href: z.string(),
    projectIds: z.array(Uuid).optional(),
    truncated: z.boolean().optional(),
  })
  .meta({ id: 'DrillDown' });

const PeriodCapacity = z
  .object({
    period: z.object({ key: z.string(), label: z.string(), from: z.number().int(), to: z.number().int() }),
    hard: z.number().int(),
    soft: z.number().int(),
    total: z.number().int(),
    byPlanStatus: PlanStatusRecord(z.number().int()),
    need: z.object({ homes: z.number().nullable(), basis: TargetBasis, explanation: z.string() }),
    norm: z.number().nullable().describe('The norm in this period; null: none applies (ratio without a verdict)'),
    ratio: z.number().nullable(),
    hardRatio: z.number().nullable(),
    meetsNorm: z.boolean().nullable(),
    shortfall: z.number().int().nullable(),
    drillDown: z.object({ hard: DrillDown, soft: DrillDown }),
  })
  .meta({ id: 'PeriodCapacity' });

const AreaPlancapaciteit = z
  .object({
    area: NationalArea,
    norm: z
      .object({ value: z.number().nullable(), source: z.string() })
      .describe('The norm in the first period and where it comes from; value null: no norm, no verdict'),
    periods: z.array(PeriodCapacity),
    withoutYear: z.object({ hard: z.number().int(), soft: z.number().int() }),
  })
  .meta({ id: 'AreaPlancapaciteit' });

export const PlancapaciteitResponse = AreaPlancapaciteit.extend({
  fromYear: z.number().int(),
  planuitval: z
    .object({
      projects: z.number().int().describe('Withdrawn plans (vervallen) of the area'),
      homes: z.number().int(),
      perYear: z.array(z.object({ year: z.number().int(), projects: z.number().int(), homes: z.number().int() })),
      href: z.string().describe('The project list behind the count (lifecycle=vervallen)'),
    })
    .describe('Planuitval: plans of the area that were withdrawn, per year of withdrawal; they are in no capacity figure'),
  definitions: z.object({ hard: z.string(), soft: z.string(), need: z.string(), test: z.string() }),
  breakdown: z.array(AreaPlancapaciteit),
  breakdownOmitted: BreakdownOmitted,
}).meta({ id: 'Plancapaciteit' });

export const Norm = z
  .object({ areaId: z.string(), norm: z.number(), reason: z.string(), version: z.number().int(), updatedAt: IsoDateTime })
  .meta({ id: 'Norm' });
export const NormBody = z.object({
  norm: z
    .number()
    .positive({ message: 'De norm moet groter dan 0 zijn (1,3 = 130%).' })
    .max(5, { message: 'Een norm boven 500% is niet aannemelijk.' }),
  reason: z.string().min(1, { message: 'Geef een reden voor de afwijkende norm.' }).max(1000),
  version: Version.optional(),
});

// ----- targets ----------------------------------------------------------------------------------------

export const TargetSchema = z
  .object({
    id: Uuid,
    metric: z.enum(TARGET_METRICS),
    unit: z.enum(TARGET_UNITS),
    geoLevel: z.enum(TARGET_LEVELS),
    geoCode: z.string().nullable(),
    geoName: z.string(),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
    homes: z.number().int().nullable(),
    share: z.number().nullable(),
    kind: z.string(),
    sourceUrl: z.string().nullable(),
    sourceQuote: z.string().nullable(),
    sourceRef: z.string().nullable(),
    sourcePublished: z.string().nullable(),
    note: z.string().nullable(),
    isExample: z.boolean(),
    preferred: z.boolean(),
    synthetic: z.boolean().optional().describe('Demo data: created by a demo role in demo mode; listed to demo roles only'),
    version: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Target' });

export const TargetListQuery = z.object({
  metric: z.enum(TARGET_METRICS).optional(),
  geoLevel: z.enum(TARGET_LEVELS).optional(),
  geoCode: z.string().max(100).optional(),
});

const Text = (max: number) => z.string().max(max, { message: `Hoogstens ${max} tekens.` });
const TargetFields = {
  metric: z.enum(TARGET_METRICS),
  unit: z.enum(TARGET_UNITS),
  geoLevel: z.enum(TARGET_LEVELS),
  geoCode: Text(100).nullable(),
  geoName: Text(200).min(1, { message: 'Vul de naam van het gebied in.' }),
  periodStart: z.number().int({ message: 'Het beginjaar is een heel getal.' }),
  periodEnd: z.number().int({ message: 'Het eindjaar is een heel getal.' }),
  homes: z
    .number()
    .int({ message: 'Aantal woningen moet een heel getal zijn.' })
    .min(0, { message: 'Aantal woningen kan niet negatief zijn.' })
    .nullable(),
  share: z.number().nullable(),
  kind: Text(300),
  sourceUrl: Text(2000).nullable(),
  sourceQuote: Text(4000).nullable(),
  sourceRef: Text(300).nullable(),
  sourcePublished: Text(20).nullable(),
  note: Text(4000).nullable(),
  isExample: z.boolean(),
  preferred: z.boolean(),
};

export const TargetCreateBody = z.object({
  ...TargetFields,
  metric: TargetFields.metric.optional().describe('Default woningbouw'),
  unit: TargetFields.unit.optional().describe('Default woningen'),
  geoCode: TargetFields.geoCode.optional(),
  homes: TargetFields.homes.optional(),
  share: TargetFields.share.optional(),
  kind: TargetFields.kind.optional(),
  sourceUrl: TargetFields.sourceUrl.optional(),
  sourceQuote: TargetFields.sourceQuote.optional(),
  sourceRef: TargetFields.sourceRef.optional(),
  sourcePublished: TargetFields.sourcePublished.optional(),
  note: TargetFields.note.optional(),
  isExample: TargetFields.isExample.optional(),
  preferred: TargetFields.preferred.optional(),
});

export const TargetPatchBody = z.object({
  version: Version,
  ...Object.fromEntries(Object.entries(TargetFields).map(([k, v]) => [k, v.optional()])),
}) as z.ZodType<{ version: number } & Partial<{ [K in keyof typeof TargetFields]: z.output<(typeof TargetFields)[K]> }>>;

export const ImportResponse = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    targets: z.array(TargetSchema),
  })
  .meta({ id: 'TargetImport' });
