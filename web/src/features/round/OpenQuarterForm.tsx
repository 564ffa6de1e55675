/** Kwartaalronde: the form that opens a quarter (SPEC §2 "Quarterly round"). */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { RoundSummary } from '../../api/types.ts';
import { Alert } from '../../components/Feedback.tsx';
import { DateField } from '../../components/DateField.tsx';
import { checkDateInput, isoToInput } from '../../components/dateInput.ts';
import { defaultDeadline, openableQuarters, proposedQuarter, quarterLabel } from './quarters.ts';
import { failure } from './ActionStatus.tsx';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Select } from '../../components/Select.tsx';
import { FieldDescription } from '../../components/FieldDescription.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Open a quarter: which quarter, and the date by which parties should have delivered. */
export function OpenQuarterForm({ regionId, rounds, onOpened }: { regionId: string; rounds: RoundSummary[]; onOpened: () => void }) {
  const id = useId();
  const options = useMemo(() => openableQuarters(today(), rounds), [rounds]);
  const [quarter, setQuarter] = useState<string>(() => proposedQuarter(today(), options) ?? '');
  // Typed as dd-mm-jjjj and kept as typed (issue 8: the browser's date input turned 31-02 into nothing).
  const [deadline, setDeadline] = useState(() => (quarter ? isoToInput(defaultDeadline(quarter)) : ''));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ quarter?: string; deadline?: string; other: string[] } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDateInput(deadline, { what: 'De deadline', kind: 'planned' });
    if (checked.kind !== 'date') {
      setErrors({
        deadline: checked.kind === 'empty' ? 'Vul de deadline in als dag-maand-jaar, bijvoorbeeld 15-01-2027.' : checked.message,
        other: [],
      });
      return;
    }
    setBusy(true);
    setErrors(null);
    try {
      await api.openRound(regionId, quarter, checked.iso);
      onOpened();
    } catch (err) {
      const found: { quarter?: string; deadline?: string; other: string[] } = { other: [] };
      if (err instanceof ApiError && err.problem?.errors?.length) {
        for (const issue of err.problem.errors) {
          if (issue.path === 'quarter' || issue.path === 'deadline') found[issue.path] = issue.message;
          else found.other.push(issue.message);
        }
      } else {
        found.other.push(failure(err));
      }
      setErrors(found);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id={`${id}-title`} title="Een kwartaal openen">
      <Paragraph>
        Open het kwartaal om de partijen te vragen hun projecten bij te werken of te bevestigen. Er kan één kwartaal tegelijk open zijn.
      </Paragraph>
      <form onSubmit={submit} noValidate className="wbm-edit-form" aria-labelledby={`${id}-title`}>
        {errors && (
          <Alert type="error" title="Het kwartaal is niet geopend. Bekijk de meldingen." urgent>
            {errors.other.length > 0 && (
              <UnorderedList>
                {errors.other.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </UnorderedList>
            )}
          </Alert>
        )}
        <div className="wbm-edit-form__fields">
          <FormField id={`${id}-quarter`} label="Kwartaal" error={errors?.quarter}>
            <Select
              id={`${id}-quarter`}
              value={quarter}
              aria-invalid={errors?.quarter ? true : undefined}
              aria-describedby={errors?.quarter ? `${id}-quarter-error` : undefined}
              onChange={(e) => {
                setQuarter(e.target.value);
                setDeadline(isoToInput(defaultDeadline(e.target.value)));
              }}
            >
              {options.map((q) => (
                <option key={q} value={q}>
                  {quarterLabel(q)}
                </option>
              ))}
            </Select>
          </FormField>
          <DateField
            id={`${id}-deadline`}
            label="Deadline voor de partijen"
            value={deadline}
            onChange={setDeadline}
            error={errors?.deadline}
            describedBy={`${id}-deadline-help`}
          >
            <FieldDescription id={`${id}-deadline-help`}>
              Op of na de eerste dag van het kwartaal, uiterlijk aan het einde van het kwartaal daarna.
            </FieldDescription>
          </DateField>
        </div>
        <Button appearance="primary-action" type="submit" disabled={busy || !quarter}>
          {busy ? 'Bezig…' : `Open ${quarter ? quarterLabel(quarter) : 'het kwartaal'}`}
        </Button>
      </form>
    </Section>
  );
}
