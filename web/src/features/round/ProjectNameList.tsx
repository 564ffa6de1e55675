import { UnorderedList } from '../../components/UnorderedList.tsx';
/** Kwartaalronde: a list of projects, each by name with its gemeente ("Centrumplan (Utrecht)"). */
interface NamedProject {
  name: string;
  gemeenteName: string;
}

export function ProjectNameList<P extends NamedProject>({
  projects,
  projectKey,
  testId,
}: {
  projects: readonly P[];
  projectKey: (p: P) => string;
  testId?: string;
}) {
  return (
    <UnorderedList data-testid={testId}>
      {projects.map((p) => (
        <li key={projectKey(p)}>
          {p.name} <span className="wbm-muted">({p.gemeenteName})</span>
        </li>
      ))}
    </UnorderedList>
  );
}
