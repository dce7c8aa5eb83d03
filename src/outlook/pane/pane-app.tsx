/**
 * The mentoring pane in Outlook: on a mentoring appointment (read or compose, organizer or attendee) it
 * shows the meeting's themes, the goals they serve with their progress, the open action items (the
 * tab's own agenda component, chosen by the same core rules as the invite), both people's local times
 * for the time Outlook shows now, whether that time keeps the agreement (the guard's own check), and a
 * link that opens the relationship in the Teams tab. Any other appointment: it says it is not a
 * mentoring meeting.
 */
import { Button, FluentProvider, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BoundaryCheckDto, MeetingLookupDto } from '../../contracts/booking';
import type { MeetingDto, RelationshipDetailDto } from '../../contracts';
import type { ApiClient } from '../../tab/api/api-client';
import { problemOf, type ApiProblem } from '../../tab/api/api-error';
import { ProblemMessage } from '../../tab/app/state-views';
import { agendaOf, MeetingAgendaPreview } from '../../tab/features/relationship/meeting-agenda-preview';
import { fluentThemeFor } from '../../tab/host/fluent-theme';
import type { HostThemeName } from '../../tab/host/query-overrides';
import { I18nProvider, useI18n, type Language } from '../../tab/i18n/i18n';
import { boundaryWords } from '../boundary-words';
import { paneTranslator } from './pane-messages';
import type { PaneHost } from './pane-host';

export type PaneSignIn =
  /** Nested app authentication: `interactive` shows Outlook's sign-in popup (from a click). */
  | { readonly kind: 'naa'; interactive(): Promise<void> }
  /** `npm start`'s local identity issuer, labelled as the stand-in it is. */
  | { readonly kind: 'local'; readonly name: string };

export interface PaneAppProps {
  readonly host: PaneHost;
  readonly client: ApiClient;
  readonly signIn: PaneSignIn;
  readonly language: Language;
  readonly locale?: string;
  readonly theme: HostThemeName;
  /** The Teams deep link (or the tab's URL) that opens this relationship's schedule. */
  readonly relationshipLink: (relationshipId: string) => string;
}

type State =
  | { kind: 'loading' }
  | { kind: 'notMentoring' }
  | { kind: 'signInNeeded'; failed: boolean }
  | { kind: 'problem'; problem: ApiProblem }
  | { kind: 'meetingGone'; relationshipId: string }
  | { kind: 'ready'; detail: RelationshipDetailDto; meeting: MeetingDto; verdict: BoundaryCheckDto | undefined };

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
  },
  section: { display: 'grid', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  label: { color: tokens.colorNeutralForeground3 },
});

/** The organizer's event carries our ids; an attendee's copy only the invite's iCalUId, which the API looks up among the caller's meetings. */
async function mentoringIdsOf(host: PaneHost, client: ApiClient) {
  const ids = await host.mentoringIds();
  if (ids) return ids;
  const iCalUId = await host.iCalUId();
  if (!iCalUId) return undefined;
  try {
    return await client.get<MeetingLookupDto>(`/api/meetings/by-ical-uid/${encodeURIComponent(iCalUId)}`);
  } catch (error) {
    if (problemOf(error).kind === 'notFound') return undefined;
    throw error;
  }
}

async function loadPane(host: PaneHost, client: ApiClient): Promise<State> {
  const ids = await mentoringIdsOf(host, client);
  if (!ids) return { kind: 'notMentoring' };
  const base = `/api/relationships/${encodeURIComponent(ids.relationshipId)}`;
  const [detail, time] = await Promise.all([client.get<RelationshipDetailDto>(base), host.appointmentTime()]);
  const meeting = detail.meetings.find((m) => m.id === ids.meetingId);
  if (!meeting) return { kind: 'meetingGone', relationshipId: ids.relationshipId };
  const verdict = await client
    .post<BoundaryCheckDto>(`${base}/meetings/${encodeURIComponent(ids.meetingId)}/boundary-check`, { start: time.start, end: time.end })
    .catch(() => undefined);
  return { kind: 'ready', detail, meeting, verdict };
}

