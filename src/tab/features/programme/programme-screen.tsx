/**
 * The Programme screen: programme owners create programmes and run each one (health, settings,
 * people, matching); everyone else sees the programmes open to them and joins (member-programmes.tsx). Everything here,
 * the owner's words included, loads in the screen's own chunk, so the tab's first download does not grow.
 */
import { Button, Dropdown, Option, Subtitle2, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ProgrammeDto, ProgrammeListItemDto } from '../../api/mentoring-api';
import { useClock } from '../../app/clock';
import { useSession } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { MemberProgrammes } from './member-programmes';
import { OwnedProgramme, type ProgrammeSection } from './owned-programme';
import { ProgrammeForm } from './programme-form';
import { newDraft } from './programme-draft';
import { useOwnerText } from './owner-messages';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  title: { margin: 0 },
  choose: { display: 'grid', gap: tokens.spacingVerticalXS, maxWidth: '420px' },
});

/** `programmeId`: the route's programme (an invitation's link): shown first to a member, chosen for an owner. */
export default function ProgrammeScreen({ programmeId }: { programmeId?: string | undefined } = {}) {
  const { api } = useSession();
  const { t } = useI18n();
  const { o } = useOwnerText();
  const clock = useClock();
  const styles = useStyles();
  const { loaded, reload, replace } = useLoader((signal) => api.listProgrammes(signal), [api]);
  const [chosen, setChosen] = useState<string | undefined>(programmeId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | undefined>(undefined);
  const [section, setSection] = useState<ProgrammeSection>('health');

  if (loaded.state === 'loading') return <LoadingSkeleton />;
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;
  const { asOwner, programmes } = loaded.data;
  const programme = programmes.find((p) => p.id === chosen) ?? programmes[0];

  /** The list shows the programme as saved (new name, new dates) without reading it again. */
  const changed = (p: ProgrammeDto) =>
    replace((data) => {
      const listed = data.programmes.some((x) => x.id === p.id);
      const next: ProgrammeListItemDto = p;
      return { ...data, programmes: listed ? data.programmes.map((x) => (x.id === p.id ? next : x)) : [next, ...data.programmes] };
    });

  const create = () => {
    setCreating(true);
    setCreated(undefined);
  };
  const newButton = (
    <Button appearance={programmes.length === 0 ? 'primary' : 'secondary'} onClick={create}>
      {o('owner.new')}
    </Button>
  );

  return (
    <section className={styles.root} aria-labelledby="programme-title">
      <div className={styles.head}>
        <Title2 as="h1" id="programme-title" className={styles.title}>
          {creating ? o('owner.form.createTitle') : asOwner ? t('programme.title') : o('member.title')}
        </Title2>
        {asOwner && !creating && programmes.length > 0 ? newButton : null}
      </div>
      {!asOwner ? (
        <MemberProgrammes programmeId={programmeId} />
      ) : creating ? (
        <ProgrammeForm
          mode="create"
          initial={newDraft(clock())}
          onCancel={() => setCreating(false)}
          onSave={async (body) => {
            const p = await api.createProgramme(body);
            changed(p);
            setChosen(p.id);
            setCreated(p.name);
            setSection('people');
            setCreating(false);
          }}
        />
      ) : programme === undefined ? (
        <EmptyState message={o('owner.none')} action={newButton} />
      ) : (
        <>
          {created ? <Notice intent="success">{o('owner.created', { name: created })}</Notice> : null}
          {programmes.length > 1 ? (
            <div className={styles.choose}>
              <Text as="span" id="programme-choose" weight="semibold">
                {t('programme.choose')}
              </Text>
              <Dropdown
                aria-labelledby="programme-choose"
                value={programme.name}
                selectedOptions={[programme.id]}
                onOptionSelect={(_, data) => {
                  setChosen(data.optionValue);
                  setCreated(undefined);
                }}
              >
                {programmes.map((p) => (
                  <Option key={p.id} value={p.id}>
                    {p.name}
                  </Option>
                ))}
              </Dropdown>
            </div>
          ) : (
            <Subtitle2 as="h2">{programme.name}</Subtitle2>
          )}
          <OwnedProgramme key={programme.id} programmeId={programme.id} section={section} onSection={setSection} onChanged={changed} />
        </>
      )}
    </section>
  );
}
