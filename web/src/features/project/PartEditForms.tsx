/**
 * "Programma wijzigen", "Jaarschijven wijzigen" and "Partijen wijzigen" on the project page: each replaces its part
 * as a whole (PUT /projects/:id/{programme|jaarschijven|parties} with the version last read). The programme and
 * jaarschijven forms show at once whether the jaarschijven still add up to the programme.
 */
import { api } from '../../api/client.ts';
import type { Organisation, ProjectDetail } from '../../api/types.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { JaarschijvenSumCheck } from './JaarschijvenSumCheck.tsx';
import { JaarschijvenRows, PartyRows, ProgrammeRows } from './PartRows.tsx';
import {
  collectJaarschijven,
  collectParties,
  collectProgramme,
  mapServerIssues,
  rowKey,
  type Collected,
  type JaarschijfRow,
  type Part,
  type PartyRow,
  type ProgrammeRow,
} from './projectForm.ts';
import { ProjectPartForm, type Prepared } from './ProjectPartForm.tsx';

interface EditProps {
  project: ProjectDetail;
  onSaved: (p: ProjectDetail) => void;
  onReload: () => Promise<void>;
}

/** Prepared save of a whole part: errors, nothing changed, or the PUT. */
function preparePart<T>(
  part: Part,
  collected: Collected<T>,
  stored: readonly unknown[],
  send: (items: T[], version: number) => Promise<ProjectDetail>,
): Prepared {
  if (Object.keys(collected.errors).length > 0) return { kind: 'invalid', errors: collected.errors };
  if (JSON.stringify(collected.items) === JSON.stringify(stored)) return { kind: 'unchanged' };
  return {
    kind: 'save',
    send: (version) => send(collected.items, version),
    mapIssues: (issues) => mapServerIssues(issues, { rowOf: { [part]: collected.rowOf }, itemsPart: part }),
  };
}

const programmeRows = (p: ProjectDetail): ProgrammeRow[] => p.programme.map((l) => ({ key: rowKey(), ...l, homes: String(l.homes) }));
const jaarschijfRows = (p: ProjectDetail): JaarschijfRow[] =>
  p.jaarschijven.map((j) => ({ key: rowKey(), year: String(j.year), segment: j.segment, homes: String(j.homes) }));

export function ProgrammeEditForm(props: EditProps) {
  return (
    <ProjectPartForm
      {...props}
      title="Programma wijzigen"
      savedText="Het programma is opgeslagen."
      testId="programme-edit-form"
      prefix="programma"
      initial={programmeRows}
      prepare={(rows, project) =>
        preparePart('programme', collectProgramme(rows), project.programme, (items, version) => api.replaceProgramme(project.id, { version, items }))
      }
    >
      {(rows, setRows, errors) => (
        <>
          <Paragraph>Een regel zonder aantal woningen telt niet mee.</Paragraph>
          <ProgrammeRows prefix="programma" rows={rows} onChange={setRows} errors={errors} />
          <JaarschijvenSumCheck programme={collectProgramme(rows).items} jaarschijven={props.project.jaarschijven} />
        </>
      )}
    </ProjectPartForm>
  );
}

export function JaarschijvenEditForm(props: EditProps) {
  return (
    <ProjectPartForm
      {...props}
      title="Jaarschijven wijzigen"
      savedText="De jaarschijven zijn opgeslagen."
      testId="jaarschijven-edit-form"
      prefix="jaarschijven"
      initial={jaarschijfRows}
      prepare={(rows, project) =>
        preparePart('jaarschijven', collectJaarschijven(rows), project.jaarschijven, (items, version) =>
          api.replaceJaarschijven(project.id, { version, items }),
        )
      }
    >
      {(rows, setRows, errors) => (
        <>
          <ProgrammeHint />
          <JaarschijvenRows
            prefix="jaarschijven"
            rows={rows}
            onChange={setRows}
            errors={errors}
            defaultSegment={props.project.programme[0]?.segment}
          />
          <JaarschijvenSumCheck programme={props.project.programme} jaarschijven={collectJaarschijven(rows).items} />
        </>
      )}
    </ProjectPartForm>
  );
}

function ProgrammeHint() {
  return <Paragraph>Samen horen de jaarschijven per segment op te tellen tot het programma. Een lege regel telt niet mee.</Paragraph>;
}

export function PartiesEditForm({ organisations, ...props }: EditProps & { organisations: Organisation[] | undefined }) {
  if (!organisations) return <Loading>De organisaties worden geladen…</Loading>;
  return (
    <ProjectPartForm
      {...props}
      title="Partijen wijzigen"
      savedText="De partijen zijn opgeslagen."
      testId="parties-edit-form"
      prefix="partijen"
      initial={(p): PartyRow[] => p.parties.map((x) => ({ key: rowKey(), organisationId: x.organisationId, role: x.role }))}
      prepare={(rows, project) =>
        preparePart('parties', collectParties(rows), project.parties, (items, version) => api.replaceParties(project.id, { version, items }))
      }
    >
      {(rows, setRows, errors) => <PartyRows prefix="partijen" rows={rows} onChange={setRows} errors={errors} organisations={organisations} />}
    </ProjectPartForm>
  );
}
