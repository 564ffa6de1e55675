/** Mijn account, "Uw gegevens": name, e-mail address, role and what the role covers (scope). */
import { useReference } from '../../api/hooks.ts';
import type { Me } from '../../api/types.ts';
import { roleLabel } from '../../auth/permissions.ts';
import { DataItem } from '../../components/DataItem.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';

export function ProfileSection({ me }: { me: Me }) {
  const { principal } = me;
  const organisations = useReference('organisations');
  const gemeenten = useReference('gemeenten');
  const regions = useReference('regions');
  const provincies = useReference('provincies');
  const scope: Array<[string, string]> = [];
  if (principal.organisationId) scope.push(['Organisatie', nameOf(organisations.data, 'id', principal.organisationId)]);
  if (principal.gemeenteCode) scope.push(['Gemeente', nameOf(gemeenten.data, 'code', principal.gemeenteCode)]);
  if (principal.regionId) scope.push(['Versnellingstafel', nameOf(regions.data, 'id', principal.regionId)]);
  if (principal.provincieCode) scope.push(['Provincie', nameOf(provincies.data, 'code', principal.provincieCode)]);

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

/** The name of the item whose `key` is `code` (once the reference list is there), or else the code itself. */
function nameOf<T extends { name: string }>(list: readonly T[] | undefined, key: keyof T, code: string): string {
  return list?.find((item) => item[key] === code)?.name ?? code;
}
