// @vitest-environment jsdom
/**
 * The delivery summary of a quarter (Kwartaalronde, Tafeloverzicht). A gemeente or market party sees the
 * table's counts but only its own projects and organisation: the summary must not mix the two
 * ("324 nog niet geleverd, bij 1 organisatie"); it says which numbers are the table's and which are theirs.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ProjectDelivery, RoundDetail } from '../../api/types.ts';
import { DeliverySummary } from './DeliverySummary.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const project = (i: number, expired: boolean, delivered = false): ProjectDelivery => ({
  projectId: `p${i}`,
  name: `Project ${i}`,
  gemeenteCode: 'GM0363',
  gemeenteName: 'Amsterdam',
  delivered,
  via: null,
  updatedAt: '2026-10-01T00:00:00Z',
  confirmedAt: null,
  organisationIds: ['gm'],
  parties: [],
  expiredForecasts: expired ? [{ code: 'M12', ownerSide: 'publiek', forecastDate: '2026-11-01' }] : [],
});

function round(projects: ProjectDelivery[], organisations: RoundDetail['organisations']): RoundDetail {
  return {
    id: 'r1',
    regionId: 'vt-amsterdam-e-o',
    regionName: 'Versnellingstafel Amsterdam e.o.',
    quarter: '2026-Q4',
    deadline: '2027-01-15',
    status: 'open',
    openedAt: '2026-12-01T10:00:00Z',
    closedAt: null,
    projectCount: null,
    delivery: { total: 10, delivered: 1, changed: 1, confirmed: 0, outstanding: 9, withoutParty: 0 },
    projects,
    organisations,
  };
}

function render(r: RoundDetail): string {
  const host = document.createElement('div');
  act(() => createRoot(host).render(createElement(MemoryRouter, null, createElement(DeliverySummary, { round: r, regionId: r.regionId }))));
  return host.textContent ?? '';
}

const gemeente = { organisationId: 'gm', name: 'Gemeente Amsterdam', type: 'gemeente' as const, total: 3, delivered: 1, outstanding: 2, onBehalf: 0 };
const party = { organisationId: 'mp', name: 'Bouwer', type: 'ontwikkelaar' as const, total: 7, delivered: 0, outstanding: 7, onBehalf: 0 };

describe('DeliverySummary', () => {
  it('for a party that sees part of the table: the table’s counts, then its own, without “bij 1 organisatie”', () => {
    const text = render(round([project(1, true, true), project(2, true), project(3, false)], [gemeente]));
    expect(text).toContain('1 van de 10 projecten geleverd');
    expect(text).toContain('9 nog niet geleverd');
    expect(text).not.toContain('bij 1 organisatie');
    expect(text).not.toContain('met een verstreken prognose');
    expect(text).toContain(
      'Deze aantallen gaan over alle 10 projecten van de tafel. Van uw eigen 3 projecten is er 1 geleverd door alle partijen; 2 hebben een verstreken prognose.',
    );
  });

  it('for whoever sees the whole table: organisations behind and expired forecasts of the table', () => {
    const all = Array.from({ length: 10 }, (_, i) => project(i, i < 4, i === 0));
    const text = render(round(all, [gemeente, party]));
    expect(text).toContain('9 nog niet geleverd, bij 2 organisaties');
    expect(text).toContain('4 met een verstreken prognose');
    // A project is delivered when every party did its part; the parties' own progress is shown too.
    expect(text).toContain('waarvan 1 bijgewerkt en 0 bevestigd als ongewijzigd');
    expect(text).toContain('1 van de 10 delen geleverd door de partijen');
    expect(text).not.toContain('Van uw eigen');
  });
});
