/** Shown for an address the app does not know. */
import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle.ts';

export function NotFoundPage() {
  usePageTitle('Pagina niet gevonden');
  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Pagina niet gevonden</h1>
      <p className="utrecht-paragraph">Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt.</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/projecten">
          Ga naar de lijst met projecten
        </Link>
      </p>
    </>
  );
}
