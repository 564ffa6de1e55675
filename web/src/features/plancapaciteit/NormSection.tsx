/**
 * The norm: what the policy says (130% to 2030 in the areas with the largest task, not needed everywhere),
 * its source by title and date, which norm applies to the chosen area and why, and for those who may set
 * it (src/domain/access.ts `canChangeNorm`) the form to change it.
 */
import { TARGET_EDITOR_ROLES } from '../../../../src/domain/access.ts';
import type { Gemeente, Role } from '../../api/types.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayChangeNorm } from '../../auth/permissions.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { NormForm } from './NormForm.tsx';
import { areaFacts } from './plancapaciteit.ts';
import type { PlancapaciteitData } from './types.ts';

/** The policy document the 130% comes from, by title and date (never a file name). */
export const NORM_SOURCE = 'Kamerbrief over de aanpak van het woningtekort, minister van Binnenlandse Zaken en Koninkrijksrelaties, najaar 2020';

export function NormSection({ data, gemeenten }: { data: PlancapaciteitData; gemeenten: readonly Gemeente[] }) {
  const { state } = useAuth();
  const facts = gemeenten.length > 0 ? areaFacts(data.area, gemeenten) : null;
  const mayChange = facts !== null && mayChangeNorm(state, facts);
  const demoEditor = isSignedIn(state) && state.me.demo && (TARGET_EDITOR_ROLES as readonly Role[]).includes(state.me.principal.role);

  return (
    <Section id="plancapaciteit-norm" title="De norm">
      <Paragraph>
        Het Rijk gaat uit van 130% plancapaciteit tot en met 2030 in de gebieden met de grootste bouwopgave. Er zijn dan meer plannen dan woningen
        nodig. Zo wordt opgevangen dat plannen vertraging oplopen of niet doorgaan. Niet overal is 130% nodig, bijvoorbeeld in krimp- en grensregio’s
        en in landelijke gebieden. Daarom kan voor een gebied een andere norm worden ingesteld, met een reden.
      </Paragraph>
      <Paragraph>Bron: {NORM_SOURCE}.</Paragraph>
      <Paragraph data-testid="norm-source">
        <strong>Voor {data.area.name}:</strong> {data.norm.source}
      </Paragraph>
      {mayChange && <NormForm areaId={data.area.id} areaName={data.area.name} />}
      {!mayChange && demoEditor && (
        <Paragraph data-testid="norm-demo-note">Met een demo-account kunt u de norm niet wijzigen: een norm geldt voor echte gegevens.</Paragraph>
      )}
    </Section>
  );
}
