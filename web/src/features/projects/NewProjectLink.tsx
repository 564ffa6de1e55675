/** "Nieuw project" on the project list, for those who may create one (a gemeente, an administrator: access.ts canCreateProjects). */
import { useAuth } from '../../auth/AuthContext.tsx';
import { mayCreateProjects } from '../../auth/permissions.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';

export function NewProjectLink() {
  const { state } = useAuth();
  if (!mayCreateProjects(state)) return null;
  return (
    <Paragraph>
      <ButtonLink appearance="primary-action" to="/projecten/nieuw" data-testid="new-project-link">
        Nieuw project
      </ButtonLink>
    </Paragraph>
  );
}
