/** Mijn account, "Uw gegevens": name, e-mail address, role and what the role covers (scope). */
import type { ReactNode } from 'react';
import { useReference } from '../../api/hooks.ts';
import type { Me } from '../../api/types.ts';
import { roleLabel } from '../../auth/permissions.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';

export function ProfileSection({ me }: { me: Me }) {
  const { principal } = me;
  const organisations = useReference('organisations');
  const gemeenten = useReference('gemeenten');
  const regions = useReference('regions');
  const provincies = useReference('provincies');
  const nameOf = <T,>(list: T[] | undefined, match: (item: T) => boolean, name: (item: T) => string, code: string) => {
    const found = list?.find(match);
    return found ? name(found) : code;
  };

  const scope: Array<[string, string]> = [];
  if (principal.organisationId) {
    const id = principal.organisationId;
    scope.push([
      'Organisatie',
      nameOf(
        organisations.data,
        (o) => o.id === id,
        (o) => o.name,
        id,
      ),
    ]);
  }
  if (principal.gemeenteCode) {
    const code = principal.gemeenteCode;
    scope.push([
      'Gemeente',
      nameOf(
        gemeenten.data,
        (g) => g.code === code,
        (g) => g.name,
        code,
      ),
    ]);
  }
  if (principal.regionId) {
    const id = principal.regionId;
    scope.push([
      'Versnellingstafel',
      nameOf(
        regions.data,
        (r) => r.id === id,
        (r) => r.name,
        id,
      ),
    ]);
  }
  if (principal.provincieCode) {
    const code = principal.provincieCode;
    scope.push([
      'Provincie',
      nameOf(
        provincies.data,
        (p) => p.code === code,
        (p) => p.name,
        code,
      ),
    ]);
  }

  return (
    <Section id="gegevens" title="Uw gegevens">
      <dl className="utrecht-data-list wbm-data-list" data-testid="account-profile">
        <DataItem term="Naam">{principal.name}</DataItem>
        <DataItem term="E-mailadres">{me.email ?? 'Onbekend'}</DataItem>
        <DataItem term="Rol">{roleLabel(principal.role)}</DataItem>
        {scope.length > 0 ? (
          scope.map(([term, value]) => (
            <DataItem key={term} term={term}>
              {value}
            </DataItem>
          ))
        ) : (
          <DataItem term="Werkgebied">Heel Nederland</DataItem>
        )}
      </dl>
      {me.demo && <Paragraph>U bent ingelogd met een demo-account. U werkt alleen met verzonnen demodata.</Paragraph>}
      <Paragraph>Klopt er iets niet, of moet uw rol veranderen? Vraag het de beheerder van de monitor.</Paragraph>
    </Section>
  );
}

function DataItem({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{term}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}
