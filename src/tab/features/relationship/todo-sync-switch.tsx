import { Field, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useApi } from '../../app/session';
import { Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({ box: { display: 'grid', gap: tokens.spacingVerticalXS } });

/**
 * "Show my action items in Microsoft To Do" for this relationship. The switch moves only when the API
 * says so: on answers after the list exists and the first sync ran; a refusal shows its reason.
 */
export function TodoSyncSwitch({ relationshipId, closed, onSynced }: { relationshipId: string; closed: boolean; onSynced: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const [state, setState] = useState<{ enabled: boolean; listName: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    api.getTodoSync(relationshipId, abort.signal).then(
      (s) => setState({ enabled: s.enabled, listName: s.listName }),
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(problemOf(error));
      },
    );
    return () => abort.abort();
  }, [api, relationshipId]);

  const change = async (enabled: boolean) => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      const s = await api.setTodoSync(relationshipId, enabled);
      setState({ enabled: s.enabled, listName: s.listName });
      setNotice(s.enabled ? t('actions.todo.synced', { list: s.listName }) : t('actions.todo.off'));
      // The first sync may have completed items that were done in To Do.
      if (s.synced && s.synced.completedFromTodo > 0) onSynced();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const listName = state?.listName ?? 'Mentoring';
  return (
    <div className={styles.box}>
      <Field hint={t('actions.todo.hint', { list: listName })}>
        <Switch
          checked={state?.enabled ?? false}
          disabled={busy || state === undefined || (closed && !state.enabled)}
          onChange={(_, d) => void change(d.checked)}
          label={t('actions.todo.label')}
        />
      </Field>
      {notice ? <Notice intent="success">{notice}</Notice> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
    </div>
  );
}
