/**
 * "Kerngegevens wijzigen": name, description, plan status, origin, flags and location (PATCH /projects/:id with the
 * version last read). Only the fields that changed are sent; a location left as it was is not sent again (its text
 * is rounded, the stored point is not).
 */
import { api } from '../../api/client.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { CoreFields } from './CoreFields.tsx';
import { locationTextFromPoint } from './locationInput.ts';
import { collectCore, mapServerIssues, type CoreValues } from './projectForm.ts';
import { ProjectPartForm, type Prepared } from './ProjectPartForm.tsx';

const PREFIX = 'kern';

function initial(project: ProjectDetail): CoreValues {
  return {
    name: project.name,
    description: project.description ?? '',
    planStatus: project.planStatus,
    origin: project.origin,
    flags: [...project.flags],
    location: locationTextFromPoint(project.location),
  };
}

const sameLocationText = (a: CoreValues['location'], b: CoreValues['location']) =>
  a.system === b.system && (a.system === 'wgs84' ? a.lat.trim() === b.lat && a.lon.trim() === b.lon : a.x.trim() === b.x && a.y.trim() === b.y);

/** The changed fields only, or what is wrong. */
export function prepareCore(values: CoreValues, project: ProjectDetail): Prepared {
  const { fields, errors } = collectCore(values);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const before = initial(project);
  const patch: Parameters<typeof api.updateProject>[1] = { version: project.version };
  if (fields.name !== project.name) patch.name = fields.name;
  if (fields.description !== (project.description || null)) patch.description = fields.description;
  if (fields.planStatus !== project.planStatus) patch.planStatus = fields.planStatus;
  if (fields.origin !== project.origin) patch.origin = fields.origin;
  if ([...fields.flags].sort().join() !== [...project.flags].sort().join()) patch.flags = fields.flags;
  const unchangedLocation = sameLocationText(values.location, before.location) || (!project.location && fields.location === null);
  if (!unchangedLocation) patch.location = fields.location;
  if (Object.keys(patch).length === 1) return { kind: 'unchanged' };
  return {
    kind: 'save',
    send: (version) => api.updateProject(project.id, { ...patch, version }),
    mapIssues: (issues) => mapServerIssues(issues, { system: values.location.system }),
  };
}

export function CoreEditForm(props: { project: ProjectDetail; onSaved: (p: ProjectDetail) => void; onReload: () => Promise<void> }) {
  return (
    <ProjectPartForm
      {...props}
      title="Kerngegevens wijzigen"
      savedText="De kerngegevens zijn opgeslagen."
      testId="core-edit-form"
      prefix={PREFIX}
      initial={initial}
      prepare={prepareCore}
    >
      {(values, setValues, errors) => (
        <CoreFields prefix={PREFIX} values={values} onChange={setValues} errors={errors} gemeenteCode={props.project.gemeenteCode} />
      )}
    </ProjectPartForm>
  );
}
