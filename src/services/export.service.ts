/**
 * Exports for the people who work in spreadsheets (SPEC §7): the table
 * dashboard's underlying data as an Excel workbook. The project list as CSV/XLSX streams: project-export.service.ts.
 * The workbook is written by the streaming writer (xlsx-writer.ts) as the reader takes it: a workbook built whole
 * in memory (ExcelJS: an object per cell) of a table's 10,000 and more projects left some 90 MB of garbage in the
 * server's heap (issue 15 goal 3).
 */
import type { Readable } from 'node:stream';
import { LABELS, MILESTONES } from '../domain/codes.ts';
import type { ProjectSummary } from '../storage/project.repository.ts';
import type { RegionDashboard } from './dashboard.service.ts';
import { xlsxStream, type XlsxCell, type XlsxRow, type XlsxSheet } from './xlsx-writer.ts';

const label = (code: string) => LABELS[code] ?? code;

const PROJECT_COLUMNS: Array<{ header: string; width: number; value: (p: ProjectSummary) => XlsxCell }> = [
  { header: 'Project-id', width: 38, value: (p) => p.id },
  { header: 'Naam', width: 32, value: (p) => p.name },
  { header: 'Gemeentecode', width: 12, value: (p) => p.gemeenteCode },
  { header: 'Gemeente', width: 20, value: (p) => p.gemeenteName },
  { header: 'Provinciecode', width: 12, value: (p) => p.provincieCode },
  { header: 'Planstatus', width: 16, value: (p) => label(p.planStatus) },
  { header: 'Fase', width: 22, value: (p) => label(p.phase) },
  { header: 'Status', width: 18, value: (p) => label(p.status) },
  { header: 'Grootste vertraging (maanden)', width: 14, value: (p) => p.maxDelayMonths },
  { header: 'Woningen totaal', width: 10, value: (p) => p.totalHomes },
  { header: 'Betaalbaar', width: 10, value: (p) => p.affordableHomes },
  { header: 'Sociale huur', width: 10, value: (p) => p.socialHomes },
  { header: 'Herkomst', width: 14, value: (p) => label(p.origin) },
  { header: 'Kenmerken', width: 24, value: (p) => p.flags.map(label).join(', ') },
  { header: 'Lengtegraad', width: 10, value: (p) => p.location?.lon ?? '' },
  { header: 'Breedtegraad', width: 10, value: (p) => p.location?.lat ?? '' },
  { header: 'Demogegevens (verzonnen)', width: 12, value: (p) => (p.synthetic ? 'ja' : 'nee') },
  { header: 'Versie', width: 8, value: (p) => p.version },
  { header: 'Laatst gewijzigd', width: 22, value: (p) => p.updatedAt },
];

function projectSheet(projects: readonly ProjectSummary[]): XlsxSheet {
  return {
    name: 'Projecten',
    widths: PROJECT_COLUMNS.map((c) => c.width),
    header: true,
    rows: function* () {
      yield { cells: PROJECT_COLUMNS.map((c) => c.header), style: 'bold' };
      for (const p of projects) yield { cells: PROJECT_COLUMNS.map((c) => c.value(p)) };
    },
  };
}

/** A worksheet with a bold header row: one column per entry, one row per array. */
function tableSheet(
  name: string,
  columns: Array<{ header: string; width: number }>,
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): XlsxSheet {
  return {
    name,
    widths: columns.map((c) => c.width),
    rows: () => [{ cells: columns.map((c) => c.header), style: 'bold' as const }, ...rows.map((cells) => ({ cells }))],
  };
}

function noticeSheet(projects: readonly { synthetic: boolean }[], title: string): XlsxSheet {
  const synthetic = projects.filter((p) => p.synthetic).length;
  const rows: XlsxRow[] = [
    { cells: [title], style: 'title' },
    { cells: [`Aangemaakt: ${new Date().toISOString()}`] },
    ...(synthetic > 0
      ? [
          {
            cells: [`LET OP: ${synthetic} van de ${projects.length} projecten zijn verzonnen demogegevens, geen echte projecten.`],
            style: 'warning' as const,
          },
        ]
      : []),
    { cells: ['Betaalbaar = sociale huur + middenhuur + betaalbare koop.'] },
  ];
  return { name: 'Toelichting', widths: [100], rows: () => rows };
}

/** The table report's underlying data: figures per year, pipeline, delays, knelpunten and all projects. */
export function dashboardWorkbook(dashboard: RegionDashboard, projects: readonly ProjectSummary[]): Readable {
  const { summary } = dashboard;
  const sheets: XlsxSheet[] = [];

  sheets.push(
    tableSheet(
      'Per jaar',
      [
        { header: 'Jaar', width: 8 },
        { header: 'Gepland (jaarschijven)', width: 14 },
        { header: 'waarvan hard plan', width: 14 },
        { header: 'Betaalbaar', width: 12 },
        { header: 'Sociale huur', width: 12 },
        { header: 'Opgave', width: 12 },
        { header: 'Verschil', width: 12 },
        { header: 'Basis opgave', width: 60 },
      ],
      summary.perYear.map((y) => {
        const t = dashboard.targets.find((x) => x.year === y.year);
        return [
          y.year,
          y.expected,
          y.expectedHard,
          y.affordable,
          y.social,
          y.target === null ? '' : Math.round(y.target),
          y.gap ?? '',
          t?.explanation ?? '',
        ];
      }),
    ),
  );

  sheets.push(
    tableSheet(
      'Pijplijn',
      [
        { header: 'Indeling', width: 14 },
        { header: 'Waarde', width: 26 },
        { header: 'Projecten', width: 10 },
        { header: 'Woningen', width: 10 },
      ],
      [
        ...summary.byPhase.map((p) => ['Fase', label(p.phase), p.projects, p.homes]),
        ...summary.byPlanStatus.map((p) => ['Planstatus', label(p.planStatus), p.projects, p.homes]),
        ...summary.byStatus.map((p) => ['Status', label(p.status), p.projects, '']),
      ],
    ),
  );

  sheets.push(
    tableSheet(
      'Vertraagde mijlpalen',
      [
        { header: 'Project', width: 32 },
        { header: 'Mijlpaal', width: 44 },
        { header: 'Gepland (baseline)', width: 14 },
        { header: 'Verwacht', width: 14 },
        { header: 'Maanden later', width: 12 },
        { header: 'Ernst', width: 12 },
        { header: 'Project-id', width: 38 },
      ],
      summary.delayedMilestones.items.map((d) => {
        const m = MILESTONES.find((x) => x.code === d.code)!;
        return [
          d.projectName,
          `${d.code} ${m.label}`,
          d.baselineDate,
          d.forecastDate,
          d.months,
          d.severity === 'ernstig' ? 'Ernstig' : 'Vertraagd',
          d.projectId,
        ];
      }),
    ),
  );

  sheets.push(
    tableSheet(
      'Knelpunten',
      [
        { header: 'Categorie', width: 40 },
        { header: 'Open', width: 8 },
        { header: 'Geëscaleerd naar de tafel', width: 14 },
      ],
      summary.knelpunten.map((k) => [label(k.category), k.open, k.escalated]),
    ),
  );

  sheets.push(projectSheet(projects), noticeSheet(projects, `Woningbouwmonitor — ${dashboard.region.name}`));
  return xlsxStream(sheets, { creator: 'Woningbouwmonitor' });
}
