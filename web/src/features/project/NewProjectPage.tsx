/**
 * Nieuw project (/projecten/nieuw): a gemeente (its own gemeente, chosen for it) or an administrator creates a
 * project — name, plan status, origin, flags, location (coordinates in WGS84 or RD New, or a click on the map),
 * programme, jaarschijven, parties and (optionally) planned milestone dates — with POST /projects, then goes to the new project's page. Checked first
 * with the server's rules; the server's errors appear next to their fields, and nothing typed is lost.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { projectSaved } from '../../api/invalidation.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { Gemeente, Organisation } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { mayCreateProjectIn, mayCreateProjects } from '../../auth/permissions.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { CoreFields } from './CoreFields.tsx';
import { fieldId, FormErrors, invalidProps } from './formParts.tsx';
import { JaarschijvenSumCheck } from './JaarschijvenSumCheck.tsx';
import { collectMilestones, type MilestoneRow } from './milestoneInput.ts';
import { MilestoneRows } from './MilestoneRows.tsx';
import { JaarschijvenRows, PartyRows, ProgrammeRows } from './PartRows.tsx';
import {
  collectCore,
  collectJaarschijven,
  collectParties,
  collectProgramme,
  EMPTY_CORE,
  errorsOf,
  mapServerIssues,
  newJaarschijfRow,
  newProgrammeRow,
  type FieldErrors,
  type PartyRow,
} from './projectForm.ts';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';

const PREFIX = 'nieuw';

export function NewProjectPage() {
  usePageTitle('Nieuw project');
  const { state } = useAuth();
  const reference = useApi(
    queryKeys.reference.bundle('new-project'),
    (_signal, client) => Promise.all([fetchReference(client, 'gemeenten'), fetchReference(client, 'organisations')]),
    { staleTime: REFERENCE_STALE_TIME, enabled: state.status !== 'loading' && mayCreateProjects(state) },
  );
  if (state.status === 'loading') return <Loading />;
  if (!mayCreateProjects(state)) {
    return (
      <>
        <Heading level={1}>Nieuw project</Heading>
        <Paragraph data-testid="new-project-not-allowed">
          U kunt geen projecten aanmaken. Dat doet de gemeente waarin het project ligt. <TextLink to="/projecten">Terug naar de projecten</TextLink>
        </Paragraph>
      </>
    );
  }
  if (reference.state === 'error') return <ErrorMessage error={reference.error} retry={reference.reload} />;
  if (!reference.data) return <Loading>Het formulier wordt geladen…</Loading>;
  const [gemeenten, organisations] = reference.data;
  const allowed = gemeenten.filter((g) => mayCreateProjectIn(state, g.code)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return <NewProjectForm gemeenten={allowed} organisations={organisations} />;
}

function NewProjectForm({ gemeenten, organisations }: { gemeenten: Gemeente[]; organisations: Organisation[] }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [gemeenteCode, setGemeenteCode] = useState(gemeenten.length === 1 ? gemeenten[0]!.code : '');
  const [core, setCore] = useState(EMPTY_CORE);
  const [programme, setProgramme] = useState(() => [newProgrammeRow()]);
  const [jaarschijven, setJaarschijven] = useState(() => [newJaarschijfRow()]);
  const [parties, setParties] = useState<PartyRow[]>([]);
  const [milestones, setMilestones] = useState<MilestoneRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | { kind: 'none' }>({ kind: 'none' });

  const programmeItems = collectProgramme(programme);
  const jaarschijfItems = collectJaarschijven(jaarschijven);

  const fail = (found: FieldErrors, otherMessages: string[] = []) => {
    setErrors(found);
    setOther(otherMessages);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem({ kind: 'none' });
    const c = collectCore(core);
    const pa = collectParties(parties);
    const ms = collectMilestones(milestones);
    const found: FieldErrors = { ...c.errors, ...programmeItems.errors, ...jaarschijfItems.errors, ...pa.errors, ...ms.errors };
    if (!gemeenteCode) found.gemeenteCode = 'Kies de gemeente waarin het project ligt.';
    if (Object.keys(found).length > 0) return fail(found);
    setErrors({});
    setOther([]);
    setBusy(true);
    try {
      const created = await api.createProject({
        ...c.fields,
        gemeenteCode,
        programme: programmeItems.items,
        jaarschijven: jaarschijfItems.items,
        parties: pa.items,
        // All twelve milestones (those of the rows with their dates), so each can be planned on the project page.
        milestones: ms.items,
      });
      void projectSaved(queryClient, created);
      navigate(`/projecten/${created.id}`);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 422) && err.problem?.errors?.length) {
        const mapped = mapServerIssues(err.problem.errors, {
          rowOf: { programme: programmeItems.rowOf, jaarschijven: jaarschijfItems.rowOf, parties: pa.rowOf, milestones: ms.rowOf },
          system: core.location.system,
        });
        fail(mapped.errors, mapped.other);
      } else {
        setProblem(saveProblem(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const gemeenteId = fieldId(PREFIX, 'gemeenteCode');
  return (
    <>
      <Paragraph>
        <TextLink to="/projecten">
          <span aria-hidden="true">← </span>Alle projecten
        </TextLink>
      </Paragraph>
      <Heading level={1}>Nieuw project</Heading>
      <Paragraph lead>
        Vul de naam en de planstatus in. Het programma, de jaarschijven, de ligging, de partijen en de mijlpalen kunt u nu of later invullen.
        Mijlpalen die u nu niet invult, plant u later op de projectpagina.
      </Paragraph>
      <FormErrors
        prefix={PREFIX}
        errors={errors}
        other={other}
        attempt={attempt}
        title="Het project is nog niet aangemaakt. Controleer het formulier"
        testId="new-project-errors"
      />
      <SaveProblemAlert outcome={problem} notSaved="Het project is niet aangemaakt." reloaded="" onReload={() => undefined} />
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="new-project-form" className="wbm-project-form">
        <Section id="nieuw-kerngegevens" title="Kerngegevens">
          <FormField id={gemeenteId} label="Gemeente" error={errors.gemeenteCode}>
            <Select
              id={gemeenteId}
              value={gemeenteCode}
              onChange={(e) => setGemeenteCode(e.target.value)}
              {...invalidProps(gemeenteId, errors.gemeenteCode)}
            >
              {gemeenten.length !== 1 && <option value="">Kies de gemeente…</option>}
              {gemeenten.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </Select>
          </FormField>
          <CoreFields prefix={PREFIX} values={core} onChange={setCore} errors={errors} gemeenteCode={gemeenteCode} />
        </Section>
        <Section id="nieuw-programma" title="Programma">
          <Paragraph>Hoeveel woningen komen er, per segment, woningtype en doelgroep? Een regel zonder aantal telt niet mee.</Paragraph>
          <ProgrammeRows prefix={PREFIX} rows={programme} onChange={setProgramme} errors={errorsOf(errors, 'programme')} />
        </Section>
        <Section id="nieuw-jaarschijven" title="Jaarschijven">
          <Paragraph>
            In welk jaar worden hoeveel woningen opgeleverd? Samen horen de jaarschijven per segment op te tellen tot het programma.
          </Paragraph>
          <JaarschijvenRows
            prefix={PREFIX}
            rows={jaarschijven}
            onChange={setJaarschijven}
            errors={errorsOf(errors, 'jaarschijven')}
            defaultSegment={programme[0]?.segment}
          />
          <JaarschijvenSumCheck programme={programmeItems.items} jaarschijven={jaarschijfItems.items} />
        </Section>
        <Section id="nieuw-partijen" title="Partijen">
          <Paragraph>Welke organisaties werken aan het project, en in welke rol?</Paragraph>
          <PartyRows prefix={PREFIX} rows={parties} onChange={setParties} errors={errorsOf(errors, 'parties')} organisations={organisations} />
        </Section>
        <Section id="nieuw-mijlpalen" title="Mijlpalen (niet verplicht)">
          <Paragraph>
            Weet u al wanneer een mijlpaal gepland is? Kies de mijlpaal en vul de basisplanning en eventueel de prognose in. De andere mijlpalen
            krijgen nog geen datum.
          </Paragraph>
          <MilestoneRows prefix={PREFIX} rows={milestones} onChange={setMilestones} errors={errorsOf(errors, 'milestones')} />
        </Section>
        <ButtonGroup className="wbm-button-row">
          <SubmitButton busy={busy} busyText="Bezig met aanmaken…">
            Project aanmaken
          </SubmitButton>
          <ButtonLink appearance="secondary-action" to="/projecten">
            Annuleren
          </ButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}
