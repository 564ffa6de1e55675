/**
 * Mijn account: who you are, your API tokens and your browser sessions (issue 11 item 3). Only for someone
 * signed in; the public is sent to the sign-in page. Each section loads and changes its own data.
 */
import { useAuth, isSignedIn } from '../../auth/AuthContext.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { PageNotice } from '../../components/PageNotice.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';

export function AccountPage() {
  usePageTitle('Mijn account');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (!isSignedIn(state)) {
    return (
      <PageNotice heading="Mijn account" title="U bent niet ingelogd" testId="account-signed-out">
        <Paragraph>Log in om uw gegevens, API-tokens en sessies te zien.</Paragraph>
        <ButtonLink appearance="primary-action" to="/inloggen?terug=%2Faccount">
          Inloggen
        </ButtonLink>
      </PageNotice>
    );
  }
  return (
    <article data-testid="account">
      <Heading level={1}>Mijn account</Heading>
      <Paragraph lead>Hier ziet u met welk account u bent ingelogd. U beheert hier ook uw API-tokens en de plekken waar u bent ingelogd.</Paragraph>
      <ProfileSection me={state.me} />
      <TokensSection demo={state.me.demo} />
      <SessionsSection />
    </article>
  );
}
