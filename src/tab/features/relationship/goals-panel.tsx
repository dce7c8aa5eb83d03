import { Button, Card, CardHeader, ProgressBar, Text, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { GoalDto } from '../../../contracts';
import { useApi } from '../../app/session';
import { EmptyState, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { usePanelSave } from './use-panel-save';
import { GoalEditor, SMART_PARTS, smartHintKey, smartLabelKey } from './goal-editor';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  parts: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(160px, max-content) 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  hint: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

export function GoalsPanel({ relationshipId, goals, onChanged }: { relationshipId: string; goals: GoalDto[]; onChanged: () => void }) {
  const { t, format } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const [editing, setEditing] = useState<'new' | string | undefined>();
  const { saving, problem, notice, run: save } = usePanelSave(() => setEditing(undefined), onChanged);
  const run = (action: () => Promise<unknown>) => save(action, t('goals.saved'));

  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">{t('goals.title')}</Subtitle1>
      {notice ? <Notice intent={notice.intent}>{notice.text}</Notice> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      {goals.length === 0 && editing !== 'new' ? <EmptyState message={t('goals.empty')} /> : null}
      <ul className={styles.list}>
        {goals.map((goal) => (
          <li key={goal.id}>
            <Card>
              {editing === goal.id ? (
                <GoalEditor
                  initial={{ title: goal.title, smart: goal.smart, progress: goal.progress, ...(goal.targetDate ? { targetDate: goal.targetDate } : {}) }}
                  saving={saving}
                  onCancel={() => setEditing(undefined)}
                  onSave={(changes) => void run(() => api.updateGoal(relationshipId, goal, { ...changes, targetDate: changes.targetDate ?? null }))}
                />
              ) : (
                <>
                  <CardHeader
                    header={
                      <Text as="h3" weight="semibold" size={400}>
                        {goal.title}
                      </Text>
                    }
                    description={goal.targetDate ? <Text>{t('goals.targetDate')}: {format.date(`${goal.targetDate}T12:00:00Z`, 'UTC')}</Text> : undefined}
                    action={
                      <Button onClick={() => setEditing(goal.id)} aria-label={t('goals.edit', { title: goal.title })}>
                        {t('common.edit')}
                      </Button>
                    }
                  />
                  <dl className={styles.parts}>
                    {SMART_PARTS.filter((part) => goal.smart[part].trim()).map((part) => (
                      <div key={part} style={{ display: 'contents' }}>
                        <dt>
                          <Text weight="semibold">{t(smartLabelKey[part])}</Text>
                        </dt>
                        <dd style={{ margin: 0 }}>{goal.smart[part]}</dd>
                      </div>
                    ))}
                  </dl>
                  {goal.missing.length > 0 ? (
                    <Text className={styles.hint} id={`missing-${goal.id}`}>
                      {t('goals.missingTitle')}
                    </Text>
                  ) : null}
                  {goal.missing.length > 0 ? (
                    <ul aria-labelledby={`missing-${goal.id}`}>
                      {goal.missing.map((m) => (
                        <li key={m.part} className={styles.hint}>
                          {t(smartHintKey[m.part])}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <ProgressBar value={goal.progress / 100} aria-label={t('goals.progressValue', { percent: goal.progress })} />
                  <Text size={200}>{t('goals.progressValue', { percent: goal.progress })}</Text>
                </>
              )}
            </Card>
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <Card>
          <GoalEditor saving={saving} onCancel={() => setEditing(undefined)} onSave={(goal) => void run(() => api.addGoal(relationshipId, goal))} />
        </Card>
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setEditing('new')}>
            {t('goals.add')}
          </Button>
        </div>
      )}
    </div>
  );
}
