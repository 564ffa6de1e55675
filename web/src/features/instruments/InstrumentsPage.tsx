/**
 * Financiële instrumenten (issue 16): the three national instruments with a short description each in plain Dutch,
 * and a link to each instrument's page. SPEC §4 (Realisatiestimulans §4.1, Woningbouwimpuls §4.2, Gebiedsbudget §4.3).
 * Open to everyone who may read an instrument (src/domain/access.ts INSTRUMENT_ROLES); the figures are on the pages.
 */
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayOpenInstruments } from '../../auth/permissions.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { GEBIEDSBUDGET_PATH, INSTRUMENTS_PATH, REALISATIESTIMULANS_PATH, WONINGBOUWIMPULS_PATH } from './paths.ts';

interface Instrument {
  id: string;
  title: string;
  to: string;
  /** Two or three short sentences (B1): what it pays, to whom, and how. */
  text: string;
}

export const INSTRUMENTS: readonly Instrument[] = [
  {
    id: 'realisatiestimulans',
    title: 'Realisatiestimulans',
    to: REALISATIESTIMULANS_PATH,
    text:
      'Gemeenten krijgen € 7.000 voor elke betaalbare woning waarvan de bouw vanaf 2025 begint. Dat geldt ook voor woningen in bestaande ' +
      'gebouwen, zoals na verbouwen, splitsen of optoppen. Een aanvraag is niet nodig: het bedrag volgt uit de woningen die gebouwd worden.',
  },
  {
    id: 'woningbouwimpuls',
    title: 'Woningbouwimpuls',
    to: WONINGBOUWIMPULS_PATH,
    text:
      'Een bijdrage voor een groot woningbouwproject (minstens 200 woningen) met een tekort dat de gemeente niet zelf kan dekken. ' +
      'De gemeente vraagt de bijdrage één keer per jaar aan. Een commissie beoordeelt de aanvragen en het ministerie verdeelt het geld.',
  },
  {
    id: 'gebiedsbudget',
    title: 'Gebiedsbudget',
    to: GEBIEDSBUDGET_PATH,
    text:
      'Geld voor maatregelen in een groot woningbouwgebied dat het Rijk heeft aangewezen, zoals een nieuw park of het verplaatsen van ' +
      'een bedrijf. Het Rijk betaalt hoogstens de helft; de regio betaalt minstens hetzelfde bedrag.',
  },
];

export function InstrumentsPage() {
  usePageTitle('Financiële instrumenten');
  const { state } = useAuth();
  const signedOut = state.status === 'ready' && !isSignedIn(state);
  const mayOpen = mayOpenInstruments(state);
  return (
    <>
      <Heading level={1}>Financiële instrumenten</Heading>
      <Paragraph lead>
        Het Rijk helpt gemeenten en regio’s met geld om meer betaalbare woningen te bouwen. Hier ziet u de drie regelingen en wat ze opleveren.
      </Paragraph>
      {signedOut && (
        <Paragraph data-testid="instruments-signed-out">
          De bedragen per gemeente zijn voor de gemeente, de provincie en het ministerie.{' '}
          <TextLink to={`/inloggen?terug=${encodeURIComponent(INSTRUMENTS_PATH)}`}>Log in</TextLink> om ze te zien.
        </Paragraph>
      )}
      {state.status === 'ready' && !signedOut && !mayOpen && (
        <Paragraph data-testid="instruments-no-access">Met uw account kunt u de bedragen van de regelingen niet bekijken.</Paragraph>
      )}
      {INSTRUMENTS.map((instrument) => (
        <section key={instrument.id} aria-labelledby={`instrument-${instrument.id}`} data-testid={`instrument-${instrument.id}`}>
          <Heading level={2} id={`instrument-${instrument.id}`}>
            {mayOpen ? <TextLink to={instrument.to}>{instrument.title}</TextLink> : instrument.title}
          </Heading>
          <Paragraph>{instrument.text}</Paragraph>
        </section>
      ))}
    </>
  );
}
