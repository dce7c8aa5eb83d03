import { Badge, Button, Card, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CheckInDto, MeetingDto } from '../../../contracts';
import type { BookingOutcomeDto } from '../../../contracts/booking';
import type { ApiProblem } from '../../api/api-error';
import { Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';
import { noSlotText, SlotText, unplacedText } from './schedule-words';

const useStyles = makeStyles({
  days: { display: 'grid', gap: tokens.spacingVerticalM },
  times: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  text: { overflowWrap: 'anywhere' },
  slot: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
});

/** The series the agreement asks for is all planned: nothing is wrong, there is just nothing left to book. */
export const SERIES_COMPLETE = new Set(['SCHEDULING.MEETING_COUNT_REACHED', 'SCHEDULING.END_DATE_REACHED']);

interface Interval {
  start: string;
  end: string;
}

/**
 * The scheduler offers candidate starts every quarter hour; a person needs distinct choices. Slots
 * that overlap one already kept are dropped (so one evening is one choice, not nine), and what is
 * left is grouped by day on my clock.
 */
export function distinctByDay(slots: readonly Interval[], dayOf: (iso: string) => string): { day: string; slots: Interval[] }[] {
  const kept: Interval[] = [];
  for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const last = kept[kept.length - 1];
    if (!last || Date.parse(slot.start) >= Date.parse(last.end)) kept.push(slot);
  }
  const days: { day: string; slots: Interval[] }[] = [];
  for (const slot of kept) {
    const day = dayOf(slot.start);
    const group = days.find((d) => d.day === day);
    if (group) group.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}

export interface ChooseTime {
  /** Books the next meeting at this slot's start. */
  onChoose: (slot: Interval) => void;
  /** The start being booked now, if any (its button says so; every button waits). */
  choosing: string | undefined;
  /** Booking is off (another booking runs, or nothing can be booked). */
  disabled: boolean;
}

/** Distinct proposed times by day on my clock; with `choose`, each can be booked as the next meeting. */
export function ProposedTimes({
  slots,
  myZone,
  partnerZone,
  partnerName,
  choose,
}: {
  slots: readonly Interval[];
  myZone: string;
  partnerZone: string | undefined;
  partnerName: string;
  choose?: ChooseTime | undefined;
}) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const days = distinctByDay(slots, (iso) => format.date(iso, myZone));
  return (
    <div className={styles.days}>
      {days.map(({ day, slots: times }) => (
        <div key={day}>
          <Subtitle2 as="h4">{day}</Subtitle2>
          <ul className={styles.times} aria-label={day}>
            {times.map((slot) => (
              <li key={slot.start} className={mergeClasses(styles.text, choose && styles.slot)}>
                <span>
                  <SlotText start={slot.start} end={slot.end} myZone={myZone} partnerZone={partnerZone} partnerName={partnerName} withDay={false} />
                </span>
                {choose ? (
                  <Button
                    size="small"
                    disabled={choose.disabled || choose.choosing !== undefined}
                    aria-label={t('schedule.bookThisAt', { time: format.dateTime(slot.start, myZone) })}
                    onClick={() => choose.onChoose(slot)}
                  >
                    {choose.choosing === slot.start ? t('schedule.booking') : t('schedule.bookThis')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** When nothing fits: one plain sentence, and the one action that can change it. */
export function NoSlotExplanation({ problem, onOpenAgreement }: { problem: ApiProblem; onOpenAgreement?: (() => void) | undefined }) {
  const { t } = useI18n();
  const styles = useStyles();
  const text = problem.code ? noSlotText(problem.code, t) : undefined;
  if (!text) return <ProblemMessage problem={problem} />;
  const complete = SERIES_COMPLETE.has(problem.code!);
  return (
    <Notice intent={complete ? 'info' : 'warning'}>
      <div className={styles.row}>
        <Text>{text}</Text>
        {onOpenAgreement && problem.code !== 'SCHEDULING.BEFORE_FIRST_DATE' ? (
          <Button size="small" onClick={onOpenAgreement}>
            {t('schedule.noSlot.openAgreement')}
          </Button>
        ) : null}
      </div>
    </Notice>
  );
}

export function OutcomeSummary({ outcome }: { outcome: BookingOutcomeDto }) {
  const { t, plural, format } = useI18n();
  const styles = useStyles();
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
            <li key={u.targetDate}>{t('schedule.outcome.unplaced', { date: format.civilDate(u.targetDate), reason: unplacedText(u.code, t) ?? u.message })}</li>
          ))}
          {outcome.deferred.map((d) => (
            <li key={`deferred-${d.targetDate}`}>{t('schedule.outcome.deferred', { date: format.civilDate(d.targetDate) })}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

/** Meetings that have ended, newest first, each with whose check-in is in and a way to open them. */
export function PastMeetings({
  meetings,
  checkIns,
  pair,
  myZone,
  onOpenCheckIns,
}: {
  meetings: readonly MeetingDto[];
  checkIns: readonly CheckInDto[];
  pair: Pair;
  myZone: string;
  onOpenCheckIns?: ((meetingId: string) => void) | undefined;
}) {
  const { t, format } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {meetings.map((meeting) => {
        const mine = checkIns.some((c) => c.meetingId === meeting.id && c.authorId === pair.myId);
        const theirs = checkIns.some((c) => c.meetingId === meeting.id && c.authorId === pair.partnerId);
        return (
          <li key={meeting.id}>
            <Card>
              <Text as="h4" weight="semibold" className={styles.text}>
                {t('schedule.meeting', { number: meeting.number })} · {format.range(meeting.start, meeting.end, myZone)}
              </Text>
              <div className={styles.row}>
                <Badge appearance={mine ? 'filled' : 'outline'} color={mine ? 'success' : 'informative'}>
                  {mine ? t('schedule.past.mineIn') : t('schedule.past.mineMissing')}
                </Badge>
                <Badge appearance={theirs ? 'filled' : 'outline'} color={theirs ? 'success' : 'informative'}>
                  {theirs ? t('schedule.past.theirsIn', { name: pair.partnerName }) : t('schedule.past.theirsMissing', { name: pair.partnerName })}
                </Badge>
                {onOpenCheckIns ? (
                  <Button size="small" onClick={() => onOpenCheckIns(meeting.id)}>
                    {t('schedule.past.open', { number: meeting.number })}
                  </Button>
                ) : null}
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
