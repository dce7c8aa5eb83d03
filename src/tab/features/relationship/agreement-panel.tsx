import { Button, Card, CardHeader, Text, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgreementDto, RelationshipDetailDto } from '../../../contracts';
import { useClock } from '../../app/clock';
import { useApi } from '../../app/session';
import { EmptyState, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
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

/** A first proposal: weekly, 45 minutes, six meetings from next week, weekday mornings in each person's own zone. */
export function defaultAgreement(detail: RelationshipDetailDto, zones: { mentor: string; mentee: string }, today: string): AgreementDto {
  const side = (personId: string, timeZone: string) => ({
    personId,
    timeZone,
    meetingWindows: [
      { weekday: 2 as const, start: '09:00', end: '12:00' },
      { weekday: 4 as const, start: '13:00', end: '16:00' },
    ],
    contactChannel: 'teamsChat' as const,
    contactHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '17:00' })),
  });
  return {
    cadence: { kind: 'biweekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: today,
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: side(detail.relationship.mentorId, zones.mentor),
    mentee: side(detail.relationship.menteeId, zones.mentee),
  };
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
  const startingPoint = (latest ?? active)?.agreement ?? defaultAgreement(detail, zones, nextWeek);


  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">{t('agreement.title')}</Subtitle1>
      {notice ? <Notice intent={notice.intent}>{notice.text}</Notice> : null}
      {/* While editing, a refusal that names a field is shown at that field instead. */}
      {problem && !(editing && isFieldProblem(problem)) ? <ProblemMessage problem={problem} /> : null}
      {editing ? (
        <AgreementEditor
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
