/**
 * Parts shared by the Realisatiestimulans pages (issue 16; SPEC §4.1): amounts in euros, the explanation of the
 * counting bases and segments with the regulation's dated limits and source, and the scenario (deduction rule and
 * supplement amounts, which policy has not fixed) kept in the page address so a link shows the same figures.
 */
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { parseSupplementEuros, SUPPLEMENT_LIMITS } from '../../../../src/domain/instruments/realisatiestimulans.ts';
import { POLICY } from '../../../../src/domain/policy.ts';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { formatDate, formatNumber } from '../../labels.ts';

const RS = POLICY.realisatiestimulans;

/** 7000 → "€ 7.000" (whole euros). */
export const formatEuro = (n: number) => `€ ${formatNumber(Math.round(n))}`;

/** 2026-Q4 → "4e kwartaal 2026". */
export const formatPaymentQuarter = (q: string) => {
  const [year, quarter] = q.split('-Q');
  return `${quarter}e kwartaal ${year}`;
};

export const BASIS_LABELS = { start_bouw: 'Start bouw', oplevering: 'Oplevering' } as const;
export type Basis = keyof typeof BASIS_LABELS;

const DEDUCTION_LABELS = {
  woningen_uitsluiten: 'Woningen met een eerdere rijksbijdrage tellen niet mee (zoals in de regeling)',
  bedrag_aftrekken: 'De eerdere rijksbijdrage gaat van het bedrag af',
  geen: 'Geen aftrek (bruto)',
} as const;

const SUPPLEMENTS = [
  { key: 'nplvPerHomeEuros', label: 'Opslag per betaalbare woning in een stedelijk focusgebied (NPLV)', max: SUPPLEMENT_LIMITS.perHome },
  { key: 'elkeRegioTeltPerHomeEuros', label: 'Opslag per betaalbare woning in een regio van Elke Regio Telt', max: SUPPLEMENT_LIMITS.perHome },
  { key: 'ouderenPerHomeEuros', label: 'Opslag per betaalbare woning voor ouderen (zorggeschikt of geclusterd)', max: SUPPLEMENT_LIMITS.perHome },
  { key: 'capaciteitPerGemeenteEuros', label: 'Opslag voor ambtelijke capaciteit, per gemeente per jaar', max: SUPPLEMENT_LIMITS.perGemeente },
] as const;
const SCENARIO_KEYS = ['deductionRule', ...SUPPLEMENTS.map((s) => s.key)] as const;

