import fc from 'fast-check';
import {
  AcceptAgreementParams,
  AddActionItemInputSchema,
  AddGoalInputSchema,
  CloseRelationshipInputSchema,
  CreateRequestBody,
  DeclineRequestInputSchema,
  GoalDto,
  MentorSuggestionQuery,
  MentorSuggestionDto,
  MyRelationshipsResponse,
  ProfileDto,
  ProposeAgreementInputSchema,
  RelationshipDetailDto,
  RequestViewDto,
  RoadmapDto,
  RoadmapTemplateDto,
  SaveRoadmapInputSchema,
  SubmitCheckInInputSchema,
  UpdateActionItemInputSchema,
  UpdateGoalInputSchema,
  UpsertProfileBody,
  AgreementStateDto,
  toAcceptAgreementInput,
  toAgreementStateDto,
  toGoalDto,
  toMentorQuery,
  toMentorSuggestionDto,
  toProfileDto,
  toRelationshipDetailDto,
  toRelationshipSummaryDto,
  toRequestViewDto,
  toRoadmapDto,
  toRoadmapTemplateDto,
} from '../../src/contracts';
import { acceptAgreement, proposeAgreement } from '../../src/core/usecases/agreement-use-cases';
import { submitCheckIn } from '../../src/core/usecases/check-in-use-cases';
import { addGoal } from '../../src/core/usecases/goal-use-cases';
import { addActionItem } from '../../src/core/usecases/action-item-use-cases';
import { suggestMentors } from '../../src/core/usecases/mentor-suggestion-use-cases';
import { getRelationshipDetail, listMyRelationships } from '../../src/core/usecases/relationship-use-cases';
import { listMyRequests } from '../../src/core/usecases/request-use-cases';
import { listRoadmapTemplates, saveRoadmap } from '../../src/core/usecases/roadmap-use-cases';
import { agreementFor, call, MentoringWorld, person, profileFields, unwrap } from '../fakes/mentoring-world';

const rid = { relationshipId: 'r-1' };
const emptySmart = { specific: '', measurable: '', achievable: '', relevant: '', timeBound: '' };

