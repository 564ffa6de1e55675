/**
 * Whether the jaarschijven add up to the programme, per segment (src/domain/programme.ts jaarschijvenMismatches),
 * shown while typing: a warning, not a block — a plan may be saved while its years are still being worked out.
 * Rows with a wrong number are left out of the sums (their own error says why).
 */
import { jaarschijvenMismatches } from '../../../../src/domain/programme.ts';
import { Alert } from '../../components/Feedback.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { formatNumber, label, type Segment } from '../../labels.ts';

interface Counted {
  segment: Segment;
  homes: number;
}

const homes = (n: number) => `${formatNumber(n)} ${n === 1 ? 'woning' : 'woningen'}`;

export function JaarschijvenSumCheck({ programme, jaarschijven }: { programme: readonly Counted[]; jaarschijven: readonly Counted[] }) {
  const mismatches = jaarschijvenMismatches(programme, jaarschijven);
  const total = (lines: readonly Counted[]) => lines.reduce((sum, l) => sum + l.homes, 0);
  return (
    <div role="status" className="wbm-sum-check">
      {jaarschijven.length > 0 && (
        <Paragraph className="wbm-muted" data-testid="jaarschijven-sum">
          Jaarschijven samen: {homes(total(jaarschijven))}. Programma: {homes(total(programme))}.
        </Paragraph>
      )}
      {mismatches.length > 0 && (
        <Alert type="warning" title="De jaarschijven tellen niet op tot het programma">
          <UnorderedList data-testid="jaarschijven-sum-warning">
            {mismatches.map((m) => (
              <li key={m.segment}>
                {label(m.segment)}: in de jaarschijven {homes(m.planned)}, in het programma {homes(m.programme)}.
              </li>
            ))}
          </UnorderedList>
          <Paragraph>U kunt toch opslaan. Pas het programma of de jaarschijven aan zodra u meer weet.</Paragraph>
        </Alert>
      )}
    </div>
  );
}
