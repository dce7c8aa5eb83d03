/** "Send a nudge" for one pair at risk: the bot's words to both, at most once in seven days (the 409 says when next). */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useSession } from '../../app/session';
import { ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({ root: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' } });

export function NudgeButton({ programmeId, relationshipId, pairName }: { programmeId: string; relationshipId: string; pairName: string }) {
  const { api } = useSession();
  const { t, format } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'sent'; next: string } | { kind: 'problem'; problem: ApiProblem }>({ kind: 'idle' });

  const nudge = async () => {
    setState({ kind: 'sending' });
    try {
      const done = await api.nudgePair(programmeId, relationshipId);
      setState({ kind: 'sent', next: done.nextPossibleAt });
    } catch (error) {
      setState({ kind: 'problem', problem: problemOf(error) });
    }
  };

  if (state.kind === 'sent') return <Text role="status">{t('programme.nudge.sent', { date: format.date(state.next) })}</Text>;
  return (
    <div className={styles.root}>
      <Button size="small" title={t('programme.nudge.about')} aria-label={`${t('programme.nudge.send')}: ${pairName}`} disabled={state.kind === 'sending'} onClick={() => void nudge()}>
        {state.kind === 'sending' ? t('programme.nudge.sending') : t('programme.nudge.send')}
      </Button>
      {state.kind === 'problem' ? <ProblemMessage problem={state.problem} /> : null}
    </div>
  );
}
