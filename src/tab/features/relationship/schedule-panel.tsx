import { Badge, Button, Card, CardHeader, Field, Link, ProgressBar, Subtitle1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingDto, RelationshipDetailDto } from '../../../contracts';
import type { BookingOutcomeDto, SlotProposalDto, UnbookedMeetingsDto } from '../../../contracts/booking';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useClock } from '../../app/clock';
import { useApi } from '../../app/session';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { useI18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';
import { CancelForm, RescheduleForm } from './meeting-change-forms';
import { agendaOf, MeetingAgendaPreview } from './meeting-agenda-preview';
import { pastOf, upcomingOf } from './meeting-rules';
import { NoSlotExplanation, OutcomeSummary, PastMeetings, ProposedTimes, SERIES_COMPLETE } from './schedule-times';
import { noSlotText, problemText, SlotText } from './schedule-words';
import { UnbookedMeetingItems } from './unbooked-meetings';

export { noSlotText } from './schedule-words';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalL },
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  reason: { color: tokens.colorNeutralForeground2 },
});

export interface SchedulePanelProps {
  detail: RelationshipDetailDto;
  pair: Pair;
  myZone: string;
  partnerZone: string | undefined;
  onChanged: () => void;
  /** Opens another section of the relationship (the agreement, a meeting's check-ins). */
  openSection?: (section: 'agreement' | 'checkins', meetingId?: string) => void;
}

/**
 * Slots for the next meeting inside the agreed boundaries (each on my clock with the partner's
 * beside it), booking the next meeting or the whole series, and the upcoming meetings with what
 * their invites will carry, to reschedule or cancel. When no slot fits it says why and what to change.
 */
