/**
 * The owner's cohort matching: suggest matches over the people who joined, review the pairs (score,
 * weekly overlap in both zones), pin, swap and exclude, then publish and see what publishing made.
 * A refused change leaves the pairs as they were, with a message naming the people involved.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, problemOf, type ApiProblem } from '../../api/api-error';
import type { CohortViewDto, PairRefDto, ProgrammeDto, PublishOutcomeDto } from '../../api/mentoring-api';
import { useSession } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { CohortPairCard, type CohortPairDto } from './cohort-pair-card';
import { PublishOutcomeNotice } from './publish-outcome';
import { useOwnerText } from './owner-messages';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  pairs: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const samePair = (a: PairRefDto, b: PairRefDto) => a.menteeId === b.menteeId && a.mentorId === b.mentorId;
const ref = (p: PairRefDto): PairRefDto => ({ menteeId: p.menteeId, mentorId: p.mentorId });
type Excluded = PairRefDto & { readonly label: string };
type Busy = 'suggest' | 'change' | 'publish' | undefined;

/** The draft as stored, or none yet (the API's PROGRAMME.NO_MATCHES). */
async function loadCohort(load: () => Promise<CohortViewDto>): Promise<CohortViewDto | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'PROGRAMME.NO_MATCHES') return null;
    throw error;
  }
}

