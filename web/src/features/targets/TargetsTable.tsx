/**
 * The dated targets of the analyst's area in one table (area, period, figure, kind, source, note), with
 * filters by level, area and a year the period includes. "Wijzigen" only where the person may change
 * that target (the server's rule, src/domain/access.ts canEditTargets).
 */
import { useId, useState } from 'react';
import type { Target } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Options } from '../../components/Options.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { Table, type Column } from '../../components/Table.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { METRIC_LABELS } from '../../../../src/domain/national.ts';
import { formatCount } from '../../labels.ts';
import { areaChoices, filterTargets, formatFigure, formatPeriod, LEVEL_LABELS, NO_FILTER, sourceText, type TargetFilter } from './targetList.ts';

export interface TargetRow extends Target {
  /** The person may change this target. */
  editable: boolean;
}

export function TargetsTable({ rows, onEdit, busy }: { rows: readonly TargetRow[]; onEdit: (target: Target) => void; busy: boolean }) {
  const id = useId();
  const [filter, setFilter] = useState<TargetFilter>(NO_FILTER);
  const shown = filterTargets(rows, filter);
  const levels = [...new Set(rows.map((t) => t.geoLevel))];
  const areas = areaChoices(rows, filter.level);

  const columns: Column<TargetRow>[] = [
    {
      key: 'area',
      header: 'Gebied',
      cell: (t) => (
        <>
          {t.geoName}
          <br />
          <small>{LEVEL_LABELS[t.geoLevel]}</small>
        </>
      ),
    },
    { key: 'period', header: 'Periode', cell: (t) => formatPeriod(t), className: 'wbm-nowrap', cellData: () => ({ 'data-field': 'period' }) },
    { key: 'figure', header: 'Doel', cell: (t) => formatFigure(t), numeric: true, cellData: () => ({ 'data-field': 'figure' }) },
    {
      key: 'kind',
      header: 'Soort',
      cell: (t) => (
        <>
          {METRIC_LABELS[t.metric]}
          {t.kind && t.kind !== 'opgave' && (
            <>
              <br />
              <small>{t.kind}</small>
            </>
          )}
          {!t.preferred && (
            <>
              <br />
              <small>Niet het gebruikte doel (een ander doel voor dit gebied en deze periode gaat voor)</small>
            </>
          )}
        </>
      ),
    },
    {
      key: 'source',
      header: 'Bron',
      cell: (t) => (t.sourceUrl ? <TextLink href={t.sourceUrl}>{sourceText(t)}</TextLink> : sourceText(t)),
    },
    { key: 'note', header: 'Toelichting', cell: (t) => t.note ?? '' },
    {
      key: 'action',
      header: <VisuallyHidden>Actie</VisuallyHidden>,
      cell: (t) =>
        t.editable ? (
          <Button appearance="secondary-action" small onClick={() => onEdit(t)}>
            Wijzigen<VisuallyHidden>: {`${t.geoName} ${formatPeriod(t)}`}</VisuallyHidden>
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <form className="wbm-filters" aria-label="Doelen filteren" onSubmit={(e) => e.preventDefault()}>
        <div className="wbm-filters__grid">
          <FormField id={`${id}-level`} label="Niveau">
            <Select id={`${id}-level`} value={filter.level} onChange={(e) => setFilter({ ...filter, level: e.target.value, area: '' })}>
              <option value="">Alle niveaus</option>
              <Options options={levels.map((l) => ({ value: l, text: LEVEL_LABELS[l] }))} />
            </Select>
          </FormField>
          <FormField id={`${id}-area`} label="Gebied">
            <Select id={`${id}-area`} value={filter.area} onChange={(e) => setFilter({ ...filter, area: e.target.value })}>
              <option value="">Alle gebieden</option>
              <Options options={areas.map((a) => ({ value: a.key, text: a.name }))} />
            </Select>
          </FormField>
          <FormField id={`${id}-year`} label="Periode bevat het jaar" description="Bijvoorbeeld 2027; leeg: alle perioden.">
            <TextInput
              id={`${id}-year`}
              inputMode="numeric"
              value={filter.year}
              aria-describedby={`${id}-year-help`}
              onChange={(e) => setFilter({ ...filter, year: e.target.value })}
            />
          </FormField>
        </div>
      </form>
      <Paragraph role="status">
        {shown.length === rows.length
          ? `${formatCount(rows.length, 'doel', 'doelen')}.`
          : `${shown.length} van de ${formatCount(rows.length, 'doel', 'doelen')}.`}
      </Paragraph>
      <Table
        caption="Doelen met hun periode en bron"
        columns={columns}
        rows={shown}
        rowKey={(t) => t.id}
        rowData={(t) => ({ 'data-target-id': t.id })}
        busy={busy}
        scrollLabel="Tabel met doelen"
        testId="targets-table"
        empty={<Paragraph>Er zijn geen doelen die aan deze keuze voldoen.</Paragraph>}
      />
    </>
  );
}
