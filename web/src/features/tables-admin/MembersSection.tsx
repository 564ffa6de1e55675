/**
 * The member organisations of a table (market parties, corporations, provinces, …): add one from the organisations
 * register with a search, remove one (the history keeps it); and the secretaries, with a link to invite one on the
 * Mensen page. Who may: the table's secretary, a province analyst of the province, an administrator.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useReference } from '../../api/hooks.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { label } from '../../labels.ts';
import { OutcomeMessage, type Outcome } from './FormParts.tsx';
import { problemOf, type RegionDetail } from './regionInput.ts';

type Member = RegionDetail['members'][number];

export function MembersSection({ region, onChanged }: { region: RegionDetail; onChanged: () => Promise<void> }) {
  const organisations = useReference('organisations');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const current = new Set(region.members.filter((m) => !m.leftOn).map((m) => m.organisationId));
  const needle = search.trim().toLocaleLowerCase('nl');
  const candidates = (organisations.data ?? [])
    .filter((o) => !current.has(o.id) && (!needle || o.name.toLocaleLowerCase('nl').includes(needle)))
    .slice(0, 50);
  const mayManage = region.permissions.mayManageMembers;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ type: 'ok', text: done });
      setChosen('');
      await onChanged();
    } catch (err) {
      const answer = problemOf(err);
      setMessage({ type: 'error', text: answer.message ?? Object.values(answer.errors).join(' ') });
    } finally {
      setBusy(false);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const org = organisations.data?.find((o) => o.id === chosen);
    if (!org) {
      setMessage({ type: 'error', text: 'Kies eerst een organisatie uit de lijst.' });
      return;
    }
    void run(() => api.addRegionMember(region.id, org.id), `${org.name} neemt nu deel aan de tafel.`);
  };

  return (
    <Section id="deelnemers" title="Deelnemers">
      <OutcomeMessage outcome={message} testId="region-members-status" />
      <Table<Member>
        caption="Organisaties die deelnemen of deelnamen"
        testId="region-members"
        rows={region.members}
        rowKey={(m) => `${m.organisationId}-${m.joinedOn}`}
        rowData={(m) => ({ 'data-organisation': m.organisationId, 'data-current': m.leftOn ? 'nee' : 'ja' })}
        scrollLabel="Deelnemers"
        empty={<Paragraph>Er nemen nog geen organisaties deel.</Paragraph>}
        columns={[
          { key: 'name', header: 'Organisatie', cell: (m) => m.name },
          { key: 'type', header: 'Soort', cell: (m) => label(m.type as Parameters<typeof label>[0]) },
          { key: 'joined', header: 'Sinds', cell: (m) => m.joinedOn, className: 'wbm-nowrap' },
          { key: 'left', header: 'Gestopt', cell: (m) => m.leftOn ?? '–', className: 'wbm-nowrap' },
          {
            key: 'action',
            header: 'Actie',
            cell: (m) =>
              mayManage && !m.leftOn ? (
                <Button
                  appearance="secondary-action"
                  small
                  disabled={busy}
                  onClick={() => void run(() => api.removeRegionMember(region.id, m.organisationId), `${m.name} neemt niet meer deel.`)}
                >
                  Verwijderen<VisuallyHidden>: {m.name}</VisuallyHidden>
                </Button>
              ) : (
                '–'
              ),
          },
        ]}
      />
      {mayManage && (
        <form onSubmit={add} noValidate data-testid="region-member-form">
          <FormField id="member-search" label="Zoek een organisatie" description="Typ een deel van de naam; kies daarna de organisatie.">
            <TextInput
              id="member-search"
              type="search"
              value={search}
              aria-describedby="member-search-help"
              onChange={(e) => setSearch(e.target.value)}
            />
          </FormField>
          <FormField id="member-choice" label="Organisatie">
            <Select id="member-choice" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Kies…</option>
              {candidates.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </FormField>
          <Button appearance="primary-action" type="submit" disabled={busy}>
            Deelnemer toevoegen
          </Button>
        </form>
      )}
      <Section id="secretarissen" title="Secretarissen">
        {region.secretaries.length === 0 ? (
          <Paragraph>Deze tafel heeft nog geen secretaris.</Paragraph>
        ) : (
          <ul data-testid="region-secretaries">
            {region.secretaries.map((s) => (
              <li key={s.userId}>
                {s.name}
                {s.email && ` (${s.email})`}
              </li>
            ))}
          </ul>
        )}
        {mayManage && (
          <ButtonLink appearance="secondary-action" to={`/beheer/mensen?uitnodigen=tafel_secretaris&regionId=${encodeURIComponent(region.id)}`}>
            Nodig een secretaris uit
          </ButtonLink>
        )}
      </Section>
    </Section>
  );
}
