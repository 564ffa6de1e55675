/**
 * Plancapaciteit: the withdrawn plans of the area (planuitval, issue 12 item 2). They are in no capacity figure
 * (src/domain/withdrawal.ts); the link opens the project list filtered on exactly them.
 */
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatCount, formatNumber } from '../../labels.ts';
import { EMPTY_FILTERS, filtersToSearch } from '../projects/filters.ts';
import type { PlancapaciteitData } from './types.ts';

export function PlanuitvalSection({ data }: { data: PlancapaciteitData }) {
  const { planuitval, area } = data;
  const query = filtersToSearch({ ...EMPTY_FILTERS, region: area.kind === 'land' ? '' : area.id, lifecycle: 'vervallen' }).toString();
  return (
    <Section id="planuitval" title="Vervallen plannen (planuitval)">
      <Paragraph data-testid="plancapaciteit-planuitval" data-projects={planuitval.projects} data-homes={planuitval.homes}>
        {planuitval.projects === 0
          ? `In ${area.name} is geen plan vervallen.`
          : `In ${area.name} ${planuitval.projects === 1 ? 'is 1 plan' : `zijn ${formatNumber(planuitval.projects)} plannen`} vervallen, met ${formatCount(
              planuitval.homes,
              'woning',
              'woningen',
            )}${planuitval.perYear.length ? ` (${planuitval.perYear.map((y) => `${y.year}: ${formatNumber(y.projects)}`).join(', ')})` : ''}. Ze tellen niet mee in de plancapaciteit hierboven.`}
      </Paragraph>
      {planuitval.projects > 0 && (
        <Paragraph>
          <TextLink to={`/projecten?${query}`}>Bekijk de vervallen plannen</TextLink>
        </Paragraph>
      )}
    </Section>
  );
}
