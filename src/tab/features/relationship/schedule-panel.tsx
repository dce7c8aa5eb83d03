import {
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  Link,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { MeetingDto, RelationshipDetailDto } from '../../../contracts';
import type { BookingOutcomeDto, SlotProposalDto } from '../../../contracts/booking';
import type { ErrorCode } from '../../../contracts/errors';
import { parseLocalDate, parseLocalTime } from '../../../core/time/civil-date';
import { localToInstant } from '../../../core/time/zoned-time';
import { knownCodeMessage, problemOf, type ApiProblem } from '../../api/api-error';
import { useClock } from '../../app/clock';
import { useApi } from '../../app/session';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import type { MessageKey } from '../../i18n/messages.en';
import { useI18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';
import { agendaOf, MeetingAgendaPreview } from './meeting-agenda-preview';
import { upcomingOf } from './meeting-rules';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalL },
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * Every reason the scheduler gives for "no slot", in words a person can act on. The API's own message
 * (English, with the specifics: which windows, how many minutes) is shown beneath for English readers.
 */
const noSlotKey = {
  'SCHEDULING.WINDOWS_NEVER_OVERLAP': 'schedule.noSlot.WINDOWS_NEVER_OVERLAP',
  'SCHEDULING.NOTICE_RULES_OUT_PERIOD': 'schedule.noSlot.NOTICE_RULES_OUT_PERIOD',
  'SCHEDULING.OUTSIDE_WORKING_HOURS': 'schedule.noSlot.OUTSIDE_WORKING_HOURS',
  'SCHEDULING.HORIZON_FULLY_BUSY': 'schedule.noSlot.HORIZON_FULLY_BUSY',
  'SCHEDULING.BEFORE_FIRST_DATE': 'schedule.noSlot.BEFORE_FIRST_DATE',
  'SCHEDULING.END_DATE_REACHED': 'schedule.noSlot.END_DATE_REACHED',
  'SCHEDULING.MEETING_COUNT_REACHED': 'schedule.noSlot.MEETING_COUNT_REACHED',
} as const satisfies Partial<Record<ErrorCode, MessageKey>>;

/** Refusals of a reschedule or cancel that name the fix. */
const bookingKey: Partial<Record<ErrorCode, MessageKey>> = {
  'BOOKING.OUTSIDE_BOUNDARIES': 'schedule.code.OUTSIDE_BOUNDARIES',
  'BOOKING.TOO_SOON': 'schedule.code.TOO_SOON',
  'BOOKING.SLOT_BUSY': 'schedule.code.SLOT_BUSY',
  'BOOKING.MEETING_STARTED': 'schedule.code.MEETING_STARTED',
  'BOOKING.COMMENT_REQUIRED': 'schedule.code.COMMENT_REQUIRED',
  'BOOKING.NO_ACTIVE_AGREEMENT': 'schedule.code.NO_ACTIVE_AGREEMENT',
};

/** These messages have no placeholders, so a key chosen at run time needs no parameters. */
type PlainTranslate = (key: MessageKey) => string;

export function noSlotText(code: string, t: PlainTranslate): string | undefined {
  const key = (noSlotKey as Record<string, MessageKey>)[code];
  return key ? t(key) : undefined;
}

function problemText(problem: ApiProblem, t: PlainTranslate): string | undefined {
  if (!problem.code) return undefined;
  const key = bookingKey[problem.code as ErrorCode];
  return key ? t(key) : (noSlotText(problem.code, t) ?? knownCodeMessage(problem.code, t));
}



/** The series the agreement asks for is all planned: nothing is wrong, there is just nothing left to book. */
const SERIES_COMPLETE = new Set(['SCHEDULING.MEETING_COUNT_REACHED', 'SCHEDULING.END_DATE_REACHED']);

function NoSlotExplanation({ problem }: { problem: ApiProblem }) {
  const { t, language } = useI18n();
  const text = problem.code ? noSlotText(problem.code, t) : undefined;
  if (!text) return <ProblemMessage problem={problem} />;
  const complete = SERIES_COMPLETE.has(problem.code!);
  return (
    <Notice intent={complete ? 'info' : 'warning'}>
      <Text weight="semibold">{complete ? t('schedule.noSlot.completeTitle') : t('schedule.noSlot.title')}</Text> {text}
      {language === 'en' && problem.serverMessage ? (
        <>
          {' '}
          <Text size={200}>{problem.serverMessage}</Text>
        </>
      ) : null}
    </Notice>
  );
}

/** "Tue 1 Dec, 09:00 – 09:45" in my zone (my profile's, not the device's), with the partner's clock beside it. */
function SlotText({ start, end, myZone, partnerZone, partnerName }: { start: string; end: string; myZone: string; partnerZone: string | undefined; partnerName: string }) {
  const { t, format } = useI18n();
  const mine = format.range(start, end, myZone);
  return <>{partnerZone ? `${mine} · ${t('common.theirTime', { time: format.dateTime(start, partnerZone), name: partnerName })}` : mine}</>;
}

function OutcomeSummary({ outcome }: { outcome: BookingOutcomeDto }) {
  const { t, plural, format } = useI18n();
  const styles = useStyles();
  const day = (d: string) => format.date(`${d}T12:00:00Z`, 'UTC');
  return (
    <Notice intent={outcome.failed.length > 0 || outcome.unplaced.length > 0 ? 'warning' : 'success'}>
      {outcome.plannedNow.length > 0 ? plural('schedule.outcome.planned', outcome.plannedNow.length) : t('schedule.outcome.nothingNew')}
      {outcome.stillPending.length > 0 ? ` ${plural('schedule.outcome.pending', outcome.stillPending.length)}` : ''}
      {outcome.failed.length > 0 || outcome.unplaced.length > 0 || outcome.deferred.length > 0 ? (
        <ul className={styles.details}>
          {outcome.failed.map((f) => (
            <li key={f.meetingId}>{t('schedule.outcome.failed', { reason: f.message })}</li>
          ))}
          {outcome.unplaced.map((u) => (
            <li key={u.targetDate}>{t('schedule.outcome.unplaced', { date: day(u.targetDate), reason: noSlotText(u.code, t) ?? u.message })}</li>
          ))}
          {outcome.deferred.map((d) => (
            <li key={`deferred-${d.targetDate}`}>{t('schedule.outcome.deferred', { date: day(d.targetDate) })}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

function RescheduleForm({
  meeting,
  slots,
  myZone,
  partnerZone,
  partnerName,
  send,
  onDone,
  onCancel,
}: {
  meeting: MeetingDto;
  slots: readonly { start: string; end: string }[];
  myZone: string;
  partnerZone: string | undefined;
  partnerName: string;
  send: (start: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [choice, setChoice] = useState<string>(slots[0]?.start ?? 'other');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const { error, setError, problem, sending, run } = useMeetingChange(onDone);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let start = choice;
    if (choice === 'other') {
      const day = parseLocalDate(date);
      const minutes = parseLocalTime(time);
      if (day === undefined || minutes === undefined) {
        setError(t('schedule.reschedule.pickTime'));
        return;
      }
      start = new Date(localToInstant(myZone, day, minutes)).toISOString();
    }
    await run(() => send(start));
  };

  const label = t('schedule.reschedule.title', { number: meeting.number });
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={label}>
      <Subtitle2 as="h4">{label}</Subtitle2>
      <Field label={t('schedule.reschedule.newTime')} {...(error ? { validationState: 'error' as const, validationMessage: error } : {})}>
        <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value)}>
          {slots.map((slot) => (
            <Radio key={slot.start} value={slot.start} label={<SlotText start={slot.start} end={slot.end} myZone={myZone} partnerZone={partnerZone} partnerName={partnerName} />} />
          ))}
          <Radio value="other" label={t('schedule.reschedule.other', { zone: myZone })} />
        </RadioGroup>
      </Field>
      {choice === 'other' ? (
        <div className={styles.row}>
          <Field label={t('schedule.reschedule.date')}>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={t('schedule.reschedule.time')}>
            <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} />
          </Field>
        </div>
      ) : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={sending}>
          {sending ? t('common.saving') : t('schedule.reschedule.confirm')}
        </Button>
        <Button onClick={onCancel} disabled={sending}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Sending a change to one meeting (reschedule, cancel): a refusal the person can act on shows on the
 * form's field and keeps their input; a conflict or anything else shows as a problem with its remedy.
 */
function useMeetingChange(onDone: () => void) {
  const { t } = useI18n();
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [sending, setSending] = useState(false);
  const run = async (change: () => Promise<unknown>) => {
    setError(undefined);
    setProblem(undefined);
    setSending(true);
    try {
      await change();
      onDone();
    } catch (caught) {
      const p = problemOf(caught);
      const text = problemText(p, t);
      if (text && p.kind !== 'conflict') setError(text);
      else setProblem(p);
    } finally {
      setSending(false);
    }
  };
  return { error, setError, problem, sending, run };
}

function CancelForm({ meeting, partnerName, send, onDone, onCancel }: { meeting: MeetingDto; partnerName: string; send: (comment: string) => Promise<unknown>; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const { error, setError, problem, sending, run } = useMeetingChange(onDone);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setError(t('schedule.code.COMMENT_REQUIRED'));
      return;
    }
    await run(() => send(comment.trim()));
  };

  const label = t('schedule.cancel.title', { number: meeting.number });
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={label}>
      <Subtitle2 as="h4">{label}</Subtitle2>
      <Field
        label={t('schedule.cancel.comment', { name: partnerName })}
        hint={t('schedule.cancel.hint')}
        required
        {...(error ? { validationState: 'error' as const, validationMessage: error } : {})}
      >
        <Textarea value={comment} resize="vertical" onChange={(_, d) => setComment(d.value)} />
      </Field>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={sending}>
          {sending ? t('common.sending') : t('schedule.cancel.confirm')}
        </Button>
        <Button onClick={onCancel} disabled={sending}>
          {t('schedule.cancel.keep')}
        </Button>
      </div>
    </form>
  );
}

export interface SchedulePanelProps {
  detail: RelationshipDetailDto;
  pair: Pair;
  myZone: string;
  partnerZone: string | undefined;
  onChanged: () => void;
}

/**
 * Slots for the next meeting inside the agreed boundaries (each on my clock with the partner's
 * beside it), booking the next meeting or the whole series, and the upcoming meetings with what
 * their invites will carry, to reschedule or cancel. When no slot fits it says why and what to change.
 */
export function SchedulePanel({ detail, pair, myZone, partnerZone, onChanged }: SchedulePanelProps) {
  const { t, language } = useI18n();
  const api = useApi();
  const clock = useClock();
  const styles = useStyles();
  const relationshipId = detail.relationship.id;
  const closed = detail.relationship.status === 'closed';
  const agreed = detail.agreement.activeNumber !== undefined;
  const slots = useLoader<SlotProposalDto | null>(
    (signal) => (agreed && !closed ? api.proposeSlots(relationshipId, signal) : Promise.resolve(null)),
    [api, relationshipId, agreed, closed],
  );
  const [booking, setBooking] = useState<'next' | 'series' | undefined>();
  const [outcome, setOutcome] = useState<BookingOutcomeDto | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [latest, setLatest] = useState<Record<string, MeetingDto>>({});
  const [changing, setChanging] = useState<{ meetingId: string; action: 'reschedule' | 'cancel' } | undefined>();

  const remember = (meetings: readonly MeetingDto[]) => setLatest((known) => ({ ...known, ...Object.fromEntries(meetings.map((m) => [m.id, m])) }));
  const merged: MeetingDto[] = [
    ...detail.meetings.map((m) => ({ ...m, ...latest[m.id] })),
    ...Object.values(latest).filter((m) => !detail.meetings.some((d) => d.id === m.id)),
  ];
  const upcoming = upcomingOf(merged, clock());

  const book = async (scope: 'next' | 'series') => {
    setBooking(scope);
    setProblem(undefined);
    setNotice(undefined);
    setOutcome(undefined);
    try {
      const result = await api.bookMeetings(relationshipId, scope);
      remember(result.meetings);
      setOutcome(result);
      slots.reload();
      onChanged();
    } catch (caught) {
      setProblem(problemOf(caught));
    } finally {
      setBooking(undefined);
    }
  };

  if (closed || !agreed) {
    return (
      <div className={styles.panel}>
        <Subtitle1 as="h2">{t('schedule.title')}</Subtitle1>
        <EmptyState message={t(closed ? 'schedule.closed' : 'schedule.noAgreement')} />
      </div>
    );
  }

  const slotList = slots.loaded.state === 'ready' ? (slots.loaded.data?.slots ?? []) : [];
  const seriesComplete = slots.loaded.state === 'error' && SERIES_COMPLETE.has(slots.loaded.problem.code ?? '');
  // The booking refusal repeats the slots' explanation when both have the same reason; say it once.
  const sameAsSlots = slots.loaded.state === 'error' && problem?.code !== undefined && problem.code === slots.loaded.problem.code;
  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">{t('schedule.title')}</Subtitle1>
      <section className={styles.section} aria-labelledby="slots-title">
        <Subtitle2 as="h3" id="slots-title">
          {t('schedule.slots.title')}
        </Subtitle2>
        {slots.loaded.state === 'loading' ? <LoadingSkeleton rows={2} label={t('schedule.slots.loading')} /> : null}
        {slots.loaded.state === 'error' ? (
          slots.loaded.problem.code?.startsWith('SCHEDULING.') ? (
            <NoSlotExplanation problem={slots.loaded.problem} />
          ) : (
            <ProblemMessage problem={slots.loaded.problem} onRetry={slots.reload} />
          )
        ) : null}
        {slots.loaded.state === 'ready' ? (
          <>
            <Text>{t('schedule.slots.intro', { zone: myZone })}</Text>
            <ul className={styles.list} aria-label={t('schedule.slots.title')}>
              {slotList.map((slot) => (
                <li key={slot.start}>
                  <SlotText start={slot.start} end={slot.end} myZone={myZone} partnerZone={partnerZone} partnerName={pair.partnerName} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {seriesComplete ? null : (
          <div className={styles.row}>
            <Button appearance="primary" disabled={booking !== undefined} onClick={() => void book('next')}>
              {booking === 'next' ? t('schedule.booking') : t('schedule.bookNext')}
            </Button>
            <Button disabled={booking !== undefined} onClick={() => void book('series')}>
              {booking === 'series' ? t('schedule.booking') : t('schedule.bookSeries')}
            </Button>
          </div>
        )}
        {booking === 'series' ? (
          <Field validationMessage={t('schedule.seriesProgress')} validationState="none">
            <ProgressBar aria-label={t('schedule.seriesProgress')} />
          </Field>
        ) : null}
        {outcome ? <OutcomeSummary outcome={outcome} /> : null}
        {problem && !sameAsSlots ? problem.code?.startsWith('SCHEDULING.') ? <NoSlotExplanation problem={problem} /> : <ProblemMessage problem={problem} /> : null}
      </section>

      <section className={styles.section} aria-labelledby="upcoming-title">
        <Subtitle2 as="h3" id="upcoming-title">
          {t('schedule.upcoming.title')}
        </Subtitle2>
        {notice ? <Notice intent="success">{notice}</Notice> : null}
        {upcoming.length === 0 ? <EmptyState message={t('schedule.upcoming.empty')} /> : null}
        <ul className={styles.list}>
          {upcoming.map((meeting) => {
            const heading = t('schedule.meeting', { number: meeting.number });
            return (
              <li key={meeting.id}>
                <Card>
                  <CardHeader
                    header={
                      <Text as="h4" weight="semibold">
                        {heading} · <SlotText start={meeting.start} end={meeting.end} myZone={myZone} partnerZone={partnerZone} partnerName={pair.partnerName} />
                      </Text>
                    }
                    description={
                      <div className={styles.row}>
                        {meeting.bookingState === 'pending' ? <Badge appearance="outline">{t('schedule.state.pending')}</Badge> : null}
                        {meeting.bookingState === 'failed' ? (
                          <Badge appearance="filled" color="danger">
                            {t('schedule.state.failed')}
                          </Badge>
                        ) : null}
                        {meeting.outsideBoundaries ? (
                          <Badge appearance="filled" color="warning">
                            {t('schedule.state.outside')}
                          </Badge>
                        ) : null}
                        {(meeting.declinedBy ?? []).includes(pair.partnerId) ? <Badge appearance="outline">{t('schedule.state.declined', { name: pair.partnerName })}</Badge> : null}
                        {meeting.joinUrl ? (
                          <Link href={meeting.joinUrl} target="_blank" rel="noreferrer">
                            {t('schedule.join', { number: meeting.number })}
                          </Link>
                        ) : null}
                      </div>
                    }
                  />
                  <details>
                    <summary>{t('schedule.agenda.show', { number: meeting.number })}</summary>
                    <MeetingAgendaPreview agenda={agendaOf(detail, pair, meeting.number, language, t('relationship.you'))} />
                  </details>
                  {changing?.meetingId === meeting.id && changing.action === 'reschedule' ? (
                    <RescheduleForm
                      meeting={meeting}
                      slots={slotList}
                      myZone={myZone}
                      partnerZone={partnerZone}
                      partnerName={pair.partnerName}
                      send={async (start) => remember([await api.rescheduleMeeting(relationshipId, meeting, start)])}
                      onDone={() => {
                        setChanging(undefined);
                        // A moved or cancelled meeting frees its time and (when cancelled) its place in the series.
                        slots.reload();
                        setNotice(t('schedule.reschedule.done', { number: meeting.number }));
                        onChanged();
                      }}
                      onCancel={() => setChanging(undefined)}
                    />
                  ) : null}
                  {changing?.meetingId === meeting.id && changing.action === 'cancel' ? (
                    <CancelForm
                      meeting={meeting}
                      partnerName={pair.partnerName}
                      send={async (comment) => remember([await api.cancelMeeting(relationshipId, meeting.id, comment)])}
                      onDone={() => {
                        setChanging(undefined);
                        // A moved or cancelled meeting frees its time and (when cancelled) its place in the series.
                        slots.reload();
                        setNotice(t('schedule.cancel.done', { number: meeting.number }));
                        onChanged();
                      }}
                      onCancel={() => setChanging(undefined)}
                    />
                  ) : null}
                  {changing?.meetingId !== meeting.id ? (
                    <div className={styles.row}>
                      <Button onClick={() => (setNotice(undefined), setChanging({ meetingId: meeting.id, action: 'reschedule' }))}>
                        {t('schedule.reschedule.open', { number: meeting.number })}
                      </Button>
                      <Button onClick={() => (setNotice(undefined), setChanging({ meetingId: meeting.id, action: 'cancel' }))}>
                        {t('schedule.cancel.open', { number: meeting.number })}
                      </Button>
                    </div>
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
