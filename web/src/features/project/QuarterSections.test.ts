import { describe, expect, it } from 'vitest';
import type { ProjectChange, ProjectDetail } from '../../api/types.ts';
import { checkRebaseline, initialRows } from './BaselineSection.tsx';
import { groupChanges, isSeriouslyDelayed } from './QuarterSections.tsx';

const change = (kind: ProjectChange['kind'], field: string): ProjectChange => ({ kind, field, from: null, to: null, message: `${kind} ${field}` });

const milestones = [
  {
    code: 'M09',
    ownerSide: 'publiek',
    baselineDate: '2026-01-01',
    forecastDate: null,
    actualDate: '2026-02-01',
    homes: null,
    delay: { months: 1, severity: 'geen' },
  },
  {
    code: 'M11',
    ownerSide: 'privaat',
    baselineDate: '2026-06-01',
    forecastDate: '2026-08-01',
    actualDate: null,
    homes: null,
    delay: { months: 2, severity: 'geen' },
  },
  {
    code: 'M12',
    ownerSide: 'privaat',
    baselineDate: '2027-06-01',
    forecastDate: '2028-09-01',
    actualDate: null,
    homes: null,
    delay: { months: 15, severity: 'ernstig' },
  },
] as ProjectDetail['milestones'];

describe('what changed since last quarter', () => {
  it('groups changes as the table reads them: milestones, programme, knelpunten, the rest', () => {
    const groups = groupChanges([
      change('knelpunt_opened', 'knelpunten.k1'),
      change('milestone_moved', 'milestones.M11.forecastDate'),
      change('name_changed', 'name'),
      change('programme_segment_changed', 'programme.sociale_huur'),
    ]);
    expect(groups.map((g) => [g.title, g.changes.length])).toEqual([
      ['Mijlpalen', 1],
      ['Woningbouwprogramma en jaarschijven', 1],
      ['Knelpunten', 1],
      ['Overig', 1],
    ]);
  });

  it('offers alternatives only for a project with a milestone still to come that is seriously delayed', () => {
    expect(isSeriouslyDelayed({ milestones, maxDelayMonths: 15 })).toBe(true);
    expect(isSeriouslyDelayed({ milestones: milestones.slice(0, 2), maxDelayMonths: 2 })).toBe(false);
  });
});

describe('re-baselining', () => {
  it('proposes the milestones still to come, the delayed ones ticked, with their forecast as new baseline', () => {
    expect(initialRows({ milestones })).toEqual([
      { code: 'M11', on: false, date: '01-08-2026' },
      { code: 'M12', on: true, date: '01-09-2028' },
    ]);
  });

  it('says exactly what is missing before anything is sent', () => {
    const errors = checkRebaseline('kort', [{ code: 'M12', on: true, date: '' }]);
    expect(errors.reason).toMatch(/minstens 10 tekens/);
    expect(errors.M12).toMatch(/^Vul de nieuwe basisplanning in als dag-maand-jaar/);
    // Issue 8: an impossible or implausible date is explained, not sent.
    expect(checkRebaseline('Besluit van de tafel', [{ code: 'M12', on: true, date: '31-02-2027' }]).M12).toBe(
      '‘31-02-2027’ bestaat niet: februari 2027 heeft 28 dagen.',
    );
    expect(checkRebaseline('Besluit van de tafel', [{ code: 'M12', on: true, date: '01-01-9999' }]).M12).toMatch(/Controleer het jaartal/);
    expect(checkRebaseline('Besluit van de tafel', [{ code: 'M12', on: true, date: '01-09-2028' }])).toEqual({});
    expect(checkRebaseline('Besluit van de tafel', [{ code: 'M12', on: false, date: '2028-09-01' }]).milestones).toMatch(/minstens één mijlpaal/);
    expect(checkRebaseline('Besluit van de tafel', [{ code: 'M12', on: true, date: '2028-09-01' }])).toEqual({});
  });
});
