/** After sending an invitation: where the mail went, or (without mail) the link to pass on, with a copy button. */
import { useState } from 'react';
import type { components } from '../../api/generated/openapi.ts';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';

export function InvitationSent({ created, onDone }: { created: components['schemas']['InvitationCreated']; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const { invitation, link } = created;
  if (created.mailSent || !link) {
    return (
      <Alert type="ok" title="Verstuurd">
        <Paragraph data-testid="invitation-sent">
          De uitnodiging is verstuurd naar {invitation.email}. {invitation.name} kan met de link in de e-mail een account maken.
        </Paragraph>
      </Alert>
    );
  }
  const copy = () =>
    navigator.clipboard.writeText(link).then(
      () => setCopied('De link is gekopieerd.'),
      () => setCopied('Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.'),
    );
  return (
    <Alert type="warning" title="Geef deze link zelf door">
      <Paragraph>
        De monitor kan geen e-mail versturen. Geef deze link zelf door aan {invitation.name} ({invitation.email}), bijvoorbeeld in een e-mail. De link
        werkt één keer en 7 dagen lang.
      </Paragraph>
      <Paragraph>
        <code className="wbm-token" data-testid="invitation-link">
          {link}
        </code>
      </Paragraph>
      <Button appearance="primary-action" onClick={() => void copy()}>
        Kopieer de link
      </Button>{' '}
      <Button appearance="secondary-action" onClick={onDone}>
        Klaar
      </Button>
      <Paragraph role="status">{copied}</Paragraph>
    </Alert>
  );
}
