/**
 * /uitnodiging/:token — the page of an invitation link, for someone without an account (works signed out). It says
 * who invites them for what; they choose a password (twice), and "Account aanmaken" makes the account and signs them
 * in, after which they land on their own start page. With OpenID Connect set up they may sign in with their
 * organisation account instead. A used, withdrawn, expired or unknown link gets a plain Dutch explanation.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../../../src/domain/account.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { Button } from '../../components/Button.tsx';
import { DataItem } from '../../components/DataItem.tsx';
import { Alert, Loading } from '../../components/Feedback.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatMoment } from '../account/format.ts';
import { landingPage } from '../auth/SignInPage.tsx';

type Field = 'password' | 'repeat';

export function AcceptInvitationPage() {
  usePageTitle('Uitnodiging');
  const { token = '' } = useParams();
  const preview = useApi(queryKeys.people.invitation(token), (signal) => api.invitationPreview(token, signal));
  if (preview.state === 'loading') return <Loading>De uitnodiging wordt geladen…</Loading>;
  if (!preview.data) {
    const detail = preview.error instanceof ApiError && preview.error.status !== 404 ? preview.error.problem?.detail : null;
    return (
      <article data-testid="invitation-gone">
        <Heading level={1}>Uitnodiging</Heading>
        <Alert type="warning" title="Deze link werkt niet">
          <Paragraph>{detail ?? 'Deze uitnodigingslink kennen we niet. Kijk of u de hele link uit de e-mail heeft gebruikt.'}</Paragraph>
          <Paragraph>
            Heeft u al een account? <TextLink to="/inloggen">Log dan in</TextLink>.
          </Paragraph>
        </Alert>
      </article>
    );
  }
  const i = preview.data;
  return (
    <article data-testid="invitation">
      <Heading level={1}>Welkom bij de Woningbouwmonitor</Heading>
      <Paragraph lead>
        {i.invitedByName ?? 'Iemand'} nodigt u uit. Maak hieronder uw account: u kiest zelf een wachtwoord en bent daarna meteen ingelogd.
      </Paragraph>
      <dl className="utrecht-data-list wbm-data-list" data-testid="invitation-details">
        <DataItem term="Naam">{i.name}</DataItem>
        <DataItem term="E-mailadres">{i.email}</DataItem>
        <DataItem term="Rol">{i.roleLabel}</DataItem>
        {i.scopeName && <DataItem term="Werkgebied">{i.scopeName}</DataItem>}
        <DataItem term="De link werkt tot">{formatMoment(i.expiresAt, '')}</DataItem>
      </dl>
      <PasswordForm token={token} email={i.email} />
    </article>
  );
}

function PasswordForm({ token, email }: { token: string; email: string }) {
  const { state, refresh } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const oidc = state.status === 'ready' && state.me.oidcAvailable;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const local: Partial<Record<Field, string>> = {};
    const weak = passwordProblem(password);
    if (weak) local.password = weak;
    else if (repeat !== password) local.repeat = 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord nog een keer.';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const me = await api.acceptInvitation(token, password);
      await refresh();
      navigate(landingPage(me, null), { replace: true });
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      if (fieldErrors.some((e) => e.path === 'password')) setErrors({ password: fieldErrors.find((e) => e.path === 'password')!.message });
      else setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het account maken is niet gelukt. Probeer het opnieuw.');
      setBusy(false);
    }
  };

  const described = (id: string, error: string | undefined, help?: string) => {
    const ids = [help, error && `${id}-error`].filter(Boolean).join(' ');
    return { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': ids || undefined };
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="accept-form">
      <Heading level={2}>Uw account maken</Heading>
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary
        fields={[
          { id: 'accept-password', label: 'Kies een wachtwoord', message: errors.password },
          { id: 'accept-repeat', label: 'Herhaal het wachtwoord', message: errors.repeat },
        ]}
      />
      {/* The address, for the browser's password manager. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <FormField
        id="accept-password"
        label="Kies een wachtwoord"
        error={errors.password}
        description={`Minstens ${PASSWORD_MIN_LENGTH} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`}
      >
        <TextInput
          id="accept-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...described('accept-password', errors.password, 'accept-password-help')}
        />
      </FormField>
      <FormField id="accept-repeat" label="Herhaal het wachtwoord" error={errors.repeat}>
        <TextInput
          id="accept-repeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          {...described('accept-repeat', errors.repeat)}
        />
      </FormField>
      <Button type="submit" appearance="primary-action" disabled={busy}>
        Account aanmaken
      </Button>
      {oidc && (
        <Paragraph>
          Of <TextLink href={`/api/v1/auth/oidc/login?invitation=${encodeURIComponent(token)}`}>Inloggen met uw organisatieaccount</TextLink>: dan
          heeft u geen apart wachtwoord nodig.
        </Paragraph>
      )}
    </form>
  );
}
