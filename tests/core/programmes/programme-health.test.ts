/** Programme counters as pairs change: order-free, idempotent, equal to counting the final facts. */
import fc from 'fast-check';
import { applyPairChange, EMPTY_HEALTH, requestFacts, withRisksAsOf, type PairFacts, type ProgrammeHealth } from '../../../src/core/programmes/programme-health';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 2, 1);

const factsArb = (relationshipId: string) =>
  fc.record({
    stage: fc.constantFrom('matched' as const, 'agreed' as const, 'meeting' as const, 'closed' as const),
    planned: fc.nat(6),
    held: fc.nat(6),
    missed: fc.nat(3),
    cancelled: fc.nat(3),
    answered: fc.nat(12),
    goals: fc.nat(5),
    progress: fc.nat(500),
    firstHeldDays: fc.option(fc.nat(60), { nil: undefined }),
    lastTwoCancelled: fc.boolean(),
  }).map(
    (r): PairFacts =>
      withRisksAsOf(
        {
          relationshipId,
          menteeId: `${relationshipId}-e`,
          mentorId: `${relationshipId}-m`,
          menteeName: 'A',
          mentorName: 'B',
          stage: r.stage,
          matchedAt: NOW - 90 * DAY,
          ...(r.firstHeldDays !== undefined ? { firstHeldAt: NOW - 90 * DAY + r.firstHeldDays * DAY, lastHeldAt: NOW - 90 * DAY + r.firstHeldDays * DAY } : {}),
          meetings: { planned: r.planned, held: r.held, missed: r.missed, cancelled: r.cancelled },
          checkInsAnswered: r.answered,
          checkInsExpected: 2 * r.held,
          goals: r.goals,
          goalProgressSum: r.progress,
          periodDays: 14,
          lastTwoCancelled: r.lastTwoCancelled,
          risks: [],
          asOf: NOW,
        },
        NOW,
      ),
  );

/** The counters computed from scratch over the final facts. */
function counted(finals: readonly PairFacts[]): Omit<ProgrammeHealth, 'updatedAt'> {
  let h = EMPTY_HEALTH;
  for (const f of finals) h = applyPairChange(h, undefined, f, NOW);
  const { updatedAt: _u, ...rest } = h;
  return rest;
}

it('any order of changes, each pair replacing its own earlier facts, ends where counting the final facts ends', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('r1', 'r2', 'r3', 'r4'), fc.nat(1000)), { minLength: 1, maxLength: 30 }).chain((steps) =>
        fc.tuple(...steps.map(([id]) => factsArb(id))),
      ),
      (changes) => {
        let h = EMPTY_HEALTH;
        const latest = new Map<string, PairFacts>();
        for (const f of changes) {
          h = applyPairChange(h, latest.get(f.relationshipId), f, NOW);
          // Recording the same facts twice changes nothing.
          const once = h;
          h = applyPairChange(h, f, f, NOW);
          expect({ ...h, updatedAt: 0 }).toEqual({ ...once, updatedAt: 0 });
          latest.set(f.relationshipId, f);
        }
        const { updatedAt: _u, ...rest } = h;
        expect(rest).toEqual(counted([...latest.values()]));
      },
    ),
    { numRuns: 200 },
  );
});

it('risks come from facts and time: two periods without a held meeting, two cancellations in a row, no agreement after seven days', () => {
  const base: PairFacts = {
    relationshipId: 'r',
    menteeId: 'e',
    mentorId: 'm',
    menteeName: 'A',
    mentorName: 'B',
    stage: 'matched',
    matchedAt: NOW,
    meetings: { planned: 0, held: 0, missed: 0, cancelled: 0 },
    checkInsAnswered: 0,
    checkInsExpected: 0,
    goals: 0,
    goalProgressSum: 0,
    periodDays: 14,
    lastTwoCancelled: false,
    risks: [],
    asOf: NOW,
  };
  expect(withRisksAsOf(base, NOW + 6 * DAY).risks).toEqual([]);
  expect(withRisksAsOf(base, NOW + 7 * DAY).risks).toEqual(['agreementNotAccepted']);
  expect(withRisksAsOf({ ...base, stage: 'meeting', lastHeldAt: NOW }, NOW + 27 * DAY).risks).toEqual([]);
  expect(withRisksAsOf({ ...base, stage: 'meeting', lastHeldAt: NOW }, NOW + 28 * DAY).risks).toEqual(['noMeetingInTwoPeriods']);
  expect(withRisksAsOf({ ...base, stage: 'agreed', lastTwoCancelled: true }, NOW).risks).toEqual(['twoCancellationsInARow']);
  expect(withRisksAsOf({ ...base, stage: 'closed', lastTwoCancelled: true }, NOW + 100 * DAY).risks).toEqual([]);
});

it('a programme request unanswered for seven days is at risk (and only for that); declined, it is a pair that closed', () => {
  const request = { id: 'p.1.0', menteeId: 'e', mentorId: 'm', createdAt: NOW, status: 'open' };
  const waiting = requestFacts(request, { mentee: 'A', mentor: 'B' }, NOW);
  expect(waiting).toMatchObject({ relationshipId: 'p.1.0', stage: 'matched', awaitingAnswer: true, matchedAt: NOW, risks: [] });
  expect(withRisksAsOf(waiting, NOW + 7 * DAY - 1).risks).toEqual([]);
  // Not "no agreement" nor "no meeting": there is no pair yet to agree or meet, only the silence.
  expect(withRisksAsOf(waiting, NOW + 7 * DAY).risks).toEqual(['requestUnanswered']);
  expect(withRisksAsOf(waiting, NOW + 60 * DAY).risks).toEqual(['requestUnanswered']);
  const declined = requestFacts({ ...request, status: 'declined' }, { mentee: 'A', mentor: 'B' }, NOW + 8 * DAY);
  expect(declined).toMatchObject({ stage: 'closed', risks: [] });
  expect(declined.awaitingAnswer).toBeUndefined();
  // The counters move from the waiting request to the closed pair, never counting both.
  const health = applyPairChange(applyPairChange(EMPTY_HEALTH, undefined, withRisksAsOf(waiting, NOW + 8 * DAY), NOW), withRisksAsOf(waiting, NOW + 8 * DAY), declined, NOW);
  expect(health).toMatchObject({ pairs: 1, atRisk: 0, byStage: { matched: 0, closed: 1 } });
});
