/** Shown for an address the app does not know. */
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';

export function NotFoundPage() {
  usePageTitle('Pagina niet gevonden');
  return (
    <>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt.</Paragraph>
      <Paragraph>
        <TextLink to="/projecten">Ga naar de lijst met projecten</TextLink>
      </Paragraph>
    </>
  );
}