/** The scenario in the page address, as the API's query string ('' when none). */
export function useScenarioQuery(): string {
  const [params] = useSearchParams();
  const query = new URLSearchParams();
  for (const key of SCENARIO_KEYS) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** How the amount and the two counting bases work, and what each affordable segment is, with its dated limit and source. */
export function HowItWorks() {
  const [limits] = RS.segmentLimits;
  return (
    <>
      <Paragraph>
        Een gemeente krijgt {formatEuro(RS.amountPerHomeEuros)} (zonder btw) voor elke betaalbare woning. Het gaat om woningen uit de jaren{' '}
        {RS.firstYear} tot en met {RS.lastYear}. Woningen die ontstaan door een gebouw te verbouwen, te splitsen of op te toppen tellen ook mee. Het
        bedrag wordt betaald in het 4e kwartaal van het jaar erna.
      </Paragraph>
      <Paragraph>We tellen op twee manieren, naast elkaar:</Paragraph>
      <UnorderedList>
        <li>
          <strong>Start bouw</strong>: de woningen waarvan de bouw in dat jaar begon. Zo telt de regeling sinds november 2025.
        </li>
        <li>
          <strong>Oplevering</strong>: de woningen die in dat jaar klaar waren. Zo stond het in de afspraken van december 2024.
        </li>
      </UnorderedList>
      <Paragraph>
        Een woning telt mee met het segment dat in het woningprogramma van het project staat. Betaalbaar zijn (grenzen vanaf{' '}
        {formatDate(limits?.validFrom ?? RS.segmentLimits[0]?.validFrom)}):
      </Paragraph>
      <UnorderedList data-testid="rs-segments">
        <li>
          <strong>sociale huur</strong>: een huur bij de start onder de huurtoeslaggrens ({formatEuroCents(limits?.huurtoeslaggrensEuros ?? 0)} per
          maand);
        </li>
        <li>
          <strong>middenhuur</strong>: een huur vanaf de huurtoeslaggrens tot de grens van {limits?.middenhuurPunten} punten in het
          woningwaarderingsstelsel (ongeveer {formatEuroCents(limits?.middenhuurGrensEuros ?? 0)} per maand);
        </li>
        <li>
          <strong>betaalbare koop</strong>: een eerste verkoopprijs (vrij op naam) van hoogstens {formatEuro(limits?.betaalbareKoopGrensEuros ?? 0)};
        </li>
        <li>
          <strong>onzelfstandige woonruimte</strong> (woningdelen): telt altijd als betaalbaar.
        </li>
      </UnorderedList>
      <Paragraph className="wbm-muted">
        Bron: {RS.sourceTitle}, artikel 1.1; de afspraken over de Realisatiestimulans in de {RS.seedTitle}. De grenzen veranderen elk jaar.
      </Paragraph>
    </>
  );
}

const formatEuroCents = (n: number) => `€ ${n.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The scenario form: the deduction rule and the supplement amounts; "Toon" puts them in the page address. */
export function ScenarioForm() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(SCENARIO_KEYS.map((k) => [k, params.get(k) ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A wrong amount is shown at its field and changes nothing: the figures shown stay those of the last valid scenario.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    const found: Record<string, string> = {};
    const rule = (values.deductionRule ?? '').trim();
    if (rule && rule !== RS.deductionRule) next.set('deductionRule', rule);
    else next.delete('deductionRule');
    for (const s of SUPPLEMENTS) {
      const parsed = parseSupplementEuros(values[s.key] ?? '', s.max);
      if ('error' in parsed) found[s.key] = parsed.error;
      else if (parsed.value > 0) next.set(s.key, String(parsed.value));
      else next.delete(s.key);
    }
    setErrors(found);
    const first = SUPPLEMENTS.find((s) => found[s.key]);
    if (first) {
      document.getElementById(`${id}-${first.key}`)?.focus();
      return;
    }
    setParams(next);
  };
  return (
    <form onSubmit={submit} data-testid="rs-scenario" className="wbm-form">
      <FormField id={`${id}-deduction`} label="Eerdere rijksbijdragen aan een project">
        <Select
          id={`${id}-deduction`}
          value={values.deductionRule || RS.deductionRule}
          onChange={(e) => setValues({ ...values, deductionRule: e.target.value })}
        >
          {Object.entries(DEDUCTION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </FormField>
      <Paragraph>
        <strong>Opslagen: niet vastgelegd in beleid.</strong> Het Rijk heeft de bedragen nog niet vastgesteld. Vul bedragen in om te zien wat ze
        zouden opleveren. Leeg is geen opslag.
      </Paragraph>
      {SUPPLEMENTS.map((s) => (
        <FormField key={s.key} id={`${id}-${s.key}`} label={`${s.label} (in euro’s)`} error={errors[s.key]}>
          <TextInput
            id={`${id}-${s.key}`}
            inputMode="numeric"
            value={values[s.key] ?? ''}
            aria-invalid={errors[s.key] ? true : undefined}
            aria-describedby={errors[s.key] ? `${id}-${s.key}-error` : undefined}
            onChange={(e) => setValues({ ...values, [s.key]: e.target.value })}
          />
        </FormField>
      ))}
      <Button type="submit" appearance="secondary-action">
        Toon de bedragen
      </Button>
    </form>
  );
}
