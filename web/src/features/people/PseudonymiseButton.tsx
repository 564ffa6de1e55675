/**
 * "Gegevens verwijderen" for a deactivated account (issue 11 item 3, "Personal data"): after a confirmation dialog that
 * says in plain words what happens, the person's name and e-mail address are replaced by a pseudonym everywhere, and
 * their sign-in data, sessions and API tokens are removed. What they did stays in the history, under the pseudonym.
 * Cannot be undone. The server decides who may (administrators only) and that the account must be deactivated first.
 */
import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isPseudonymised } from '../../../../src/domain/pseudonymise.ts';
import { api, ApiError } from '../../api/client.ts';
import { peopleChanged } from '../../api/invalidation.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';

export function PseudonymiseButton({
  account,
  onDone,
}: {
  account: { id: string; name: string; email: string; disabled: boolean };
  /** The sentence for the page's status line once it is done. */
  onDone: (message: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!account.disabled) return null;
  if (isPseudonymised(account)) return <span data-testid="pseudonymised">Gegevens verwijderd</span>;
  const titleId = `pseudonymise-title-${account.id}`;

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const done = await api.pseudonymiseUser(account.id);
      dialog.current?.close();
      onDone(`De gegevens van ${account.name} zijn verwijderd. In de geschiedenis staat nu ‘${done.name}’.`);
      await peopleChanged(client);
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.problem?.errors?.[0]?.message ?? err.problem?.detail ?? err.message) : 'Dat is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        appearance="secondary-action"
        small
        onClick={() => {
          setProblem(null);
          dialog.current?.showModal();
        }}
      >
        Gegevens verwijderen<VisuallyHidden>: {account.name}</VisuallyHidden>
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="wbm-dialog" data-testid="pseudonymise-dialog">
        <Heading level={2} id={titleId}>
          Gegevens van {account.name} verwijderen?
        </Heading>
        <Paragraph>Doe dit als {account.name} niet meer bij uw organisatie werkt. Dit gebeurt er:</Paragraph>
        <UnorderedList>
          <li>De naam en het e-mailadres worden overal vervangen door ‘Voormalig gebruiker’ en een nummer.</li>
          <li>Het wachtwoord, de koppeling met het inlogaccount van de organisatie, de API-tokens en de uitnodigingen worden verwijderd.</li>
          <li>Wat {account.name} heeft gedaan, blijft in de geschiedenis staan, maar dan onder de nieuwe naam.</li>
        </UnorderedList>
        <Paragraph>
          <strong>U kunt dit niet terugdraaien.</strong>
        </Paragraph>
        {problem && (
          <Alert type="error" title="Dat is niet gelukt" urgent>
            <Paragraph>{problem}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button appearance="primary-action" disabled={busy} onClick={() => void confirm()} data-testid="confirm-pseudonymise">
            Ja, verwijder de gegevens
          </Button>
          <Button appearance="secondary-action" onClick={() => dialog.current?.close()}>
            Nee, bewaar ze
          </Button>
        </ButtonGroup>
      </dialog>
    </>
  );
}