function PaneBody({ state, props, reload }: { state: State; props: PaneAppProps; reload: () => void }) {
  const styles = useStyles();
  const { t: tabT, language } = useI18n();
  const t = useMemo(() => paneTranslator(language), [language]);
  const words = useMemo(() => boundaryWords(language, props.locale), [language, props.locale]);
  const [signingIn, setSigningIn] = useState(false);

  switch (state.kind) {
    case 'loading':
      return <Spinner size="small" label={t('pane.loading')} />;
    case 'notMentoring':
      return <Text>{t('pane.notMentoring')}</Text>;
    case 'signInNeeded': {
      const { signIn } = props;
      return (
        <div className={styles.section}>
          <Text>{state.failed ? t('pane.signIn.failed') : t('pane.signIn.needed')}</Text>
          {signIn.kind === 'naa' ? (
            <Button
              appearance="primary"
              disabled={signingIn}
              onClick={() => {
                setSigningIn(true);
                signIn.interactive().then(
                  () => (setSigningIn(false), reload()),
                  () => setSigningIn(false),
                );
              }}
            >
              {t('pane.signIn.button')}
            </Button>
          ) : null}
        </div>
      );
    }
    case 'problem':
      return <ProblemMessage problem={state.problem} onRetry={reload} />;
    case 'meetingGone':
      return (
        <div className={styles.section}>
          <Text>{t('pane.meetingGone')}</Text>
          <Link href={props.relationshipLink(state.relationshipId)} target="_blank" rel="noopener noreferrer">
            {t('pane.openInTeams')}
          </Link>
        </div>
      );
    case 'ready': {
      const { detail, meeting, verdict } = state;
      // Who is who, as the tab's relationship screen says it (its pairOf), without loading that screen.
      const mine = detail.myRole === 'mentor' ? detail.relationship.mentorId : detail.relationship.menteeId;
      const theirs = detail.myRole === 'mentor' ? detail.relationship.menteeId : detail.relationship.mentorId;
      const pair = { myId: mine, partnerId: theirs, partnerName: detail.partner.displayName };
      const agenda = agendaOf(detail, pair, meeting.number, language, tabT('relationship.you'));
      return (
        <>
          <Subtitle2 as="h2">{t('pane.meeting', { number: meeting.number, partner: detail.partner.displayName })}</Subtitle2>
          {verdict ? (
            <section className={styles.section} aria-label={t('pane.times')}>
              <Text weight="semibold">{t('pane.times')}</Text>
              <ul className={styles.list}>
                {[...verdict.localTimes].sort((a, b) => Number(b.role === verdict.callerRole) - Number(a.role === verdict.callerRole)).map((l) => (
                  <li key={l.role}>{t('pane.timeOf', { name: l.name, time: words.time(l) })}</li>
                ))}
              </ul>
              <MessageBar intent={verdict.ok ? 'success' : 'warning'} layout="multiline">
                <MessageBarBody>
                  {verdict.ok ? t('pane.keeps') : `${t('pane.breaks')} ${words.reason(verdict)}`}
                </MessageBarBody>
              </MessageBar>
              {!verdict.ok && verdict.alternatives.length > 0 ? (
                <>
                  <Text weight="semibold">{t('pane.alternatives')}</Text>
                  <ul className={styles.list}>
                    {verdict.alternatives.map((a) => (
                      <li key={a.start}>{words.alternative(a, verdict.callerRole)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : (
            <Text className={styles.label}>{t('pane.checkUnavailable')}</Text>
          )}
          <section className={styles.section}>
            <MeetingAgendaPreview agenda={agenda} />
          </section>
          <Link href={props.relationshipLink(detail.relationship.id)} target="_blank" rel="noopener noreferrer">
            {t('pane.openInTeams')}
          </Link>
        </>
      );
    }
  }
}

export function PaneApp(props: PaneAppProps) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const t = paneTranslator(props.language);

  // A new time in the compose form: read the verdict (and local times) again, as the guard does.
  useEffect(() => props.host.onTimeChanged?.(reload), [props.host, reload]);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    loadPane(props.host, props.client).then(
      (next) => !cancelled && setState(next),
      (error: unknown) => {
        if (cancelled) return;
        const problem = problemOf(error);
        setState(problem.kind === 'unauthorized' ? { kind: 'signInNeeded', failed: attempt > 0 } : { kind: 'problem', problem });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [props.host, props.client, attempt]);

  const theme = fluentThemeFor(props.theme, true);
  return (
    <FluentProvider theme={theme}>
      <I18nProvider language={props.language} locale={props.locale}>
        <main className={styles.page}>
          <Subtitle2 as="h1">{t('pane.title')}</Subtitle2>
          {props.signIn.kind === 'local' ? (
            <Text size={200} className={styles.label}>
              {t('pane.signIn.local', { name: props.signIn.name })}
            </Text>
          ) : null}
          <PaneBody state={state} props={props} reload={reload} />
        </main>
      </I18nProvider>
    </FluentProvider>
  );
}
