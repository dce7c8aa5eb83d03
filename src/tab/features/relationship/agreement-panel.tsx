import { Button, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgreementDto, RelationshipDetailDto } from '../../../contracts';
import type { PairWorkingHoursDto } from '../../../contracts/agreement';
import { useClock } from '../../app/clock';
import { useApi } from '../../app/session';
import { EmptyState, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useLoader } from '../../app/use-loader';
import type { Pair } from './action-items-panel';
import { AgreementEditor } from './agreement-editor';
import { AgreementWeekGrid } from './agreement-week-grid';
import { usePanelSave } from './use-panel-save';
import { clearSessionDraft, hasSessionDraft } from '../../app/use-session-draft';
import { AgreementSummary } from './agreement-summary';
import { isFieldProblem } from './agreement-problems';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Standard office hours, for a person whose Outlook working hours could not be read. */
const OFFICE_HOURS = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

/**
 * A first proposal: every other week, 45 minutes, six meetings from next week. Each person's meeting
 * times and contact hours are their Outlook working hours on their own clock (so the two overlap
 * whenever their working days do); a person whose hours could not be read starts from office hours.
 */
export function defaultAgreement(detail: RelationshipDetailDto, zones: { mentor: string; mentee: string }, today: string, hours?: PairWorkingHoursDto): AgreementDto {
  const side = (personId: string, timeZone: string, read: PairWorkingHoursDto['mentor'] | undefined) => {
    const windows = read?.source === 'outlook' && read.windows.length > 0 ? read.windows : OFFICE_HOURS;
    return {
      personId,
      timeZone: read?.source === 'outlook' && read.windows.length > 0 ? read.timeZone : timeZone,
      meetingWindows: windows.map((w) => ({ ...w })),
      contactChannel: 'teamsChat' as const,
      contactHours: windows.map((w) => ({ ...w })),
    };
  };
  return {
    cadence: { kind: 'biweekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: today,
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: side(detail.relationship.mentorId, zones.mentor, hours?.mentor),
    mentee: side(detail.relationship.menteeId, zones.mentee, hours?.mentee),
  };
}

/** Where the defaults came from, in words: Outlook for both, or whose hours could not be read. */
export function workingHoursNote(hours: PairWorkingHoursDto | undefined, myRole: 'mentor' | 'mentee', partnerName: string, t: Translate): { text: string; fromOutlook: boolean } {
  const mine = hours?.[myRole];
  const theirs = hours?.[myRole === 'mentor' ? 'mentee' : 'mentor'];
  const unread = (p: typeof mine) => p === undefined || p.source !== 'outlook' || p.windows.length === 0;
  if (unread(mine) && unread(theirs)) return { text: t('agreement.hours.noneRead', { name: partnerName }), fromOutlook: false };
  if (unread(mine)) return { text: t('agreement.hours.mineUnread'), fromOutlook: false };
  if (unread(theirs)) return { text: t('agreement.hours.partnerUnread', { name: partnerName }), fromOutlook: false };
  return { text: t('agreement.hours.fromOutlook'), fromOutlook: true };
}

/** Where an unsent agreement proposal is kept, so a refresh reopens the editor as it was. */
export const agreementDraftKey = (relationshipId: string) => `mentoring.draft.agreement.${relationshipId}`;

export interface AgreementPanelProps {
  detail: RelationshipDetailDto;
  pair: Pair;
  myZone: string;
  onChanged: () => void;
}

export function AgreementPanel({ detail, pair, myZone, onChanged }: AgreementPanelProps) {
  const { t, format } = useI18n();
  const api = useApi();
  const clock = useClock();
  const styles = useStyles();
  const relationshipId = detail.relationship.id;
  const draftKey = agreementDraftKey(relationshipId);
  // A proposal typed before a refresh reopens the editor as it was left.
  const [editing, setEditing] = useState(() => hasSessionDraft(draftKey));
  const { saving, problem, notice, run } = usePanelSave(() => {
    clearSessionDraft(draftKey);
    setEditing(false);
  }, onChanged);
  const { versions, activeNumber, latestNumber } = detail.agreement;
  const active = versions.find((v) => v.number === activeNumber);
  const latest = versions.find((v) => v.number === latestNumber);
  const pending = latest && latest.number !== activeNumber ? latest : undefined;

  const partnerZone = 'timeZone' in detail.partner ? detail.partner.timeZone : myZone;
  const zones = detail.myRole === 'mentor' ? { mentor: myZone, mentee: partnerZone } : { mentor: partnerZone, mentee: myZone };
  const nextWeek = new Intl.DateTimeFormat('en-CA', { timeZone: myZone }).format(clock() + 7 * 24 * 3600 * 1000);
  // A first agreement starts from both people's Outlook working hours; the form waits for them (or their failure).
  const first = !latest && !active;
  const { loaded: hours } = useLoader((signal) => (first ? api.getWorkingHours(relationshipId, signal) : Promise.resolve(undefined)), [relationshipId, first]);
  const hoursRead = hours.state === 'ready' ? hours.data : undefined;
  const startingPoint = (latest ?? active)?.agreement ?? defaultAgreement(detail, zones, nextWeek, hoursRead);
  const waitingForHours = first && hours.state === 'loading' && !hasSessionDraft(draftKey);
  const hoursNote = workingHoursNote(hoursRead, detail.myRole, pair.partnerName, t);


  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">{t('agreement.title')}</Subtitle1>
      {notice ? <Notice intent={notice.intent}>{notice.text}</Notice> : null}
      {/* While editing, a refusal that names a field is shown at that field instead. */}
      {problem && !(editing && isFieldProblem(problem)) ? <ProblemMessage problem={problem} /> : null}
      {editing && waitingForHours ? <Spinner size="small" label={t('agreement.hours.loading')} /> : null}
      {editing && first && !waitingForHours ? (
        <MessageBar intent={hoursNote.fromOutlook ? 'info' : 'warning'} layout="multiline">
          <MessageBarBody>{hoursNote.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editing ? (
        waitingForHours ? null : <AgreementEditor
          initial={startingPoint}
          draftKey={draftKey}
          relationshipId={relationshipId}
          pair={pair}
          saving={saving}
          serverProblem={problem}
          onCancel={() => setEditing(false)}
          onSave={(agreement, note) =>
            void run(() => api.proposeAgreement(relationshipId, agreement, note, latestNumber), t('agreement.proposed', { name: pair.partnerName }))
          }
        />
      ) : (
        <>
          {!active && !pending ? <EmptyState message={t('agreement.none')} /> : null}
          {pending ? (
            <Card>
              <CardHeader
                header={
                  <Text as="h3" weight="semibold">
                    {pending.proposedBy === pair.myId
                      ? t('agreement.pendingMine', { number: pending.number })
                      : t('agreement.pending', { name: pair.partnerName, number: pending.number })}
                  </Text>
                }
                description={
                  <Text>{pending.acceptedBy.includes(pair.myId) ? t('agreement.waitingForPartner', { name: pair.partnerName }) : t('agreement.waitingForYou')}</Text>
                }
              />
              {pending.note ? <Text style={{ whiteSpace: 'pre-wrap' }}>{pending.note}</Text> : null}
              <AgreementSummary agreement={pending.agreement} pair={pair} viewerZone={myZone} />
              <AgreementWeekGrid relationshipId={relationshipId} agreement={pending.agreement} partnerName={pair.partnerName} />
              {!pending.acceptedBy.includes(pair.myId) ? (
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    disabled={saving}
                    onClick={() =>
                      void run(() => api.acceptAgreement(relationshipId, pending.number, pending.version), t('agreement.accepted', { number: pending.number }))
                    }
                  >
                    {t('agreement.accept', { number: pending.number })}
                  </Button>
                </div>
              ) : null}
            </Card>
          ) : null}
          {active ? (
            <Card>
              <CardHeader
                header={
                  <Text as="h3" weight="semibold">
                    {t('agreement.active', { number: active.number })}
                  </Text>
                }
              />
              <AgreementSummary agreement={active.agreement} pair={pair} viewerZone={myZone} />
            </Card>
          ) : null}
          {versions.length > 1 ? (
            <section aria-labelledby="agreement-history">
              <Text as="h3" weight="semibold" id="agreement-history">
                {t('agreement.history')}
              </Text>
              <ol>
                {[...versions].reverse().map((v) => (
                  <li key={v.number}>
                    {t('agreement.historyItem', {
                      number: v.number,
                      name: v.proposedBy === pair.myId ? t('relationship.you') : pair.partnerName,
                      date: format.dateTime(v.proposedAt),
                    })}
                    {' · '}
                    {v.acceptedBy.includes(pair.myId) && v.acceptedBy.includes(pair.partnerId) ? t('agreement.acceptedByBoth') : t('agreement.notAcceptedByBoth')}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          <div>
            <Button appearance={active || pending ? 'secondary' : 'primary'} onClick={() => setEditing(true)}>
              {active || pending ? t('agreement.counter') : t('agreement.propose')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
