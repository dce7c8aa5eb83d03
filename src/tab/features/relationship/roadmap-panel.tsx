import { Button, Field, Input, Select, Text, Textarea, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { MeetingDto, RoadmapDto } from '../../../contracts';
import type { RoadmapThemeInput } from '../../api/mentoring-api';
import { useApi } from '../../app/session';
import { EmptyState, Notice, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { useI18n, type Translate } from '../../i18n/i18n';
import { usePanelSave } from './use-panel-save';
import { RoadmapMeetingsPicker } from './roadmap-meetings-picker';
import { SortableItem, SortableList } from './roadmap-sortable';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  theme: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1, minWidth: '240px' },
});

/** A theme being edited; `meetings` are the meeting numbers chosen for it. */
interface DraftTheme {
  key: string;
  id?: string;
  title: string;
  notes: string;
  meetings: number[];
  templateId?: string;
}

const MAX_MEETING = 50;

function toDraft(roadmap: RoadmapDto | undefined): DraftTheme[] {
  return (roadmap?.themes ?? []).map((theme) => ({
    key: theme.id,
    id: theme.id,
    title: theme.title,
    notes: theme.notes,
    meetings: [...theme.meetingNumbers],
    ...(theme.templateId ? { templateId: theme.templateId } : {}),
  }));
}

/** The numbers the API takes (whole, 1 to 50), sorted and without repeats; undefined for any other. */
export function meetingNumbersOf(numbers: readonly number[]): number[] | undefined {
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_MEETING)) return undefined;
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** The roadmap as the API takes it, or the first problem per theme (same rules as the API). */
export function checkRoadmap(themes: DraftTheme[], t: Translate): { ok: true; themes: RoadmapThemeInput[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const out: RoadmapThemeInput[] = [];
  for (const theme of themes) {
    const title = theme.title.trim().replace(/\s+/g, ' ');
    const meetingNumbers = meetingNumbersOf(theme.meetings);
    if (!title) errors[theme.key] = t('roadmap.titleRequired');
    else if (seen.has(title.toLowerCase())) errors[theme.key] = t('roadmap.duplicate');
    else if (!meetingNumbers) errors[theme.key] = t('roadmap.meetingsInvalid');
    seen.add(title.toLowerCase());
    out.push({
      ...(theme.id ? { id: theme.id } : {}),
      title,
      notes: theme.notes.trim(),
      meetingNumbers: meetingNumbers ?? [],
      ...(theme.templateId ? { templateId: theme.templateId } : {}),
    });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, themes: out };
}

let nextKey = 0;
/** A key for a theme row that is not saved yet. */
function newThemeKey(): string {
  nextKey += 1;
  return `new-${nextKey}`;
}

export function RoadmapPanel({
  relationshipId,
  roadmap,
  meetings,
  plannedCount,
  reverse,
  onChanged,
}: {
  relationshipId: string;
  roadmap: RoadmapDto | undefined;
  /** The relationship's meetings, to plan themes for. */
  meetings: readonly MeetingDto[];
  /** How many meetings the agreement in force plans (0 when it sets an end date instead). */
  plannedCount: number;
  reverse: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const templates = useLoader((signal) => api.listRoadmapTemplates(reverse, signal), [api, reverse]);
  const [themes, setThemes] = useState<DraftTheme[]>(() => toDraft(roadmap));
  // The panel stays mounted across the reload a save causes (so its confirmation stays on screen); a
  // version saved elsewhere (the reload after a conflict) replaces the draft.
  const [seenVersion, setSeenVersion] = useState(roadmap?.version);
  const [basedOn, setBasedOn] = useState(roadmap?.version);
  if (roadmap?.version !== seenVersion) {
    setSeenVersion(roadmap?.version);
    if (roadmap?.version !== basedOn) {
      setBasedOn(roadmap?.version);
      setThemes(toDraft(roadmap));
    }
  }
  const [templateId, setTemplateId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { saving, problem, notice, run } = usePanelSave(() => undefined, onChanged);

  const update = (key: string, patch: Partial<DraftTheme>) => setThemes((list) => list.map((th) => (th.key === key ? { ...th, ...patch } : th)));
  const addTemplate = () => {
    if (templates.loaded.state !== 'ready') return;
    const template = templates.loaded.data.find((x) => x.id === templateId);
    if (!template) return;
    const have = new Set(themes.map((th) => th.title.trim().toLowerCase()));
    const added = template.themes
      .filter((th) => !have.has(th.title.toLowerCase()))
      .map((th) => ({ key: newThemeKey(), title: th.title, notes: th.notes, meetings: [], templateId: th.id }));
    setThemes((list) => [...list, ...added]);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRoadmap(themes, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    await run(async () => {
      const saved = await api.saveRoadmap(relationshipId, checked.themes, basedOn);
      setBasedOn(saved.version);
      setThemes(toDraft(saved));
    }, t('roadmap.saved'));
  };

  return (
    <form className={styles.panel} onSubmit={save} noValidate aria-labelledby="roadmap-title">
      <Subtitle1 as="h2" id="roadmap-title">
        {t('roadmap.title')}
      </Subtitle1>
      <Text>{t('roadmap.intro')}</Text>
      {notice ? <Notice intent={notice.intent}>{notice.text}</Notice> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className={styles.row}>
        <Field label={t('roadmap.template')}>
          <Select value={templateId} onChange={(_, d) => setTemplateId(d.value)}>
            <option value="">{t('roadmap.chooseTemplate')}</option>
            {templates.loaded.state === 'ready'
              ? templates.loaded.data.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.title}
                  </option>
                ))
              : null}
          </Select>
        </Field>
        <Button onClick={addTemplate} disabled={!templateId}>
          {t('roadmap.addFromTemplate')}
        </Button>
      </div>
      {themes.length === 0 ? <EmptyState message={t('roadmap.empty')} /> : null}
      <SortableList items={themes} label={(n) => t('roadmap.themeTitle', { n })} onReorder={setThemes}>
        <ol className={styles.list}>
          {themes.map((theme, index) => {
            const n = index + 1;
            const error = errors[theme.key];
            return (
              <SortableItem key={theme.key} id={theme.key} className={styles.theme} handleLabel={t('roadmap.dragHandle', { n })}>
                {(handle) => (
                  <>
                    <div className={styles.row}>
                      {handle}
                      <Field label={t('roadmap.themeTitle', { n })} required className={styles.grow} {...(error ? { validationState: 'error', validationMessage: error } : {})}>
                        <Input value={theme.title} onChange={(_, d) => update(theme.key, { title: d.value })} />
                      </Field>
                      <RoadmapMeetingsPicker label={t('roadmap.meetings', { n })} meetings={meetings} plannedCount={plannedCount} chosen={theme.meetings} onChange={(numbers) => update(theme.key, { meetings: numbers })} />
                    </div>
                    <Field label={t('roadmap.themeNotes', { n })}>
                      <Textarea value={theme.notes} resize="vertical" onChange={(_, d) => update(theme.key, { notes: d.value })} />
                    </Field>
                    <div className={styles.row}>
                      <Button size="small" onClick={() => setThemes((list) => list.filter((x) => x.key !== theme.key))}>
                        {t('roadmap.remove', { n })}
                      </Button>
                    </div>
                  </>
                )}
              </SortableItem>
            );
          })}
        </ol>
      </SortableList>
      <div className={styles.row}>
        <Button onClick={() => setThemes((list) => [...list, { key: newThemeKey(), title: '', notes: '', meetings: [] }])}>{t('roadmap.add')}</Button>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('common.saving') : t('roadmap.save')}
        </Button>
      </div>
    </form>
  );
}