export function SchedulePanel({ detail, pair, myZone, partnerZone, onChanged, openSection }: SchedulePanelProps) {
  const { t, language, format } = useI18n();
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
  // What the last booking left out of the calendar (deferred, unplaced): states in the upcoming list.
  const unbooked = useLoader<UnbookedMeetingsDto | null>(
    (signal) => (agreed && !closed ? api.readUnbookedMeetings(relationshipId, signal) : Promise.resolve(null)),
    [api, relationshipId, agreed, closed],
  );
  const [booking, setBooking] = useState<'next' | 'series' | { start: string } | undefined>();
  const [outcome, setOutcome] = useState<BookingOutcomeDto | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [wrote, setWrote] = useState<{ of: RelationshipDetailDto; meetings: Record<string, MeetingDto> }>({ of: detail, meetings: {} });
  const [changing, setChanging] = useState<{ meetingId: string; action: 'reschedule' | 'cancel' } | undefined>();

  // What this screen wrote is newer than the relationship it was given only until that relationship is
  // read again (every write reads it again): a fresher read wins, or a later cancel would send a stale version.
  const latest = wrote.of === detail ? wrote.meetings : {};
  const remember = (meetings: readonly MeetingDto[]) =>
    setWrote((known) => ({ of: detail, meetings: { ...(known.of === detail ? known.meetings : {}), ...Object.fromEntries(meetings.map((m) => [m.id, m])) } }));
  /** A meeting changed elsewhere (a 412): drop what this screen last knew of it and read the relationship again. */
  const readAgain = (meetingId: string) => {
    setWrote(({ of, meetings: { [meetingId]: _stale, ...rest } }) => ({ of, meetings: rest }));
    onChanged();
  };
  const merged: MeetingDto[] = [
    ...detail.meetings.map((m) => ({ ...m, ...latest[m.id] })),
    ...Object.values(latest).filter((m) => !detail.meetings.some((d) => d.id === m.id)),
  ];
  const now = clock();
  const upcoming = upcomingOf(merged, now);
  const past = pastOf(merged, now);

  /** The next meeting where booking picks, the whole series, or the next meeting at the time the person chose. */
  const book = async (what: 'next' | 'series' | { start: string }) => {
    setBooking(what);
    setProblem(undefined);
    setNotice(undefined);
    setOutcome(undefined);
    try {
      const result = typeof what === 'string' ? await api.bookMeetings(relationshipId, what) : await api.bookMeetings(relationshipId, 'next', what.start);
      remember(result.meetings);
      setOutcome(result);
      slots.reload();
      unbooked.reload();
      onChanged();
    } catch (caught) {
      setProblem(problemOf(caught));
      // A chosen time refused (taken meanwhile, say): the list is read again, so what is offered is true.
      if (typeof what !== 'string') slots.reload();
    } finally {
      setBooking(undefined);
    }
  };

  if (closed || !agreed) {
    return (
      <div className={styles.panel}>
        <Subtitle1 as="h2">{t('schedule.title')}</Subtitle1>
        <EmptyState
          message={t(closed ? 'schedule.closed' : 'schedule.noAgreement')}
          action={
            !closed && openSection ? (
              <Button appearance="primary" onClick={() => openSection('agreement')}>
                {t('schedule.noSlot.openAgreement')}
              </Button>
            ) : undefined
          }
        />
      </div>
    );
  }

  const slotList = slots.loaded.state === 'ready' ? (slots.loaded.data?.slots ?? []) : [];
  const slotProblem = slots.loaded.state === 'error' ? slots.loaded.problem : undefined;
  const seriesComplete = SERIES_COMPLETE.has(slotProblem?.code ?? '');
  // When the scheduler says nothing fits (or booking was refused for a scheduling reason), booking
  // cannot succeed: the buttons are off, and the reason stands beside them.
  const blocking = [problem, slotProblem].find((p) => p?.code?.startsWith('SCHEDULING.'));
  const blockedReason = blocking?.code ? noSlotText(blocking.code, t) : undefined;
  const sameAsSlots = problem?.code !== undefined && problem.code === slotProblem?.code;
  const openAgreement = openSection ? () => openSection('agreement') : undefined;
  const unbookedData = unbooked.loaded.state === 'ready' ? unbooked.loaded.data : null;
  // A time can be chosen while no next meeting is planned (once one is, moving it is the way to change it).
  const canChoose = upcoming.length === 0 && slotList.length > 0;
  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">{t('schedule.title')}</Subtitle1>
      <section className={styles.section} aria-labelledby="slots-title">
        <Subtitle2 as="h3" id="slots-title">
          {t('schedule.slots.title')}
        </Subtitle2>
        {slots.loaded.state === 'loading' ? <LoadingSkeleton rows={2} label={t('schedule.slots.loading')} /> : null}
        {slotProblem ? (
          slotProblem.code?.startsWith('SCHEDULING.') ? (
            <NoSlotExplanation problem={slotProblem} onOpenAgreement={openAgreement} />
          ) : (
            <ProblemMessage problem={slotProblem} onRetry={slots.reload} />
          )
        ) : null}
        {slots.loaded.state === 'ready' ? (
          <>
            <Text>{t(canChoose ? 'schedule.slots.introChoose' : 'schedule.slots.intro', { zone: format.zoneTitle(myZone) })}</Text>
            <ProposedTimes
              slots={slotList}
              myZone={myZone}
              partnerZone={partnerZone}
              partnerName={pair.partnerName}
              choose={
                canChoose
                  ? { onChoose: (slot) => void book({ start: slot.start }), choosing: typeof booking === 'object' ? booking.start : undefined, disabled: booking !== undefined || blockedReason !== undefined }
                  : undefined
              }
            />
          </>
        ) : null}
        {seriesComplete ? null : (
          <>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={booking !== undefined || blockedReason !== undefined}
                aria-describedby={blockedReason ? 'book-blocked' : undefined}
                onClick={() => void book('next')}
              >
                {booking === 'next' ? t('schedule.booking') : t('schedule.bookNext')}
              </Button>
              <Button disabled={booking !== undefined || blockedReason !== undefined} aria-describedby={blockedReason ? 'book-blocked' : undefined} onClick={() => void book('series')}>
                {booking === 'series' ? t('schedule.booking') : t('schedule.bookSeries')}
              </Button>
            </div>
            {blockedReason && !slotProblem ? (
              <Text id="book-blocked" className={styles.reason}>
                {t('schedule.bookDisabled', { reason: blockedReason })}
              </Text>
            ) : blockedReason ? (
              <Text id="book-blocked" className={styles.reason} size={200}>
                {t('schedule.bookDisabledShort')}
              </Text>
            ) : null}
          </>
        )}
        {booking === 'series' ? (
          <Field validationMessage={t('schedule.seriesProgress')} validationState="none">
            <ProgressBar aria-label={t('schedule.seriesProgress')} />
          </Field>
        ) : null}
        {outcome ? <OutcomeSummary outcome={outcome} /> : null}
        {problem && !sameAsSlots && !problem.code?.startsWith('SCHEDULING.') ? (
          // A refusal that names its fix (a chosen time now busy, say) says it in the catalogue's words.
          problemText(problem, t) ? <Notice intent="warning">{problemText(problem, t)}</Notice> : <ProblemMessage problem={problem} />
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="upcoming-title">
        <Subtitle2 as="h3" id="upcoming-title">
          {t('schedule.upcoming.title')}
        </Subtitle2>
        {notice ? <Notice intent="success">{notice}</Notice> : null}
        {upcoming.length === 0 && !unbookedData?.deferred.length && !unbookedData?.unplaced.length ? <EmptyState message={t('schedule.upcoming.empty')} /> : null}
        {unbooked.loaded.state === 'error' ? <ProblemMessage problem={unbooked.loaded.problem} onRetry={unbooked.reload} /> : null}
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
                      onStale={() => readAgain(meeting.id)}
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
                      send={async (comment) => remember([await api.cancelMeeting(relationshipId, meeting, comment)])}
                      onStale={() => readAgain(meeting.id)}
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
          {unbookedData ? <UnbookedMeetingItems unbooked={unbookedData} onOpenAgreement={openAgreement} /> : null}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="past-title">
        <Subtitle2 as="h3" id="past-title">
          {t('schedule.past.title')}
        </Subtitle2>
        {past.length === 0 ? <EmptyState message={t('schedule.past.empty')} /> : null}
        <PastMeetings
          meetings={past}
          checkIns={detail.checkIns}
          pair={pair}
          myZone={myZone}
          onOpenCheckIns={openSection ? (meetingId) => openSection('checkins', meetingId) : undefined}
        />
      </section>
    </div>
  );
}
