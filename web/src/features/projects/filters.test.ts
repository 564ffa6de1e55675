import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, filtersFromSearch, filtersToSearch, toApiQuery, type ProjectFilters } from './filters.ts';

describe('project list filters in the URL', () => {
  it('reads a shared URL back into the same filters', () => {
    const f = {
      ...EMPTY_FILTERS,
      gemeente: 'GM0363',
      status: 'rood',
      flags: ['doorbraaklocatie' as const],
      sort: 'totalHomes' as const,
      descending: true,
      page: 3,
    };
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
  });

  it('carries a drill-down to projects with an open knelpunt of one category, and drops unknown categories', () => {
    const f = filtersFromSearch(new URLSearchParams('regio=vt-u10&knelpunt=netcongestie'));
    expect(f).toMatchObject({ region: 'vt-u10', knelpunt: 'netcongestie' });
    expect(toApiQuery(f).get('knelpunt')).toBe('netcongestie');
    expect(filtersFromSearch(new URLSearchParams('knelpunt=onweer')).knelpunt).toBe('');
  });

  it('carries a drill-down from the table dashboard: region and year', () => {
    const f = filtersFromSearch(new URLSearchParams('regio=provincie:PV27&jaar=2028&fase=realisatie'));
    expect(f).toMatchObject({ region: 'provincie:PV27', year: 2028, phase: 'realisatie' });
    expect(Object.fromEntries(toApiQuery(f))).toMatchObject({ region: 'provincie:PV27', year: '2028', phase: 'realisatie' });
    expect(filtersFromSearch(new URLSearchParams('regio=<script>&jaar=99999'))).toMatchObject({ region: '', year: 0 });
  });

  it('leaves defaults out of the URL', () => {
    expect(filtersToSearch(EMPTY_FILTERS).toString()).toBe('');
  });

  it('drops values the API would refuse instead of sending them', () => {
    const f = filtersFromSearch(new URLSearchParams('gemeente=Amsterdam&status=paars&kenmerken=nplv,onzin&sort=-geheim&pagina=-2'));
    expect(f).toEqual({ ...EMPTY_FILTERS, flags: ['nplv'] });
  });

  it('writes every filter in use under its URL name and its API name, on/off filters as ja and true', () => {
    const f: ProjectFilters = {
      ...EMPTY_FILTERS,
      q: ' Merwede ',
      region: 'vt-u10',
      year: 2028,
      provincie: 'PV26',
      gemeente: 'GM0344',
      planStatus: 'vastgesteld',
      phase: 'realisatie',
      status: 'rood',
      flags: ['doorbraaklocatie', 'nplv'],
      knelpunt: 'netcongestie',
      delayed: true,
      forecastExpired: true,
      homesIn: 'sociaal',
    };
    expect(filtersToSearch(f).toString()).toBe(
      'zoek=Merwede&regio=vt-u10&jaar=2028&provincie=PV26&gemeente=GM0344&planStatus=vastgesteld&fase=realisatie&status=rood&kenmerken=doorbraaklocatie%2Cnplv&knelpunt=netcongestie&vertraagd=ja&prognoseVerstreken=ja&woningen=sociaal',
    );
    expect(toApiQuery(f, 25).toString()).toBe(
      'q=Merwede&region=vt-u10&year=2028&provincie=PV26&gemeente=GM0344&planStatus=vastgesteld&phase=realisatie&status=rood&flags=doorbraaklocatie%2Cnplv&knelpunt=netcongestie&delayed=true&forecastExpired=true&homesIn=sociaal&sort=name&limit=25&offset=0',
    );
    expect(activeFilterCount(f)).toBe(14);
    expect(activeFilterCount({ ...EMPTY_FILTERS, q: '  ', sort: 'gemeente', page: 3 })).toBe(0);
  });

  it('translates page numbers into offset and limit for the API', () => {
    const q = toApiQuery({ ...EMPTY_FILTERS, phase: 'realisatie', page: 2 }, 25);
    expect(Object.fromEntries(q)).toEqual({ phase: 'realisatie', sort: 'name', limit: '25', offset: '25' });
  });
});

describe('the Vervallen filter (issue 12 item 2)', () => {
  it('keeps vervallen or alle in the URL (plannen=) and sends it to the API as lifecycle; unknown values are dropped', () => {
    const f = filtersFromSearch(new URLSearchParams('regio=vt-amsterdam-e-o&plannen=vervallen'));
    expect(f).toMatchObject({ region: 'vt-amsterdam-e-o', lifecycle: 'vervallen' });
    expect(filtersToSearch(f).toString()).toBe('regio=vt-amsterdam-e-o&plannen=vervallen');
    expect(toApiQuery(f).get('lifecycle')).toBe('vervallen');
    expect(activeFilterCount(f)).toBe(2);
    expect(filtersFromSearch(new URLSearchParams('plannen=samengevoegd')).lifecycle).toBe('');
    expect(toApiQuery(EMPTY_FILTERS).has('lifecycle')).toBe(false);
  });
});
