/**
 * The owner's announcement to everyone in a programme: write it (the contract's length cap, counted
 * as you type), send it once (a key made per text, sent again on a retry, so a retry never sends
 * twice), and watch it go out — the bot delivers inside each person's contact hours, so the panel
 * polls the counts until nobody is left queued or waiting. Counts only, never who. Its own chunk.
 */
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../contracts/common';
import type { AnnouncementDto } from '../../../contracts/programmes';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useSession } from '../../app/session';
import { ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';

/** How often the progress is read again while the announcement goes out. */
export const ANNOUNCEMENT_POLL_MS = 2000;

/** The contract's cap (ANNOUNCEMENT_MAX_CHARS is LIMITS.shortText): the tab imports no schema for it. */
const ANNOUNCEMENT_MAX_CHARS = LIMITS.shortText;

const REASONS = ['NOT_INSTALLED', 'NO_PROFILE', 'APP_REMOVED', 'EXPIRED', 'FAILED', 'NO_CONTACT_HOURS'] as const;

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // A long link or word in the owner's text wraps instead of widening a 320 px screen.
  sent: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', margin: 0 },
  counts: { display: 'grid', gap: tokens.spacingVerticalXXS, margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

export default function AnnouncementPanel({ programmeId, pollMs = ANNOUNCEMENT_POLL_MS }: { programmeId: string; pollMs?: number }) {
  const { api } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [sent, setSent] = useState<AnnouncementDto | undefined>(undefined);
  /** The key of the text last tried: the same text sent again is a retry of the same announcement. */
  const attempt = useRef<{ text: string; key: string } | undefined>(undefined);

  const length = [...text].length;
  const tooLong = length > ANNOUNCEMENT_MAX_CHARS;
  const empty = text.trim().length === 0;

  // While it goes out, read the counts again; stop when done or when the panel goes away.
  useEffect(() => {
    if (!sent || sent.done) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .getAnnouncement(programmeId, sent.id, controller.signal)
        .then((next) => {
          setProblem(undefined);
          setSent(next);
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setProblem(problemOf(error));
        });
    }, pollMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, programmeId, sent, pollMs]);

  const send = async () => {
    if (empty || tooLong) return;
    const key = attempt.current?.text === text ? attempt.current.key : newKey();
    attempt.current = { text, key };
    setSending(true);
    setProblem(undefined);
    try {
      setSent(await api.sendAnnouncement(programmeId, key, text));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSending(false);
    }
  };

  const another = () => {
    setSent(undefined);
    setText('');
    attempt.current = undefined;
    setProblem(undefined);
  };

  const p = sent?.progress;
  const handled = p ? p.sent + p.notReachable : 0;
  return (
    <section className={styles.root} aria-labelledby={`announce-${programmeId}`}>
      <Subtitle2 as="h2" id={`announce-${programmeId}`}>
        {t('programme.announce.title')}
      </Subtitle2>
      <Text>{t('programme.announce.intro', { max: ANNOUNCEMENT_MAX_CHARS })}</Text>
      {!sent ? (
        <>
          <Field
            label={t('programme.announce.label')}
            validationState={tooLong ? 'error' : 'none'}
            validationMessage={tooLong ? t('programme.announce.tooLong', { count: length, max: ANNOUNCEMENT_MAX_CHARS }) : undefined}
            hint={t('programme.announce.count', { count: length, max: ANNOUNCEMENT_MAX_CHARS })}
          >
            <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" rows={4} disabled={sending} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={sending || empty || tooLong} onClick={() => void send()}>
              {sending ? t('programme.announce.sending') : t('programme.announce.send')}
            </Button>
            {empty && text.length > 0 ? <Text>{t('programme.announce.empty')}</Text> : null}
          </div>
        </>
      ) : (
        <>
          <Text as="p" className={styles.sent}>
            {sent.text}
          </Text>
          <Field label={t('programme.announce.progressLabel')} hint={t('programme.announce.progress', { done: handled, planned: p!.planned })}>
            <ProgressBar value={p!.planned > 0 ? handled / p!.planned : 0} max={1} thickness="large" aria-label={t('programme.announce.progressLabel')} />
          </Field>
          <ul className={styles.counts}>
            <li>{t('programme.announce.sent', { count: p!.sent })}</li>
            <li>{t('programme.announce.queued', { count: p!.queued })}</li>
            <li>{t('programme.announce.waiting', { count: p!.waiting })}</li>
            <li>
              {t('programme.announce.notReachable', { count: p!.notReachable })}
              {p!.notReachable > 0
                ? ` (${REASONS.filter((r) => p!.notReachableByReason[r] > 0)
                    .map((r) => t(`programme.announce.reason.${r}`, { count: p!.notReachableByReason[r] }))
                    .join(', ')})`
                : null}
            </li>
          </ul>
          <Text size={200}>{t('programme.announce.countsOnly')}</Text>
          {sent.done ? (
            <>
              {/* Multiline: the sentence wraps at 320 px instead of widening the screen. */}
              <MessageBar intent="success" layout="multiline" role="status">
                <MessageBarBody>{t('programme.announce.done')}</MessageBarBody>
              </MessageBar>
              <div className={styles.actions}>
                <Button onClick={another}>{t('programme.announce.another')}</Button>
              </div>
            </>
          ) : null}
        </>
      )}
      {problem ? <ProblemMessage problem={problem} {...(sent ? {} : { onRetry: () => void send() })} /> : null}
    </section>
  );
}
