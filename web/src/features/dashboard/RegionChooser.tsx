/** Choose a versnellingstafel, woondealregio, province or gemeente for the Tafeloverzicht. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/hooks.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { regionPath } from './drilldown.ts';
import { chooserPrincipal, gemeenteArea, mayOpenArea, provincieArea, regionArea } from './regionAccess.ts';
import { Button } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { OptionGroups, type OptionGroup } from '../../components/Options.tsx';
import { Select } from '../../components/Select.tsx';

export interface RegionChooserProps {
  /** Region id now shown. */
  current?: string;
  /** Its name, shown until the lists have loaded. */
  currentName?: string;
  /** False delays loading the lists (the dashboard first loads its own data). */
  load?: boolean;
}

export function RegionChooser({ current = '', currentName, load = true }: RegionChooserProps) {
  const id = useId();
  const navigate = useNavigate();
  const [choice, setChoice] = useState(current);
  useEffect(() => setChoice(current), [current]);
  const lists = useApi(
    queryKeys.reference.bundle('region-chooser'),
    (_signal, client) => Promise.all([fetchReference(client, 'regions'), fetchReference(client, 'provincies'), fetchReference(client, 'gemeenten')]),
    { enabled: load, staleTime: REFERENCE_STALE_TIME },
  );
  const [allRegions, allProvincies, allGemeenten] = lists.data ?? [[], [], []];
  // Only what this person may open: a choice never leads to "Geen toegang".
  const principal = chooserPrincipal(useAuth().state);
  const regions = allRegions.filter((r) => mayOpenArea(principal, regionArea(r, allGemeenten)));
  const provincies = allProvincies.filter((p) => mayOpenArea(principal, provincieArea(p.code, allGemeenten)));
  const gemeenten = allGemeenten.filter((g) => mayOpenArea(principal, gemeenteArea(g)));

  // One group of choices per kind of area; a group with nothing to choose is left out.
  const groups: OptionGroup[] = [
    // A stopped table keeps its history and stays choosable, marked as such (issue 11 item 1).
    {
      label: 'Versnellingstafels',
      options: regions.filter((r) => r.kind === 'versnellingstafel').map((r) => ({ value: r.id, text: r.endedOn ? `${r.name} (gestopt)` : r.name })),
    },
    { label: 'Woondealregio’s', options: regions.filter((r) => r.kind === 'woondealregio').map((r) => ({ value: r.id, text: r.name })) },
    { label: 'Provincies', options: provincies.map((p) => ({ value: `provincie:${p.code}`, text: `Provincie ${p.name}` })) },
    { label: 'Gemeenten', options: gemeenten.map((g) => ({ value: `gemeente:${g.code}`, text: `Gemeente ${g.name}` })) },
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice) navigate(regionPath(choice));
  };

  return (
    <form className="wbm-region-chooser" onSubmit={submit} aria-label="Kies een tafel of gebied">
      <FormField id={`${id}-regio`} label="Tafel of gebied">
        <Select id={`${id}-regio`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Kies een tafel of gebied</option>
          {!lists.data && current && <option value={current}>{currentName ?? current}</option>}
          <OptionGroups groups={groups} />
        </Select>
      </FormField>
      <Button appearance="secondary-action" type="submit">
        Toon overzicht
      </Button>
    </form>
  );
}
