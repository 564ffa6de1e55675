import { describe, expect, it } from 'vitest';
import { filtersFromSearch } from '../projects/filters.ts';
import { dashboardRegionFromPath, projectsUrl, regionPath } from './drilldown.ts';

describe('drill-down links of the table dashboard', () => {
  it('links a year of the chart to the projects of the region with completions in that year', () => {
    expect(projectsUrl('vt-u10', { year: 2027 })).toBe('/projecten?regio=vt-u10&jaar=2027');
  });

  it('keeps an area id such as provincie:PV27 intact through the project list URL', () => {
    const url = projectsUrl('provincie:PV27', { phase: 'realisatie' });
    const filters = filtersFromSearch(new URL(url, 'http://x').searchParams);
    expect(filters.region).toBe('provincie:PV27');
    expect(filters.phase).toBe('realisatie');
  });

  it('sorts the delayed projects with the largest delay first', () => {
    expect(projectsUrl('vt-u10', { sort: 'maxDelayMonths', descending: true })).toBe('/projecten?regio=vt-u10&sort=-maxDelayMonths');
  });

  it('finds the region of a dashboard or report path, and nothing else', () => {
    expect(dashboardRegionFromPath(regionPath('gemeente:GM0363'))).toBe('gemeente:GM0363');
    expect(dashboardRegionFromPath('/tafels/vt-u10/rapport')).toBe('vt-u10');
    expect(dashboardRegionFromPath('/tafels/vt-u10/kwartaalronde')).toBeNull();
    expect(dashboardRegionFromPath('/tafels')).toBeNull();
  });
});
