// @vitest-environment jsdom
/** A "Geen toegang" or "Niet gevonden" message never offers a retry that cannot help (issue 8 item 24). */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { canRetry, ErrorMessage } from './Feedback.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(error: Error): HTMLElement {
  const host = document.createElement('div');
  act(() => createRoot(host).render(createElement(ErrorMessage, { error, retry: () => undefined })));
  return host;
}

describe('ErrorMessage', () => {
  it('offers no retry for no access, not signed in, not found or a refused request', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(canRetry(new ApiError(status, null)), String(status)).toBe(false);
      expect(render(new ApiError(status, { title: 'x', status, detail: 'y' } as never)).textContent).not.toContain('Probeer opnieuw');
    }
  });

  it('says plainly on "Geen toegang" that trying again does not help', () => {
    const text = render(
      new ApiError(403, {
        title: 'Geen toegang',
        status: 403,
        detail: 'U heeft geen toegang tot de gegevens van deze tafel of dit gebied.',
      } as never),
    ).textContent;
    expect(text).toContain('Geen toegang');
    expect(text).toContain('Opnieuw proberen helpt niet');
  });

  it('offers a retry where it can help: server errors, busy, no connection', () => {
    for (const error of [new ApiError(500, null), new ApiError(503, null), new ApiError(429, null), new TypeError('Failed to fetch')]) {
      expect(canRetry(error)).toBe(true);
      expect(render(error).textContent).toContain('Probeer opnieuw');
    }
  });

  it('a page whose address names nothing (unknown or malformed id) says "Niet gevonden" plainly, without the id or developer words', () => {
    const unknown = render(
      new ApiError(404, { title: 'Niet gevonden.', status: 404, detail: "Project '00000000-0000-0000-0000-000000000000' bestaat niet." } as never),
    ).textContent;
    const malformed = render(
      new ApiError(400, {
        title: 'De invoer is niet geldig.',
        status: 400,
        errors: [{ path: 'id', code: 'invalid_string', message: 'Ongeldige id (verwacht een UUID).' }],
      } as never),
    ).textContent;
    for (const text of [unknown, malformed]) {
      expect(text).toContain('Niet gevonden');
      expect(text).toContain('Wat u zoekt bestaat niet (meer).');
      expect(text).not.toMatch(/UUID|00000000|invoer is niet geldig/);
      expect(text).not.toContain('Probeer opnieuw');
    }
    // A refused request about something else keeps its own message.
    const other = render(
      new ApiError(400, {
        title: 'De invoer is niet geldig.',
        status: 400,
        detail: 'Kies een jaar.',
        errors: [{ path: 'year', code: 'x', message: 'Kies een jaar.' }],
      } as never),
    ).textContent;
    expect(other).toContain('Kies een jaar.');
  });
});
