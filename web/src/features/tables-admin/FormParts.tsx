/** Parts the Tafels inrichten forms share: the "Vanaf kwartaal" field, the notice that gemeenten move, and a section's outcome. */
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { quarterChoices, quarterText } from './regionInput.ts';

export type Outcome = { type: 'ok' | 'error'; text: string } | null;

/** "Vanaf kwartaal": the current quarter and the ones before it. */
export function QuarterField(props: { id: string; value: string; from: string; error?: string; description: string; onChange: (q: string) => void }) {
  const { id, error } = props;
  return (
    <FormField id={id} label="Vanaf kwartaal" error={error} description={props.description}>
      <Select
        id={id}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {quarterChoices(props.from).map((q) => (
          <option key={q} value={q}>
            {quarterText(q)}
          </option>
        ))}
      </Select>
    </FormField>
  );
}

/** Says that chosen gemeenten now lie in another versnellingstafel and move from the quarter. */
export function MovingNotice({ count, fromQuarter }: { count: number; fromQuarter: string }) {
  if (count === 0) return null;
  return (
    <Alert type="warning" title="Gemeenten verhuizen">
      <Paragraph>
        {count === 1 ? 'Eén gekozen gemeente zit' : `${count} gekozen gemeenten zitten`} nu in een andere versnellingstafel en{' '}
        {count === 1 ? 'verhuist' : 'verhuizen'} vanaf {quarterText(fromQuarter)} naar deze tafel. Eerdere kwartalen blijven zoals ze waren.
      </Paragraph>
    </Alert>
  );
}

/** The outcome of a section's last action, announced to screen readers. */
export function OutcomeMessage({ outcome, testId }: { outcome: Outcome; testId: string }) {
  return (
    <div role="status" data-testid={testId}>
      {outcome && (
        <Alert type={outcome.type} title={outcome.type === 'ok' ? 'Gelukt' : 'Dat is niet gelukt'}>
          <Paragraph>{outcome.text}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
