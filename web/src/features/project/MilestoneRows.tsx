/**
 * The optional milestone rows of "Nieuw project": per row a milestone (M01–M12 with its name), its basisplanning
 * and its prognose, dates typed as dd-mm-jjjj (DateField) so an impossible date stays as typed with its error next
 * to it. Built on RowsEditor like the programme, jaarschijven and party rows; see milestoneInput.ts for the checks.
 */
import { DateField } from '../../components/DateField.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Select } from '../../components/Select.tsx';
import { MILESTONES, type MilestoneCode } from '../../labels.ts';
import { fieldId, invalidProps } from './formParts.tsx';
import { newMilestoneRow, type MilestoneRow } from './milestoneInput.ts';
import type { FieldErrors } from './projectForm.ts';
import { RowsEditor } from './RowsEditor.tsx';

export function MilestoneRows({
  prefix,
  rows,
  onChange,
  errors,
}: {
  prefix: string;
  rows: MilestoneRow[];
  onChange: (rows: MilestoneRow[]) => void;
  errors: FieldErrors;
}) {
  const key = (i: number, f: string) => `milestones.${i}.${f}`;
  return (
    <RowsEditor
      legend="Mijlpalen met hun geplande datums"
      testId="milestone-rows"
      rows={rows}
      onChange={onChange}
      newRow={() => newMilestoneRow()}
      firstId={(i) => fieldId(prefix, key(i, 'code'))}
      addText="Mijlpaal toevoegen"
      emptyText="Er zijn nog geen mijlpalen met een datum."
      renderRow={(row, i, update) => {
        const codeId = fieldId(prefix, key(i, 'code'));
        const codeError = errors[key(i, 'code')];
        const date = (field: 'baselineDate' | 'forecastDate', text: string) => (
          <DateField
            id={fieldId(prefix, key(i, field))}
            label={text}
            value={row[field]}
            error={errors[key(i, field)]}
            onChange={(value) => update({ [field]: value })}
          />
        );
        return (
          <>
            <FormField id={codeId} label="Mijlpaal" error={codeError} className="wbm-row__wide">
              <Select
                id={codeId}
                value={row.code}
                onChange={(e) => update({ code: e.target.value as MilestoneCode | '' })}
                {...invalidProps(codeId, codeError)}
              >
                <option value="">Kies een mijlpaal…</option>
                {MILESTONES.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.code} {m.label}
                  </option>
                ))}
              </Select>
            </FormField>
            {date('baselineDate', 'Basisplanning')}
            {date('forecastDate', 'Prognose')}
          </>
        );
      }}
    />
  );
}
