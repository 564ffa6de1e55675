import { describe, expect, it } from 'vitest';
import { filtersFromSearch, toApiQuery } from '../projects/filters.ts';
import { dashboardRegionFromPath, figureLinks, projectsUrl, regionPath } from './drilldown.ts';

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

  it('opens only the projects behind a figure: delayed, betaalbaar, sociale huur (issue 8 item 18)', () => {
    const query = (url: string) => filtersFromSearch(new URL(url, 'http://x').searchParams);
    expect(figureLinks.delayed('vt-u10')).toBe('/projecten?regio=vt-u10&vertraagd=ja&sort=-maxDelayMonths');
    expect(query(figureLinks.delayed('vt-u10'))).toMatchObject({ region: 'vt-u10', delayed: true, sort: 'maxDelayMonths', descending: true });
    expect(query(figureLinks.affordable('vt-u10'))).toMatchObject({ homesIn: 'betaalbaar' });
    expect(query(figureLinks.social('vt-u10'))).toMatchObject({ homesIn: 'sociaal' });
    expect(toApiQuery(query(figureLinks.delayed('vt-u10'))).get('delayed')).toBe('true');
    expect(toApiQuery(query(figureLinks.social('vt-u10'))).get('homesIn')).toBe('sociaal');
    expect(query('/projecten?woningen=duur&vertraagd=misschien')).toMatchObject({ homesIn: '', delayed: false });
  });

  it('opens only the projects whose forecast has passed from "Prognose verstreken" (issue 8 item 3)', () => {
    const query = (url: string) => filtersFromSearch(new URL(url, 'http://x').searchParams);
    expect(figureLinks.forecastExpired('vt-u10')).toBe('/projecten?regio=vt-u10&prognoseVerstreken=ja');
    expect(query(figureLinks.forecastExpired('vt-u10'))).toMatchObject({ region: 'vt-u10', forecastExpired: true });
    expect(toApiQuery(query(figureLinks.forecastExpired('vt-u10'))).get('forecastExpired')).toBe('true');
  });

  it('finds the region of a dashboard or report path, and nothing else', () => {
    expect(dashboardRegionFromPath(regionPath('gemeente:GM0363'))).toBe('gemeente:GM0363');
    expect(dashboardRegionFromPath('/tafels/vt-u10/rapport')).toBe('vt-u10');
    expect(dashboardRegionFromPath('/tafels/vt-u10/kwartaalronde')).toBeNull();
    expect(dashboardRegionFromPath('/tafels')).toBeNull();
  });
});
