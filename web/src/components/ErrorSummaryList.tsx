/**
 * The list in a form's error summary: per wrong field a link with the field's label (following it puts the
 * focus in the field) and the message, then the messages that belong to no field.
 */
import { TextLink } from './TextLink.tsx';
import { UnorderedList } from './UnorderedList.tsx';

export interface FieldProblem {
  /** Id of the field's control (the link goes to `#id`). */
  id: string;
  label: string;
  message: string;
  /** Puts the focus in the field. */
  focus: () => void;
}

export function ErrorSummaryList({ fields, other, testId }: { fields: readonly FieldProblem[]; other: readonly string[]; testId?: string }) {
  return (
    <UnorderedList data-testid={testId}>
      {fields.map((f) => (
        <li key={f.id}>
          <TextLink
            href={`#${f.id}`}
            onClick={(e) => {
              e.preventDefault();
              f.focus();
            }}
          >
            {f.label}
          </TextLink>
          : {f.message}
        </li>
      ))}
      {other.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </UnorderedList>
  );
}
