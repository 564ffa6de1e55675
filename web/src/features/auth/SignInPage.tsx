/**
 * Inloggen: with a demo role (demo mode, clearly marked), with e-mail address and password, or through
 * the user's own organisation (OpenID Connect) when the server offers it. After signing in the user
 * returns to the page that asked for it (`?terug=`), or to the page that fits the role.
 */
import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { API_BASE, ApiError } from '../../api/client.ts';
import type { Me, Role } from '../../api/types.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { DEMO_ROLES, ROLE_DESCRIPTIONS, roleLabel } from '../../auth/permissions.ts';
import { Alert, Loading } from '../../components/Feedback.tsx';
import { Section } from '../../components/Section.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { FieldDescription } from '../../components/FieldDescription.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { MY_ROUND_PATH } from '../my-round/paths.ts';

/** Where to go after signing in: the page that asked (same site only), else the role's own start page. */
export function landingPage(me: Me, back: string | null): string {
  if (back && back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/inloggen')) return back;
  const p = me.principal;
  if (p.role === 'tafel_secretaris' && p.regionId) return `/tafels/${encodeURIComponent(p.regionId)}`;
  // A gemeente's project leader and a market party start with their own work in the open quarterly rounds (issue 12).
  if (p.role === 'gemeente_editor' || p.role === 'marktpartij_editor') return MY_ROUND_PATH;
  if (p.role === 'provincie_analist' && p.provincieCode) return `/tafels/${encodeURIComponent(`provincie:${p.provincieCode}`)}`;
  return '/projecten';
}

export function SignInPage() {
  usePageTitle('Inloggen');
  const { state, signInDemo, signIn, signOut } = useAuth();
  const [params] = useSearchParams();
  const back = params.get('terug');
  const navigate = useNavigate();
  const id = useId();
  const [role, setRole] = useState<Exclude<Role, 'publiek'>>('tafel_secretaris');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'demo' | 'password' | null>(null);
  const [error, setError] = useState<{ form: 'demo' | 'password'; message: string } | null>(null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'open') {
    return (
      <>
        <Heading level={1}>Inloggen</Heading>
        <Alert type="info" title="Inloggen is op deze server (nog) niet ingesteld">
          <Paragraph>U kunt de Woningbouwmonitor zonder inloggen gebruiken.</Paragraph>
        </Alert>
        <Paragraph>
          <TextLink to="/projecten">Naar de projecten</TextLink>
        </Paragraph>
      </>
    );
  }

  const { me } = state;
  const run = async (form: 'demo' | 'password', action: () => Promise<Me>) => {
    setBusy(form);
    setError(null);
    try {
      const signedIn = await action();
      navigate(landingPage(signedIn, back));
    } catch (err) {
      const message =
        err instanceof ApiError && err.status === 401
          ? 'Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.'
          : err instanceof ApiError && err.status === 429
            ? 'U hebt te vaak geprobeerd in te loggen. Wacht een minuut en probeer het dan opnieuw.'
            : err instanceof Error
              ? err.message
              : 'Inloggen is niet gelukt.';
      setError({ form, message });
    } finally {
      setBusy(null);
    }
  };

  const submitDemo = (e: FormEvent) => {
    e.preventDefault();
    void run('demo', () => signInDemo(role));
  };
  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError({ form: 'password', message: 'Vul uw e-mailadres en uw wachtwoord in.' });
      return;
    }
    void run('password', () => signIn(email.trim(), password));
  };

  return (
    <>
      <Heading level={1}>Inloggen</Heading>
      {params.get('uitgelogd') && !isSignedIn(state) && (
        <Alert type="ok">
          <Paragraph>U bent uitgelogd.</Paragraph>
        </Alert>
      )}
      {back && !isSignedIn(state) && (
        <Alert type="info">
          <Paragraph>Log in om deze pagina te bekijken. Daarna gaat u er direct naartoe.</Paragraph>
        </Alert>
      )}
      {isSignedIn(state) && (
        <Alert type="info" title={`U bent ingelogd als ${me.principal.name} (${roleLabel(me.principal.role)}${me.demo ? ', demomodus' : ''}).`}>
          <Paragraph>Wilt u als iemand anders inloggen? Log dan eerst uit.</Paragraph>
          <ButtonGroup className="wbm-button-row">
            <ButtonLink appearance="primary-action" to={landingPage(me, back)}>
              Verder
            </ButtonLink>
            <Button appearance="secondary-action" onClick={() => void signOut()}>
              Uitloggen
            </Button>
          </ButtonGroup>
        </Alert>
      )}

      {!isSignedIn(state) && (
        <div className="wbm-signin">
          {me.demoModeAvailable && (
            <Section
              className="wbm-signin__panel wbm-signin__panel--demo"
              id={`${id}-demo`}
              title={
                <>
                  <span className="wbm-demo-badge wbm-demo-badge--large">Demomodus</span> Probeer een rol uit
                </>
              }
            >
              <Paragraph>
                Log in als verzonnen gebruiker om de Woningbouwmonitor uit te proberen. U werkt met verzonnen demogegevens; niets hiervan is echt.
              </Paragraph>
              <form onSubmit={submitDemo} aria-labelledby={`${id}-demo`} noValidate>
                {error?.form === 'demo' && <SignInError message={error.message} />}
                <Fieldset className="wbm-radio-list" legend="Kies een rol">
                  {DEMO_ROLES.map((r) => (
                    <div key={r} className="utrecht-form-field utrecht-form-field--radio wbm-radio">
                      <input
                        id={`${id}-role-${r}`}
                        type="radio"
                        name="demo-role"
                        className="utrecht-radio-button utrecht-radio-button--html-input"
                        value={r}
                        checked={role === r}
                        onChange={() => setRole(r)}
                        aria-describedby={`${id}-role-${r}-desc`}
                      />
                      <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-role-${r}`}>
                        {roleLabel(r)}
                      </label>
                      <FieldDescription id={`${id}-role-${r}-desc`}>{ROLE_DESCRIPTIONS[r]}</FieldDescription>
                    </div>
                  ))}
                </Fieldset>
                <Button appearance="primary-action" type="submit" disabled={busy !== null}>
                  {busy === 'demo' ? 'Bezig met inloggen…' : 'Inloggen als demogebruiker'}
                </Button>
              </form>
            </Section>
          )}

          <Section className="wbm-signin__panel" id={`${id}-account`} title="Inloggen met uw account">
            <form onSubmit={submitPassword} aria-labelledby={`${id}-account`} noValidate>
              {error?.form === 'password' && <SignInError message={error.message} />}
              <TextField id={`${id}-email`} label="E-mailadres" type="email" autoComplete="username" value={email} onChange={setEmail} />
              <TextField
                id={`${id}-password`}
                label="Wachtwoord"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={setPassword}
              />
              <Button appearance="primary-action" type="submit" disabled={busy !== null}>
                {busy === 'password' ? 'Bezig met inloggen…' : 'Inloggen'}
              </Button>
            </form>
            {me.oidcAvailable && (
              <>
                <Heading level={3}>Of via uw eigen organisatie</Heading>
                <Paragraph>
                  <ButtonLink appearance="secondary-action" href={`${API_BASE}/auth/oidc/login`}>
                    Inloggen via uw organisatie
                  </ButtonLink>
                </Paragraph>
              </>
            )}
          </Section>
        </div>
      )}
    </>
  );
}

/** Why signing in with one of the forms did not work, at the top of that form. */
function SignInError({ message }: { message: string }) {
  return (
    <Alert type="error" title="Inloggen is niet gelukt" urgent>
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
