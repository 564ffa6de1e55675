/** The end of a sentence that sends a visitor to the public figures: "… op de kaart en in het landelijk overzicht." */
import { TextLink } from './TextLink.tsx';

export function PublicFiguresLinks() {
  return (
    <>
      <TextLink to="/kaart">kaart</TextLink> en in het <TextLink to="/landelijk">landelijk overzicht</TextLink>.
    </>
  );
}
