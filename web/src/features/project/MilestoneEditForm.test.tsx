// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectDetail } from '../../api/types.ts';
import { MilestoneEditForm } from './MilestoneEditForm.tsx';

const project = {
  id: '0d1e295a-2dba-45ab-837a-45421ccdd6e3',
  version: 4,
  milestones: [
    { code: 'M11', ownerSide: 'privaat', baselineDate: '2027-01-01', forecastDate: '2027-02-01', actualDate: null, homes: null, delay: { months: 1, severity: 'geen' } },
    { code: 'M12', ownerSide: 'privaat', baselineDate: '2028-06-01', forecastDate: '2028-07-01', actualDate: null, homes: null, delay: { months: 1, severity: 'geen' } },
  ],
} as unknown as ProjectDetail;

function answer(status: number, body: object) {
  return vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MilestoneEditForm', () => {
  it('sends the version last read and shows the rule broken next to the field', async () => {
    const fetch = answer(422, {
      type: 'x',
      title: 'De gegevens kloppen niet met de regels.',
      status: 422,
      errors: [{ path: 'milestones[1].actualDate', code: 'milestone_order', message: 'Oplevering (M12) ligt vóór Start bouw (M11).' }],
    });
    vi.stubGlobal('fetch', fetch);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={vi.fn()} />);

    fireEvent.change(screen.getByLabelText('Werkelijke datum (gehaald op)'), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const field = screen.getByLabelText('Werkelijke datum (gehaald op)');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Oplevering (M12) ligt vóór Start bouw (M11).')).toBeTruthy();
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`/api/v1/projects/${project.id}/milestones/M12`);
    expect(JSON.parse(init.body)).toEqual({ version: 4, forecastDate: '2028-07-01', actualDate: '2020-01-01' });
  });

  it('explains a version conflict and offers to load the latest version', async () => {
    vi.stubGlobal('fetch', answer(409, { type: 'x', title: 'Iemand anders was u voor.', status: 409, detail: 'Iemand anders heeft dit project intussen gewijzigd (nu versie 5).' }));
    const onReload = vi.fn().mockResolvedValue(undefined);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={onReload} />);

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('Iemand anders was u voor');
    fireEvent.click(screen.getByRole('button', { name: 'Laad de nieuwste versie' }));
    await screen.findByText(/De nieuwste versie van het project is geladen/);
    expect(onReload).toHaveBeenCalledOnce();
  });
});
