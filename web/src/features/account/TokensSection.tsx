/**
 * Mijn account, "API-tokens": the person's own tokens (name, made, last used; a token does not expire), making
 * one (the secret is shown once, with a copy button) and revoking one after a confirmation.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { RowButton, RowConfirm } from '../../components/RowActions.tsx';
import { Table } from '../../components/Table.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatMoment } from './format.ts';

type ApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

export function TokensSection({ demo }: { demo: boolean }) {
  const tokens = useApi(queryKeys.account.tokens, (signal) => api.listApiTokens(signal));
  const client = useQueryClient();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const changed = () => client.invalidateQueries({ queryKey: queryKeys.account.tokens });

  const revoke = async (token: ApiToken) => {
    setProblem(null);
    try {
      await api.revokeApiToken(token.id);
      setStatus(`Het token "${token.name}" is ingetrokken. Het werkt niet meer.`);
      if (created?.name === token.name) setCreated(null);
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het intrekken is niet gelukt.');
    } finally {
      setConfirming(null);
      await changed();
    }
  };

  return (
    <Section id="api-tokens" title="API-tokens">
      <Paragraph>
        Met een API-token kan een eigen systeem gegevens aanleveren via de API, namens u. Het token werkt tot u het intrekt. Trek een token in als u
        het niet meer gebruikt of als iemand anders het kan kennen.
      </Paragraph>
      {demo && (
        <Paragraph>
          U bent ingelogd met een demo-account: een token van dit account werkt alleen met demodata, en stopt zodra de demomodus uit gaat.
        </Paragraph>
      )}
      <ActionFeedback status={status} problem={problem} testId="token-status" />
      {created && <NewToken name={created.name} token={created.token} onDone={() => setCreated(null)} />}
      <LoadState result={tokens} loading="Uw API-tokens worden geladen…" />
      {tokens.data && (
        <Table<ApiToken>
          caption="Uw API-tokens"
          testId="token-table"
          rows={tokens.data.items}
          rowKey={(t) => t.id}
          rowData={(t) => ({ 'data-token-name': t.name })}
          empty={<Paragraph data-testid="no-tokens">U hebt geen API-tokens.</Paragraph>}
          columns={[
            { key: 'name', header: 'Naam', cell: (t) => t.name },
            { key: 'created', header: 'Gemaakt op', cell: (t) => formatMoment(t.createdAt), className: 'wbm-nowrap' },
            { key: 'used', header: 'Laatst gebruikt', cell: (t) => formatMoment(t.lastUsedAt, 'Nog niet gebruikt'), className: 'wbm-nowrap' },
            { key: 'expires', header: 'Verloopt', cell: () => 'Niet: werkt tot u het intrekt' },
            {
              key: 'action',
              header: 'Actie',
              cell: (t) =>
                confirming === t.id ? (
                  <RowConfirm
                    label={`Token ${t.name} intrekken?`}
                    question="Weet u het zeker? Systemen die dit token gebruiken, kunnen dan niet meer aanleveren."
                    confirm="Ja, trek in"
                    cancel="Nee, laat staan"
                    onConfirm={() => void revoke(t)}
                    onCancel={() => setConfirming(null)}
                    confirmTestId="confirm-revoke"
                  />
                ) : (
                  <RowButton
                    subject={t.name}
                    onClick={() => {
                      setStatus(null);
                      setConfirming(t.id);
                    }}
                  >
                    Intrekken
                  </RowButton>
                ),
            },
          ]}
        />
      )}
      <CreateTokenForm
        onCreated={async (answer) => {
          setStatus(null);
          setCreated(answer);
          await changed();
        }}
      />
    </Section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (answer: { name: string; token: string }) => Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Geef het token een naam, bijvoorbeeld de naam van het systeem dat het gebruikt.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await api.createApiToken(name.trim());
      setName('');
      await onCreated(answer);
    } catch (err) {
      setError(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het token is niet gemaakt. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="wbm-edit-form" onSubmit={(e) => void submit(e)} aria-label="Nieuw API-token maken" noValidate data-testid="create-token">
      <FormField
        id="token-name"
        label="Naam van het nieuwe token"
        error={error}
        description="Waarvoor gebruikt u het? Bijvoorbeeld: Planningssysteem gemeente."
      >
        <TextInput
          id="token-name"
          name="name"
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={['token-name-help', error && 'token-name-error'].filter(Boolean).join(' ')}
        />
      </FormField>
      <Button appearance="primary-action" type="submit" disabled={busy}>
        Token maken
      </Button>
    </form>
  );
}

/** The new token, shown this once: a clear warning, the token itself and a copy button. */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('Het token is gekopieerd.');
    } catch {
      setCopied('Kopiëren lukte niet. Selecteer het token en kopieer het zelf.');
    }
  };
  return (
    <Alert type="warning" title={`Uw nieuwe token "${name}"`} urgent>
      <Paragraph>
        <strong>Kopieer het token nu en bewaar het veilig.</strong> U ziet het maar één keer: de monitor bewaart het token zelf niet. Kwijt? Trek het
        in en maak een nieuw token.
      </Paragraph>
      <Paragraph>
        <code className="wbm-token" data-testid="new-token">
          {token}
        </code>
      </Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action" onClick={() => void copy()}>
          Kopieer het token
        </Button>
        <Button appearance="secondary-action" onClick={onDone}>
          Ik heb het token bewaard
        </Button>
      </ButtonGroup>
      <Paragraph role="status">{copied}</Paragraph>
    </Alert>
  );
}