export function ProgrammeMatching({ programme }: { programme: ProgrammeDto }) {
  const { api } = useSession();
  const { o } = useOwnerText();
  const { format } = useI18n();
  const styles = useStyles();
  const { loaded, reload, replace } = useLoader(
    async (signal) => {
      const [cohort, members] = await Promise.all([loadCohort(() => api.getProgrammeMatches(programme.id, signal)), api.listProgrammeMembers(programme.id, signal)]);
      return { cohort, counts: members.counts };
    },
    [api, programme.id],
  );
  const [pins, setPins] = useState<readonly PairRefDto[] | undefined>(undefined);
  const [excluded, setExcluded] = useState<readonly Excluded[]>([]);
  const [busy, setBusy] = useState<Busy>(undefined);
  const [problem, setProblem] = useState<{ problem: ApiProblem; words?: string } | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<PublishOutcomeDto | undefined>(undefined);

  if (loaded.state === 'loading') return <LoadingSkeleton />;
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;
  const { cohort, counts } = loaded.data;
  const draft = cohort?.status === 'draft' ? cohort : undefined;
  // The pins start as the stored draft's (a suggestion keeps what was pinned); after that they are the owner's.
  const pinned = pins ?? (draft ? draft.pairs.filter((p) => p.pinned).map(ref) : []);

  /** Runs a change; a refusal keeps the pairs as they were and says, in the reader's words, what to do. */
  const run = async (kind: Exclude<Busy, undefined>, action: () => Promise<void>, wordsFor: (p: ApiProblem) => string | undefined) => {
    setBusy(kind);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      const p = problemOf(error);
      const words = wordsFor(p);
      setProblem(words ? { problem: p, words } : { problem: p });
      if (p.kind === 'conflict') reload();
    } finally {
      setBusy(undefined);
    }
  };
  const common = (p: ApiProblem) =>
    p.code === 'MATCHING.PINNED_OVER_CAPACITY' ? o('owner.match.overCapacity', { capacity: programme.mentorCapacity })
    : p.code === 'PROGRAMME.MATCHES_PUBLISHED' ? o('owner.match.alreadyPublished')
    : p.kind === 'conflict' ? o('owner.match.conflict')
    : undefined;

  const suggest = (nextExcluded = excluded, nextPins = pinned) =>
    run(
      'suggest',
      async () => {
        const next = await api.suggestProgrammeMatches(programme.id, { pinned: nextPins.map(ref), excluded: nextExcluded.map(ref) });
        replace((data) => ({ ...data, cohort: next }));
        setOutcome(undefined);
      },
      (p) => (p.code === 'MATCHING.PINNED_PAIR_REFUSED' ? o('owner.match.pinRefused', { minutes: programme.defaultAgreement.meetingMinutes }) : common(p)),
    );

  const swap = (a: CohortPairDto, b: CohortPairDto) => {
    if (!draft) return;
    const pairs = draft.pairs.map((p) => (p.menteeId === a.menteeId ? { menteeId: a.menteeId, mentorId: b.mentorId } : p.menteeId === b.menteeId ? { menteeId: b.menteeId, mentorId: a.mentorId } : ref(p)));
    void run(
      'change',
      async () => {
        const next = await api.changeProgrammeMatches(programme.id, pairs, draft.version);
        replace((data) => ({ ...data, cohort: next }));
        // The swapped pairs are the owner's choice: they stay pinned for the next suggestion.
        setPins([...pinned.filter((p) => p.menteeId !== a.menteeId && p.menteeId !== b.menteeId), pairs.find((p) => p.menteeId === a.menteeId)!, pairs.find((p) => p.menteeId === b.menteeId)!]);
      },
      (p) =>
        p.code === 'MATCHING.PINNED_PAIR_REFUSED' || p.code === 'MATCHING.UNKNOWN_PERSON'
          ? o('owner.match.swapRefused', { a: a.menteeName, b: b.menteeName, minutes: programme.defaultAgreement.meetingMinutes })
          : common(p),
    );
  };

  const exclude = (pair: CohortPairDto) => {
    const next = [...excluded, { ...ref(pair), label: o('owner.match.pairName', { mentee: pair.menteeName, mentor: pair.mentorName }) }];
    const nextPins = pinned.filter((p) => !samePair(p, pair));
    setExcluded(next);
    setPins(nextPins);
    void suggest(next, nextPins);
  };

  const publish = (version: string) =>
    run(
      'publish',
      async () => {
        const result = await api.publishProgrammeMatches(programme.id, version);
        setOutcome(result);
        setConfirming(false);
        replace((data) => (data.cohort ? { ...data, cohort: { ...data.cohort, status: 'published', ...(result.publishedAt ? { publishedAt: result.publishedAt } : {}) } } : data));
      },
      common,
    );

  const canSuggest = counts.mentees > 0 && counts.mentors > 0;
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{o('owner.match.title')}</Subtitle2>
      <Text>{o('owner.match.intro', { mentees: counts.mentees, mentors: counts.mentors, minutes: programme.defaultAgreement.meetingMinutes })}</Text>
      {canSuggest ? null : <Notice intent="info">{o('owner.match.needBoth')}</Notice>}
      <div className={styles.actions}>
        <Button appearance={draft ? 'secondary' : 'primary'} disabled={!canSuggest || busy !== undefined} onClick={() => void suggest()}>
          {busy === 'suggest' ? o('owner.match.suggesting') : cohort ? o('owner.match.suggestAgain') : o('owner.match.suggest')}
        </Button>
        {draft && draft.pairs.length > 0 ? (
          <Button appearance="primary" disabled={busy !== undefined} onClick={() => setConfirming(true)}>
            {o('owner.match.publish')}
          </Button>
        ) : null}
      </div>
      {excluded.length > 0 ? (
        <div className={styles.actions}>
          <Text>{o('owner.match.excludedList', { pairs: format.list(excluded.map((e) => e.label)) })}</Text>
          <Button size="small" appearance="subtle" disabled={busy !== undefined} onClick={() => { setExcluded([]); void suggest([], pinned); }}>
            {o('owner.match.clearExcluded')}
          </Button>
        </div>
      ) : null}
      {problem ? problem.words ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem.words}</MessageBarBody>
        </MessageBar>
      ) : <ProblemMessage problem={problem.problem} /> : null}
      {confirming && draft ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {programme.publishAs === 'accepted' ? o('owner.match.confirmAccepted', { count: draft.pairs.length }) : o('owner.match.confirmInvitation', { count: draft.pairs.length })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void publish(draft.version)}>
              {busy === 'publish' ? o('owner.match.publishing') : o('owner.match.publishNow')}
            </Button>
            <Button disabled={busy !== undefined} onClick={() => setConfirming(false)}>
              {o('owner.match.notYet')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {outcome ? (
        <PublishOutcomeNotice outcome={outcome} publishAs={programme.publishAs} names={new Map((cohort?.pairs ?? []).flatMap((p) => [[p.menteeId, p.menteeName] as const, [p.mentorId, p.mentorName] as const]))} />
      ) : null}
      {cohort === null ? (
        <EmptyState message={o('owner.match.none')} />
      ) : (
        <>
          <Text weight="semibold">
            {cohort.status === 'draft'
              ? o('owner.match.draftStatus', { round: cohort.round, pairs: cohort.pairs.length, score: cohort.totalScore })
              : o('owner.match.publishedStatus', { round: cohort.round, pairs: cohort.pairs.length, date: cohort.publishedAt ? format.date(cohort.publishedAt) : '' })}
          </Text>
          {draft ? <Text>{o('owner.match.reviewHint')}</Text> : <Text>{o('owner.match.nextRoundHint', { round: cohort.round + 1 })}</Text>}
          {cohort.pairs.length === 0 ? (
            <EmptyState message={o('owner.match.noPairs')} />
          ) : (
            <div className={styles.pairs} role="list" aria-label={o('owner.match.pairsLabel')}>
              {cohort.pairs.map((pair) => (
                <CohortPairCard
                  key={pair.menteeId}
                  pair={pair}
                  others={cohort.pairs.filter((p) => p.menteeId !== pair.menteeId && p.mentorId !== pair.mentorId)}
                  pinned={pinned.some((p) => samePair(p, pair))}
                  editable={draft !== undefined && busy === undefined}
                  onPin={(on) => setPins(on ? [...pinned, ref(pair)] : pinned.filter((p) => !samePair(p, pair)))}
                  onSwap={(other) => swap(pair, other)}
                  onExclude={() => exclude(pair)}
                />
              ))}
            </div>
          )}
          {cohort.unmatched.length > 0 ? (
            <>
              <Subtitle2 as="h3">{o('owner.match.unmatchedTitle')}</Subtitle2>
              <ul className={styles.list}>
                {cohort.unmatched.map((u) => (
                  <li key={u.menteeId}>
                    <Text>{u.candidates === 0 ? o('owner.match.unmatchedNone', { name: u.menteeName }) : o('owner.match.unmatchedTaken', { name: u.menteeName })}</Text>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {cohort.notMatchable > 0 ? <Text>{o('owner.match.notMatchable', { count: cohort.notMatchable })}</Text> : null}
        </>
      )}
    </div>
  );
}