/** A valid example of each use case input, as the HTTP layer assembles it (params + body). */
const examples = {
  UpsertProfileBody: [UpsertProfileBody, { ...profileFields(), version: 'W/"1"' }],
  CreateRequestBody: [CreateRequestBody, { mentorId: 'm', note: 'hi', preWork: { whatIWant: 'a', whatIBring: 'b', expectations: 'c' } }],
  DeclineRequestInput: [DeclineRequestInputSchema, { requestId: 'q', reason: 'busy' }],
  CloseRelationshipInput: [CloseRelationshipInputSchema, { ...rid, reflection: { whatWorked: 'a', whatToImprove: '', keyTakeaway: '' } }],
  ProposeAgreementInput: [ProposeAgreementInputSchema, { ...rid, agreement: agreementFor({ mentorId: 'a', menteeId: 'b' }), note: '', basedOnVersion: 1 }],
  AddGoalInput: [AddGoalInputSchema, { ...rid, title: 'Goal', smart: emptySmart, targetDate: '2026-06-30' }],
  UpdateGoalInput: [UpdateGoalInputSchema, { ...rid, goalId: 'g', version: 'v', targetDate: null, smart: { specific: 'x' } }],
  SaveRoadmapInput: [SaveRoadmapInputSchema, { ...rid, themes: [{ title: 'T', notes: '', meetingNumbers: [1, 2] }] }],
  AddActionItemInput: [AddActionItemInputSchema, { ...rid, title: 'Do', ownerId: 'u' }],
  UpdateActionItemInput: [UpdateActionItemInputSchema, { ...rid, itemId: 'i', version: 'v', status: 'done', dueDate: null }],
  SubmitCheckInInput: [
    SubmitCheckInInputSchema,
    {
      ...rid,
      meetingId: 'm1',
      answers: { useful: 'a', nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
      goalProgress: [{ goalId: 'g', progress: 10 }],
      newActionItems: [{ title: 'x', ownerId: 'u' }],
      privateNote: 'mine',
    },
  ],
} as const;

describe('input contracts', () => {
  it.each(Object.entries(examples))('%s accepts a valid example', (_name, [schema, value]) => {
    expect(schema.safeParse(value).success).toBe(true);
  });

  it.each(Object.entries(examples))('%s refuses an unknown field (strict)', (_name, [schema, value]) => {
    expect(schema.safeParse({ ...value, tenantId: 'other-tenant' }).success).toBe(false);
  });

  it('caps string lengths and array sizes', () => {
    expect(UpsertProfileBody.safeParse({ ...profileFields(), jobTitle: 'x'.repeat(201) }).success).toBe(false);
    expect(UpsertProfileBody.safeParse({ ...profileFields(), skillsToTeach: Array.from({ length: 31 }, (_, i) => `s${i}`) }).success).toBe(false);
    expect(UpsertProfileBody.safeParse({ ...profileFields(), skillsToTeach: ['x'.repeat(61)] }).success).toBe(false);
    const [checkIn, value] = examples.SubmitCheckInInput;
    expect(checkIn.safeParse({ ...value, newActionItems: Array.from({ length: 21 }, () => ({ title: 'x', ownerId: 'u' })) }).success).toBe(false);
    expect(checkIn.safeParse({ ...value, privateNote: 'x'.repeat(4001) }).success).toBe(false);
  });

  it('refuses ids that cannot be storage keys', () => {
    for (const bad of ['a/b', 'a#b', 'a?b', 'a\\b', '', 'x'.repeat(129), 'a\u0000b']) {
      expect(CreateRequestBody.safeParse({ ...examples.CreateRequestBody[1], mentorId: bad }).success).toBe(false);
    }
  });

  it('turns the suggestion query strings into the core query', () => {
    const parsed = MentorSuggestionQuery.parse({ skill: 'Teams', q: '', reverse: 'true', limit: '5' });
    expect(toMentorQuery(parsed)).toEqual({ skill: 'Teams', reverse: true, limit: 5 });
    expect(MentorSuggestionQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(MentorSuggestionQuery.safeParse({ limit: '51' }).success).toBe(false);
    expect(MentorSuggestionQuery.safeParse({ reverse: 'yes' }).success).toBe(false);
  });

  it('reads the agreement version number from the path', () => {
    const params = AcceptAgreementParams.parse({ relationshipId: 'r', version: '3' });
    expect(toAcceptAgreementInput(params, { version: 'W/"7"' })).toEqual({ relationshipId: 'r', versionNumber: 3, version: 'W/"7"' });
    expect(AcceptAgreementParams.safeParse({ relationshipId: 'r', version: '0' }).success).toBe(false);
    expect(AcceptAgreementParams.safeParse({ relationshipId: 'r', version: 'abc' }).success).toBe(false);
  });

  it('never throws on arbitrary JSON, whatever the schema', () => {
    const schemas = Object.values(examples).map(([s]) => s);
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...schemas), (value, schema) => {
        expect(() => schema.safeParse(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('output contracts: what the use cases return maps to DTOs that satisfy the schemas', () => {
  it('round-trips a full relationship, with ISO instants', async () => {
    const w = new MentoringWorld();
    const mira = person('mira', 'Mira');
    const tom = person('tom', 'Tom');
    const r = await w.pair(mira, tom, { mentorProfile: { skillsToTeach: ['Azure'] }, menteeProfile: { skillsToLearn: ['Azure'], seniority: 'intermediate' } });
    await w.meeting(tom, r, { id: 'm1', number: 1 });
    unwrap(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '' })));
    unwrap(await acceptAgreement(w.deps, call(tom, { relationshipId: r.id, versionNumber: 1 })));
    const goal = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: 'Ship', smart: emptySmart, targetDate: '2026-06-30' })));
    unwrap(await addActionItem(w.deps, call(tom, { relationshipId: r.id, title: 'Read', ownerId: 'tom' })));
    unwrap(await saveRoadmap(w.deps, call(tom, { relationshipId: r.id, themes: [{ title: 'Intro', notes: '', meetingNumbers: [1] }] })));
    unwrap(
      await submitCheckIn(w.deps, call(tom, {
        relationshipId: r.id,
        meetingId: 'm1',
        answers: { useful: 'Yes', nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
        goalProgress: [{ goalId: goal.goal.id, progress: 20 }],
        newActionItems: [{ title: 'Try it', ownerId: 'mira', dueDate: '2026-03-09' }],
        privateNote: 'only me',
      })),
    );

    const detail = toRelationshipDetailDto(unwrap(await getRelationshipDetail(w.deps, call(tom, { relationshipId: r.id }))));
    expect(RelationshipDetailDto.parse(detail)).toEqual(detail);
    expect(detail.relationship.startedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(detail.agreement.activeNumber).toBe(1);
    expect(detail.checkIns[0]?.privateNote).toBe('only me');
    const partnerView = toRelationshipDetailDto(unwrap(await getRelationshipDetail(w.deps, call(mira, { relationshipId: r.id }))));
    expect(RelationshipDetailDto.parse(partnerView).checkIns[0]).not.toHaveProperty('privateNote');

    const list = { relationships: unwrap(await listMyRelationships(w.deps, call(tom, undefined))).map(toRelationshipSummaryDto) };
    expect(MyRelationshipsResponse.parse(list)).toEqual(list);
    for (const v of unwrap(await listMyRequests(w.deps, call(tom, undefined)))) expect(RequestViewDto.parse(toRequestViewDto(v))).toBeTruthy();
    expect(GoalDto.parse(toGoalDto(goal))).toBeTruthy();
    expect(RoadmapDto.parse(toRoadmapDto({ id: 'roadmap', themes: [] }))).toEqual({ themes: [] });
    expect(ProfileDto.parse(toProfileDto(unwrap(await w.repos.profiles.get('tenant-a', 'mira'))))).toMatchObject({ capacityLeft: 1, activeMenteeCount: 1 });
    expect(AgreementStateDto.parse(detail.agreement)).toEqual(detail.agreement);
    expect(toAgreementStateDto({ versions: [], versionCount: 0 })).toEqual({ versions: [], versionCount: 0 });

    const other = person('ola', 'Ola');
    await w.profile(other, { seniority: 'executive', skillsToLearn: ['Azure'] });
    const suggestions = unwrap(await suggestMentors(w.deps, call(other, {}))).map(toMentorSuggestionDto);
    expect(suggestions).toHaveLength(1);
    for (const s of suggestions) expect(MentorSuggestionDto.parse(s)).toEqual(s);
    for (const t of listRoadmapTemplates()) expect(RoadmapTemplateDto.parse(toRoadmapTemplateDto(t))).toBeTruthy();
  });
});
