/** The state and "let op" tags of a project in Mijn kwartaalronde: words, never colour alone. */
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import type { Tag } from './myRound.ts';

/** `label`: what the list is, for screen readers (e.g. "Let op"). */
export function TagList({ tags, label, testId }: { tags: readonly Tag[]; label?: string; testId?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="wbm-tags wbm-my-round__tags" aria-label={label} data-testid={testId}>
      {tags.map((t) => (
        <li key={t.text} className={`wbm-tag wbm-tag--${t.kind}`}>
          {t.text}
          {t.detail && <VisuallyHidden>: {t.detail}</VisuallyHidden>}
        </li>
      ))}
    </ul>
  );
}
