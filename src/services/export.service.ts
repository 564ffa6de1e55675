/**
 * Exports for the people who work in spreadsheets (SPEC §7): the table
 * dashboard's underlying data as an Excel workbook. The project list as CSV/XLSX streams: project-export.service.ts.
 */
import ExcelJS from 'exceljs';
import { LABELS, MILESTONES } from '../domain/codes.ts';
import type { ProjectSummary } from '../storage/project.repository.ts';
import type { RegionDashboard } from './dashboard.service.ts';

const label = (code: string) => LABELS[code] ?? code;

const PROJECT_COLUMNS: Array<{ header: string; key: string; width: number; value: (p: ProjectSummary) => string | number | boolean }> = [
  { header: 'Project-id', key: 'id', width: 38, value: (p) => p.id },
  { header: 'Naam', key: 'name', width: 32, value: (p) => p.name },
  { header: 'Gemeentecode', key: 'gemeenteCode', width: 12, value: (p) => p.gemeenteCode },
  { header: 'Gemeente', key: 'gemeente', width: 20, value: (p) => p.gemeenteName },
  { header: 'Provinciecode', key: 'provincieCode', width: 12, value: (p) => p.provincieCode },
  { header: 'Planstatus', key: 'planStatus', width: 16, value: (p) => label(p.planStatus) },
  { header: 'Fase', key: 'phase', width: 22, value: (p) => label(p.phase) },
  { header: 'Status', key: 'status', width: 18, value: (p) => label(p.status) },
  { header: 'Grootste vertraging (maanden)', key: 'maxDelayMonths', width: 14, value: (p) => p.maxDelayMonths },
  { header: 'Woningen totaal', key: 'totalHomes', width: 10, value: (p) => p.totalHomes },
  { header: 'Betaalbaar', key: 'affordableHomes', width: 10, value: (p) => p.affordableHomes },
  { header: 'Sociale huur', key: 'socialHomes', width: 10, value: (p) => p.socialHomes },
  { header: 'Herkomst', key: 'origin', width: 14, value: (p) => label(p.origin) },
  { header: 'Kenmerken', key: 'flags', width: 24, value: (p) => p.flags.map(label).join(', ') },
  { header: 'Lengtegraad', key: 'lon', width: 10, value: (p) => p.location?.lon ?? '' },
  { header: 'Breedtegraad', key: 'lat', width: 10, value: (p) => p.location?.lat ?? '' },
  { header: 'Demogegevens (verzonnen)', key: 'synthetic', width: 12, value: (p) => (p.synthetic ? 'ja' : 'nee') },
  { header: 'Versie', key: 'version', width: 8, value: (p) => p.version },
  { header: 'Laatst gewijzigd', key: 'updatedAt', width: 22, value: (p) => p.updatedAt },
];

function addProjectSheet(workbook: ExcelJS.Workbook, projects: readonly ProjectSummary[]): void {
  const sheet = workbook.addWorksheet('Projecten', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PROJECT_COLUMNS.map(({ header, key, width }) => ({ header, key, width }));
  for (const p of projects) sheet.addRow(PROJECT_COLUMNS.map((c) => c.value(p)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PROJECT_COLUMNS.length } };
}

/** A worksheet with a bold header row: one column per entry, one row per array. */
function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Array<{ header: string; key: string; width: number }>,
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
}

function addNotice(workbook: ExcelJS.Workbook, projects: readonly { synthetic: boolean }[], title: string): void {
  const sheet = workbook.addWorksheet('Toelichting');
  sheet.getColumn(1).width = 100;
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([`Aangemaakt: ${new Date().toISOString()}`]);
  const synthetic = projects.filter((p) => p.synthetic).length;
  if (synthetic > 0) {
    sheet.addRow([`LET OP: ${synthetic} van de ${projects.length} projecten zijn verzonnen demogegevens, geen echte projecten.`]).font = {
      bold: true,
      color: { argb: 'FFB00020' },
    };
  }
  sheet.addRow(['Betaalbaar = sociale huur + middenhuur + betaalbare koop.']);
}

/** The table report's underlying data: figures per year, pipeline, delays, knelpunten and all projects. */
export async function dashboardWorkbook(dashboard: RegionDashboard, projects: readonly ProjectSummary[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Woningbouwmonitor';
  const { summary } = dashboard;

  addTableSheet(
    workbook,
    'Per jaar',
    [
      { header: 'Jaar', key: 'year', width: 8 },
      { header: 'Gepland (jaarschijven)', key: 'expected', width: 14 },
      { header: 'waarvan hard plan', key: 'hard', width: 14 },
      { header: 'Betaalbaar', key: 'affordable', width: 12 },
      { header: 'Sociale huur', key: 'social', width: 12 },
      { header: 'Opgave', key: 'target', width: 12 },
      { header: 'Verschil', key: 'gap', width: 12 },
      { header: 'Basis opgave', key: 'basis', width: 60 },
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
  );

  addTableSheet(
    workbook,
    'Pijplijn',
    [
      { header: 'Indeling', key: 'by', width: 14 },
      { header: 'Waarde', key: 'value', width: 26 },
      { header: 'Projecten', key: 'projects', width: 10 },
      { header: 'Woningen', key: 'homes', width: 10 },
    ],
    [
      ...summary.byPhase.map((p) => ['Fase', label(p.phase), p.projects, p.homes]),
      ...summary.byPlanStatus.map((p) => ['Planstatus', label(p.planStatus), p.projects, p.homes]),
      ...summary.byStatus.map((p) => ['Status', label(p.status), p.projects, '']),
    ],
  );

  addTableSheet(
    workbook,
    'Vertraagde mijlpalen',
    [
      { header: 'Project', key: 'project', width: 32 },
      { header: 'Mijlpaal', key: 'code', width: 44 },
      { header: 'Gepland (baseline)', key: 'baseline', width: 14 },
      { header: 'Verwacht', key: 'forecast', width: 14 },
      { header: 'Maanden later', key: 'months', width: 12 },
      { header: 'Ernst', key: 'severity', width: 12 },
      { header: 'Project-id', key: 'id', width: 38 },
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
  );

  addTableSheet(
    workbook,
    'Knelpunten',
    [
      { header: 'Categorie', key: 'category', width: 40 },
      { header: 'Open', key: 'open', width: 8 },
      { header: 'Geëscaleerd naar de tafel', key: 'escalated', width: 14 },
    ],
    summary.knelpunten.map((k) => [label(k.category), k.open, k.escalated]),
  );

  addProjectSheet(workbook, projects);
  addNotice(workbook, projects, `Woningbouwmonitor — ${dashboard.region.name}`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
