/**
 * The gemeenten of a table: the current ones, a change from a quarter (added from that quarter, removed until the
 * quarter before; closed quarters keep what they were), and the coverage history. Only who may set the table up
 * changes them; a gemeente that now lies in another table moves, and the form says so.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useReference } from '../../api/hooks.ts';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { GemeentePicker } from './GemeentePicker.tsx';
import { MovingNotice, OutcomeMessage, QuarterField, type Outcome } from './FormParts.tsx';
import { problemOf, quarterText, regionFormErrors, tableOf, type FieldErrors, type RegionDetail, type RegionRow } from './regionInput.ts';

type Period = RegionDetail['history'][number];

export function CoverageSection(props: { region: RegionDetail; regions: readonly RegionRow[]; onChanged: () => Promise<void> }) {
  const { region } = props;
  const gemeenten = useReference('gemeenten');
  const [codes, setCodes] = useState(region.gemeenten.map((g) => g.code));
  const [fromQuarter, setFromQuarter] = useState(region.currentQuarter);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const mayChange = region.permissions.maySetUp && !region.endedOn;
  const moving = region.kind === 'versnellingstafel' ? codes.filter((c) => tableOf(props.regions, c, region.id)) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const found = regionFormErrors({ gemeenteCodes: codes, fromQuarter }, [], new Set((gemeenten.data ?? []).map((g) => g.code)));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.changeRegionGemeenten(region.id, {
        gemeenteCodes: codes,
        fromQuarter,
        version: region.version,
        moveFromOtherTables: moving.length > 0,
      });
      setMessage({ type: 'ok', text: `De gemeenten zijn vastgelegd vanaf ${quarterText(fromQuarter)}.` });
      await props.onChanged();
    } catch (err) {
      const answer = problemOf(err);
      setErrors(answer.errors);
      if (answer.message) setMessage({ type: 'error', text: answer.message });
      if (answer.stale) await props.onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="gemeenten" title="Gemeenten">
      <OutcomeMessage outcome={message} testId="region-coverage-status" />
      {!mayChange && (
        <Paragraph data-testid="region-gemeenten-now">
          {region.gemeenten.length === 0 ? 'Deze tafel heeft nu geen gemeenten.' : `Nu: ${region.gemeenten.map((g) => g.name).join(', ')}.`}
          {!region.permissions.maySetUp && ' De gemeenten van een tafel wijzigt een beheerder of een analist van de provincie.'}
        </Paragraph>
      )}
      {mayChange && gemeenten.data && (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="region-coverage-form">
          <GemeentePicker
            id="region-gemeenten"
            gemeenten={gemeenten.data}
            regions={props.regions}
            ownId={region.id}
            chosen={codes}
            onChange={setCodes}
            error={errors.gemeenteCodes ?? null}
          />
          <QuarterField
            id="region-from"
            value={fromQuarter}
            from={region.currentQuarter}
            error={errors.fromQuarter}
            description="Nieuwe gemeenten horen vanaf dit kwartaal bij de tafel; weggehaalde tot het kwartaal ervoor."
            onChange={setFromQuarter}
          />
          <MovingNotice count={moving.length} fromQuarter={fromQuarter} />
          <Button appearance="primary-action" type="submit" disabled={busy}>
            Gemeenten vastleggen
          </Button>
        </form>
      )}
      <Table<Period>
        caption="Geschiedenis: welke gemeente in welke kwartalen bij de tafel hoorde"
        testId="region-history"
        rows={region.history}
        rowKey={(p) => `${p.gemeenteCode}-${p.fromQuarter ?? ''}`}
        scrollLabel="Geschiedenis van de gemeenten"
        empty={<Paragraph>Nog geen gemeenten.</Paragraph>}
        columns={[
          { key: 'gemeente', header: 'Gemeente', cell: (p) => p.gemeenteName },
          { key: 'from', header: 'Vanaf', cell: (p) => quarterText(p.fromQuarter, 'Van het begin') },
          { key: 'until', header: 'Tot en met', cell: (p) => quarterText(p.untilQuarter, 'Nu nog') },
        ]}
      />
    </Section>
  );
}
