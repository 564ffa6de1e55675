// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectDetail } from '../../api/types.ts';
import { at, present } from '../../../../test/helpers/present.ts';
import { MilestoneEditForm } from './MilestoneEditForm.tsx';

const project = {
  id: '0d1e295a-2dba-45ab-837a-45421ccdd6e3',
  version: 4,
  milestones: [
    {
      code: 'M11',
      ownerSide: 'privaat',
      baselineDate: '2027-01-01',
      forecastDate: '2027-02-01',
      actualDate: null,
      homes: null,
      delay: { months: 1, severity: 'geen' },
    },
    {
      code: 'M12',
      ownerSide: 'privaat',
      baselineDate: '2028-06-01',
      forecastDate: '2028-07-01',
      actualDate: null,
      homes: null,
      delay: { months: 1, severity: 'geen' },
    },
  ],
  knelpunten: [
    {
      id: '5f0c7a59-8a55-4a43-9d1c-2b1f2f4a1b11',
      category: 'stikstof',
      description: 'Stikstofvergunning ontbreekt',
      resolvedDate: null,
      escalated: false,
    },
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

    fireEvent.change(screen.getByLabelText('Werkelijke datum (gehaald op)'), { target: { value: '01-01-2020' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const field = screen.getByLabelText('Werkelijke datum (gehaald op)');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/Oplevering \(M12\) ligt vóór Start bouw \(M11\)\./).length).toBeGreaterThan(0);
    const [url, init] = at(fetch.mock.calls, 0);
    expect(url).toBe(`/api/v1/projects/${project.id}/milestones/M12`);
    // Only what changed is sent: the forecast was not touched.
    expect(JSON.parse(init.body)).toEqual({ version: 4, actualDate: '2020-01-01' });
  });

  it('explains a version conflict and offers to load the latest version', async () => {
    vi.stubGlobal(
      'fetch',
      answer(409, {
        type: 'x',
        title: 'Iemand anders was u voor.',
        status: 409,
        detail: 'Iemand anders heeft dit project intussen gewijzigd (nu versie 5).',
      }),
    );
    const onReload = vi.fn().mockResolvedValue(undefined);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={onReload} />);

    fireEvent.change(screen.getByLabelText('Prognosedatum'), { target: { value: '01-08-2028' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('Iemand anders was u voor');
    fireEvent.click(screen.getByRole('button', { name: 'Laad de nieuwste versie' }));
    await screen.findByText(/De nieuwste versie van het project is geladen/);
    expect(onReload).toHaveBeenCalledOnce();
  });

  // Issue 8: the browser's date input turned 31-02-2027 into '' and the form sent that as "clear".
  it('refuses an impossible date next to the field, keeps the typed text and sends nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={vi.fn()} />);

    const field = screen.getByLabelText('Prognosedatum') as HTMLInputElement;
    expect(field.value).toBe('01-07-2028');
    fireEvent.change(field, { target: { value: '31-02-2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(field.value).toBe('31-02-2027');
    const errorId = at(present(field.getAttribute('aria-describedby')).split(' '), 0);
    expect(document.getElementById(errorId)?.textContent).toContain('‘31-02-2027’ bestaat niet: februari 2027 heeft 28 dagen.');
    expect(screen.getByTestId('milestone-error-summary').textContent).toContain('Prognosedatum');
    expect(document.activeElement).toBe(field);
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.queryByText(/is opgeslagen/)).toBeNull();
  });

  it('an emptied field does not clear the stored date; it points to the clear control', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={vi.fn()} />);

    const field = screen.getByLabelText('Prognosedatum');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/Gebruik dan de knop ‘Prognosedatum wissen’/).length).toBeGreaterThan(0);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an actual date after today and a forecast in year 9999 before sending (same rule as the API)', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={vi.fn()} />);

    fireEvent.change(screen.getByLabelText('Prognosedatum'), { target: { value: '31-12-9999' } });
    fireEvent.change(screen.getByLabelText('Werkelijke datum (gehaald op)'), { target: { value: '01-06-9999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(screen.getByLabelText('Prognosedatum').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Werkelijke datum (gehaald op)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/Controleer het jaartal/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/ligt na vandaag/).length).toBeGreaterThan(0);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('clears a date only through its own control, after confirmation, sending an explicit null', async () => {
    const cleared = { ...project, version: 5, milestones: project.milestones.map((m) => (m.code === 'M12' ? { ...m, forecastDate: null } : m)) };
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify(cleared), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const onSaved = vi.fn();
    render(<MilestoneEditForm project={project} onSaved={onSaved} onReload={vi.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: 'Prognosedatum wissen' }));
    expect(screen.getByText(/Weet u zeker dat u de prognosedatum van M12 Oplevering \(1 juli 2028\) wilt wissen\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nee, niet wissen' }));
    expect(fetch).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Prognosedatum wissen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, wis de prognosedatum' }));
    await screen.findByText('De prognosedatum van mijlpaal M12 Oplevering is gewist.');
    expect(JSON.parse(at(fetch.mock.calls, 0)[1].body)).toEqual({ version: 4, forecastDate: null });
    expect(onSaved).toHaveBeenCalledWith(cleared);
    expect((screen.getByLabelText('Prognosedatum') as HTMLInputElement).value).toBe('');
  });

  it('asks "Waarom schuift deze datum?" only past the tolerance, and sends the reason (issue 12 item 4, same rule as the API)', async () => {
    const ok = vi.fn().mockResolvedValue(new Response(JSON.stringify(project), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', ok);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={vi.fn()} />);
    const forecast = screen.getByLabelText('Prognosedatum');
    // M12: baseline 1 June 2028; within three months no reason is asked.
    fireEvent.change(forecast, { target: { value: '01-09-2028' } });
    expect(screen.queryByRole('group', { name: 'Waarom schuift deze datum?' })).toBeNull();
    fireEvent.change(forecast, { target: { value: '01-12-2028' } });
    expect(screen.getByRole('group', { name: 'Waarom schuift deze datum?' })).toBeTruthy();

    // Without a reason nothing is sent; the missing fields are named.
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(screen.getByLabelText('Toelichting').getAttribute('aria-invalid')).toBe('true'));
    expect(ok).not.toHaveBeenCalled();
    expect(screen.getAllByText('Licht kort toe waarom de datum schuift.').length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText('Soort knelpunt'), { target: { value: 'netcongestie' } });
    fireEvent.change(screen.getByLabelText('Toelichting'), { target: { value: 'Netaansluiting pas later' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(ok).toHaveBeenCalled());
    expect(JSON.parse(at(ok.mock.calls, 0)[1].body)).toEqual({
      version: 4,
      forecastDate: '2028-12-01',
      delayReason: { category: 'netcongestie', text: 'Netaansluiting pas later' },
    });
  });

  it('links an open knelpunt of the project as the reason', async () => {
    const ok = vi.fn().mockResolvedValue(new Response(JSON.stringify(project), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', ok);
    render(<MilestoneEditForm project={project} onSaved={vi.fn()} onReload={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Prognosedatum'), { target: { value: '01-03-2029' } });
    fireEvent.change(screen.getByLabelText('Of kies een bestaand knelpunt'), { target: { value: '5f0c7a59-8a55-4a43-9d1c-2b1f2f4a1b11' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(ok).toHaveBeenCalled());
    expect(JSON.parse(at(ok.mock.calls, 0)[1].body).delayReason).toEqual({ knelpuntId: '5f0c7a59-8a55-4a43-9d1c-2b1f2f4a1b11' });
  });
});
