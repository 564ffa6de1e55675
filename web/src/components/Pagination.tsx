/** Previous/next navigation through pages of a list, with the current position in words. */
import { formatNumber } from '../labels.ts';
import { Button } from './Button.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';

export interface PaginationProps {
  /** Current page, 1-based. */
  page: number;
  pageCount: number;
  /** Called with the page to show. */
  onChange: (page: number) => void;
}

export function Pagination({ page, pageCount, onChange }: PaginationProps) {
  if (pageCount <= 1) return null;
  const pages = visiblePages(page, pageCount);
  return (
    <nav className="utrecht-pagination wbm-pagination" aria-label="Paginering">
      <ul className="wbm-pagination__list">
        <li>
          <Button appearance="secondary-action" disabled={page <= 1} onClick={() => onChange(page - 1)}>
            Vorige<VisuallyHidden> pagina</VisuallyHidden>
          </Button>
        </li>
        {pages.map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="wbm-pagination__gap">
              …
            </li>
          ) : (
            <li key={p}>
              <button
                type="button"
                className={`utrecht-button ${p === page ? 'utrecht-button--primary-action' : 'utrecht-button--subtle'}`}
                aria-current={p === page ? 'page' : undefined}
                onClick={() => onChange(p)}
              >
                <VisuallyHidden>Pagina </VisuallyHidden>
                {formatNumber(p)}
              </button>
            </li>
          ),
        )}
        <li>
          <Button appearance="secondary-action" disabled={page >= pageCount} onClick={() => onChange(page + 1)}>
            Volgende<VisuallyHidden> pagina</VisuallyHidden>
          </Button>
        </li>
      </ul>
    </nav>
  );
}

/** First, last and the pages around the current one; null marks a gap. */
export function visiblePages(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && p - prev > 1) out.push(null);
    out.push(p);
  }
  return out;
}
