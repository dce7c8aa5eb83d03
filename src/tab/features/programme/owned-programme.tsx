/**
 * One programme for its owner, in four parts: how it is doing (health), its settings, its people
 * (invitations and who joined) and the cohort's matching. The programme is read afresh here, so an
 * edit goes out on the version just read.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { ProgrammeDto } from '../../api/mentoring-api';
import { useSession } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { OverflowTabList } from '../../components/overflow-tab-list';
import { useI18n } from '../../i18n/i18n';
import { ProgrammeForm } from './programme-form';
import { draftOf } from './programme-draft';
import { ProgrammeHealthPanel } from './programme-health-panel';
import { ProgrammeMatching } from './programme-matching';
import { ProgrammePeople } from './programme-people';
import { useOwnerText } from './owner-messages';

// The owner's announcement panel (write, send, watch it go out) loads in its own chunk.
const AnnouncementPanel = lazy(() => import('./announcement-panel'));

export type ProgrammeSection = 'health' | 'settings' | 'people' | 'matching';
const SECTIONS: readonly ProgrammeSection[] = ['health', 'settings', 'people', 'matching'];

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 },
});

export interface OwnedProgrammeProps {
  readonly programmeId: string;
  readonly section: ProgrammeSection;
  readonly onSection: (section: ProgrammeSection) => void;
  /** The programme as saved, so the list around it shows the new name and dates. */
  readonly onChanged: (programme: ProgrammeDto) => void;
}

export function OwnedProgramme({ programmeId, section, onSection, onChanged }: OwnedProgrammeProps) {
  const { api } = useSession();
  const { o } = useOwnerText();
  const { t, format } = useI18n();
  const styles = useStyles();
  const { loaded, reload, replace } = useLoader((signal) => api.getProgramme(programmeId, signal), [api, programmeId]);
  const [savedAt, setSavedAt] = useState<string | undefined>(undefined);

  if (loaded.state === 'loading') return <LoadingSkeleton />;
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;
  const programme = loaded.data;
  const saved = (p: ProgrammeDto) => {
    replace(() => p);
    onChanged(p);
  };

  return (
    <div className={styles.root}>
      <Text>{t('programme.dates', { start: format.civilDate(programme.startDate), end: format.civilDate(programme.endDate) })}</Text>
      {programme.purpose ? <Text>{programme.purpose}</Text> : null}
      <OverflowTabList
        items={SECTIONS.map((s) => ({ value: s, label: o(`owner.section.${s}`) }))}
        selected={section}
        onSelect={(value) => onSection(value as ProgrammeSection)}
        ariaLabel={o('owner.section.label')}
        moreLabel={(count) => o('owner.section.more', { count })}
      />
      {section === 'health' ? (
        <>
          <ProgrammeHealthPanel key={programme.id} programmeId={programme.id} />
          <Suspense fallback={<LoadingSkeleton />}>
            <AnnouncementPanel key={`announce-${programme.id}`} programmeId={programme.id} />
          </Suspense>
        </>
      ) : null}
      {section === 'settings' ? (
        <>
          {savedAt === programme.version ? <Notice intent="success">{o('owner.form.saved')}</Notice> : null}
          <ProgrammeForm
            key={programme.id}
            mode="edit"
            initial={draftOf(programme)}
            onSave={async (body) => {
              const next = await api.updateProgramme(programme.id, body, programme.version);
              saved(next);
              setSavedAt(next.version);
            }}
          />
        </>
      ) : null}
      {section === 'people' ? <ProgrammePeople key={programme.id} programme={programme} onSaved={saved} /> : null}
      {section === 'matching' ? <ProgrammeMatching key={programme.id} programme={programme} /> : null}
    </div>
  );
}
