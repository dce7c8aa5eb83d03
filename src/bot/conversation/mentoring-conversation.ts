import type { AdaptiveCard } from '../../adapters/cards/adaptive-card';
import type { CardLocale } from '../../adapters/cards/card-locale';
import type { CardRejection } from '../../adapters/cards/card-strings';
import { checkInCard, checkInNudgeCard, checkInSummaryCard } from '../../adapters/cards/check-in-card';
import {
  actionItemReminderCard,
  actionItemsCard,
  helpCard,
  nextMeetingCard,
  rejectedActionCard,
  missedMeetingCard,
  missedYouCard,
  rebookedCard,
  rescheduleCard,
  welcomeCard,
  type TabLinks,
} from '../../adapters/cards/simple-cards';
import type { CheckInCardIssueStore, ConversationReferenceStore, StoredConversationReference } from '../../core/ports/bot-stores';
import { checkInId } from '../../core/checkins/check-in';
import { agreementVersionId } from '../../core/relationships/agreement-version';
import { timesToRebook, type RebookMissedMeetingInput, type RebookOutcome } from '../../core/booking/rebook-missed-meeting';
import type { RebookProblem } from '../../adapters/cards/card-strings';
import type { ProactiveMessage } from '../../core/delivery/bot-message';
import type { RelationshipAggregate } from '../../core/relationships/relationship';
import { itemsToRemind } from '../../core/delivery/select-proactive-messages';
import { fail, ok, type Result } from '../../core/result';
import { STORAGE_NOT_FOUND } from '../../core/ports/repositories';
import { getMyCheckIn, submitCheckIn } from '../../core/usecases/check-in-use-cases';
import type { MentoringDeps } from '../../core/usecases/deps';
import type { Principal } from '../../core/usecases/principal';
import { parseCommand } from './commands';
import { CardActionDataSchema, changedElsewhereMessage, parseCheckInForm, type CardActionData } from './check-in-form';
import { RebookActionDataSchema, rebookProblemOf, type RebookActionData } from './rebook-action';
import { ProgrammeJoinActionDataSchema, type ProgrammeCardsPort } from './programme-actions';
import { announcementCard, pairNudgeCard, programmeInvitationCard, programmeJoinedCard } from '../../adapters/cards/programme-cards';

/** Who is talking to the bot, from the activity the channel authenticated. */
export interface BotUser {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly locale: CardLocale;
}

export interface ConversationDeps {
  readonly mentoring: MentoringDeps;
  readonly references: ConversationReferenceStore;
  readonly cardIssues: CheckInCardIssueStore;
  readonly links: TabLinks;
  readonly newNonce: () => string;
  readonly now: () => number;
  /**
   * After a check-in is saved: its new action items go into the next meetings' invites (the booking
   * agenda refresh). Its failure never undoes the check-in; the calendar sync retries it.
   */
  readonly afterCheckInSaved?: (tenantId: string, relationshipId: string) => Promise<void>;
  /**
   * One-click rescheduling on the "missed it?" card, through the booking use cases with the tenant's
   * app-only calendar access: the free times it offers, and the booking of one. Without it (or when
   * the calendars cannot be read) the card lists the agreement's times and the schedule link is the way.
   */
  readonly rebook?: RebookPort;
  /** Programme cards (announcements, invitations, nudges) and Join; without it those jobs are undeliverable. */
  readonly programmes?: ProgrammeCardsPort;
}

export interface RebookPort {
  offer(input: { tenantId: string; relationshipId: string; meetingId: string }): Promise<Result<number[]>>;
  book(principal: Principal, input: RebookMissedMeetingInput): Promise<Result<RebookOutcome>>;
}

/** The bot's answer to a turn: a card to show (in a new message, or in place of the card clicked). */
export interface CardReply {
  readonly card: AdaptiveCard;
}

const principalOf = (user: BotUser): Principal => ({
  tenantId: user.tenantId,
  userId: user.userId,
  displayName: user.displayName,
  roles: [],
});

/**
 * Everything the bot says and does, without the bot framework: the host turns activities into these
 * calls and the returned cards into activities, so moving to another SDK replaces only the host.
 */
export class MentoringConversation {
  constructor(private readonly deps: ConversationDeps) {}

  async installed(user: BotUser, reference: StoredConversationReference): Promise<CardReply> {
    await this.deps.references.save(reference);
    // Some clients (the Agents Playground) send the install without the person's name: their profile has it.
    let displayName = user.displayName;
    if (!displayName) {
      const profile = await this.deps.mentoring.repos.profiles.get(user.tenantId, user.userId);
      if (profile.ok) displayName = profile.value.displayName;
    }
    return { card: welcomeCard({ locale: user.locale, displayName, links: this.deps.links }) };
  }

  async remember(reference: StoredConversationReference): Promise<void> {
    await this.deps.references.save(reference);
  }

  async message(user: BotUser, text: string): Promise<CardReply> {
    const links = this.deps.links;
    switch (parseCommand(text)) {
      case 'nextMeeting':
        return { card: await this.nextMeeting(user) };
      case 'myActionItems':
        return { card: await this.myActionItems(user) };
      case 'reschedule':
        return { card: rescheduleCard({ locale: user.locale, links }) };
      case 'help':
        return { card: helpCard({ locale: user.locale, links }) };
      case 'unknown':
        return { card: helpCard({ locale: user.locale, unknownText: text, links }) };
    }
  }

  private async timeZoneOf(tenantId: string, userId: string): Promise<string> {
    const profile = await this.deps.mentoring.repos.profiles.get(tenantId, userId);
    return profile.ok ? profile.value.timeZone : 'UTC';
  }

  private async nameOf(tenantId: string, userId: string): Promise<string> {
    const profile = await this.deps.mentoring.repos.profiles.get(tenantId, userId);
    return profile.ok ? profile.value.displayName : userId;
  }

  private async nextMeeting(user: BotUser): Promise<AdaptiveCard> {
    const repos = this.deps.mentoring.repos.relationships;
    const now = this.deps.now();
    const mine = await repos.listForPerson(user.tenantId, user.userId);
    let best: { start: number; partnerId: string; joinUrl?: string } | undefined;
    for (const rel of mine.ok ? mine.value.filter((r) => r.status === 'active') : []) {
      const meetings = await repos.meetings.list(user.tenantId, rel.id);
      for (const m of meetings.ok ? meetings.value : []) {
        if (m.status === 'cancelled' || m.end <= now) continue;
        if (!best || m.start < best.start) {
          best = { start: m.start, partnerId: rel.mentorId === user.userId ? rel.menteeId : rel.mentorId, ...(m.joinUrl ? { joinUrl: m.joinUrl } : {}) };
        }
      }
    }
    const timeZone = await this.timeZoneOf(user.tenantId, user.userId);
    if (!best) return nextMeetingCard({ locale: user.locale, timeZone, links: this.deps.links });
    return nextMeetingCard({
      locale: user.locale,
      timeZone,
      meeting: { partnerName: await this.nameOf(user.tenantId, best.partnerId), start: best.start, ...(best.joinUrl ? { joinUrl: best.joinUrl } : {}) },
      links: this.deps.links,
    });
  }

  private async myActionItems(user: BotUser): Promise<AdaptiveCard> {
    const repos = this.deps.mentoring.repos.relationships;
    const mine = await repos.listForPerson(user.tenantId, user.userId);
    const items: { title: string; dueDate?: string; partnerName: string }[] = [];
    for (const rel of mine.ok ? mine.value.filter((r) => r.status === 'active') : []) {
      const partnerName = await this.nameOf(user.tenantId, rel.mentorId === user.userId ? rel.menteeId : rel.mentorId);
      const listed = await repos.actionItems.list(user.tenantId, rel.id);
      for (const a of listed.ok ? listed.value : []) {
        if (a.ownerId === user.userId && a.status === 'open') items.push({ title: a.title, partnerName, ...(a.dueDate ? { dueDate: a.dueDate } : {}) });
      }
    }
    items.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    return actionItemsCard({ locale: user.locale, items, links: this.deps.links });
  }

  /** The check-in card for one person and meeting, issued with a fresh nonce (used by delivery). */
  async composeCheckInCard(user: BotUser, relationshipId: string, meetingId: string, aggregate?: RelationshipAggregate): Promise<Result<AdaptiveCard>> {
    const nonce = this.deps.newNonce();
    const form = await this.checkInFormCard(user, relationshipId, meetingId, nonce, false, undefined, undefined, aggregate);
    if (!form.ok) return form;
    await this.deps.cardIssues.issue({ nonce, tenantId: user.tenantId, userId: user.userId, relationshipId, meetingId });
    return form;
  }

  /** The reminder of open action items due by the next meeting (the job names that meeting). */
  async composeReminderCard(user: BotUser, relationshipId: string, nextMeetingId: string): Promise<Result<AdaptiveCard>> {
    const repos = this.deps.mentoring.repos;
    const aggregate = await repos.relationships.getAggregate(user.tenantId, relationshipId);
    if (!aggregate.ok) return aggregate;
    const next = aggregate.value.meetings.find((m) => m.id === nextMeetingId);
    if (!next) return fail('CHECKIN.MEETING_NOT_FOUND', 'That meeting is not part of this relationship.');
    const rel = aggregate.value.relationship;
    const partnerId = rel.mentorId === user.userId ? rel.menteeId : rel.mentorId;
    const timeZone = await this.timeZoneOf(user.tenantId, user.userId);
    const partnerName = await this.nameOf(user.tenantId, partnerId);
    const snapshot = {
      tenantId: user.tenantId,
      relationship: rel,
      meetings: aggregate.value.meetings,
      actionItems: aggregate.value.actionItems,
      checkIns: aggregate.value.checkIns,
      timeZoneOf: () => timeZone,
    };
    const items = itemsToRemind(snapshot, user.userId, next);
    if (items.length === 0) return fail('DELIVERY.NOTHING_TO_REMIND', 'Every action item due by the next meeting is done.');
    return ok(
      actionItemReminderCard({
        locale: user.locale,
        timeZone,
        meetingStart: next.start,
        items: items.map((a) => ({ title: a.title, partnerName, ...(a.dueDate ? { dueDate: a.dueDate } : {}) })),
        links: this.deps.links,
      }),
    );
  }

  /**
   * The card for a queued proactive message. `aggregate`: the relationship as the delivery just read
   * it for the recipient (one read serves both); read here otherwise.
   */
  async composeProactive(job: ProactiveMessage, user: BotUser, aggregate?: RelationshipAggregate): Promise<Result<AdaptiveCard>> {
    switch (job.kind) {
      case 'checkin':
        return this.composeCheckInCard(user, job.relationshipId, job.meetingId, aggregate);
      case 'checkinNudge':
        return this.composeNudgeCard(user, job.relationshipId, job.meetingId, aggregate);
      case 'actionItemReminder':
        return this.composeReminderCard(user, job.relationshipId, job.meetingId);
      case 'missedMeeting':
      case 'missedYou':
        return this.composeMissedCard(user, job.kind, job.relationshipId, job.meetingId, aggregate);
      case 'announcement':
      case 'programmeInvitation':
      case 'programmeNudge':
        return this.composeProgrammeCard(job, user);
      case 'meetingEndingSoon':
        // Not a chat card: the delivery worker sends it as Teams' targeted in-meeting notification.
        return fail('DELIVERY.UNSUPPORTED_KIND', 'The in-meeting nudge is a meeting notification, not a card.');
    }
  }

  /** This programme on the Programme tab (its id in the route), or home where the bot has no Programme tab link. */
  private programmeLink(programmeId: string): string {
    return this.deps.links.programme?.(programmeId) ?? this.deps.links.home;
  }

  /** An announcement, an invitation or a nudge, from what the programme stores now (the job carries ids only). */
  private async composeProgrammeCard(job: ProactiveMessage, user: BotUser): Promise<Result<AdaptiveCard>> {
    const port = this.deps.programmes;
    if (!port || !job.programmeId) return fail('DELIVERY.UNSUPPORTED_KIND', 'Programme messages are not connected in this bot.');
    const programme = await port.programme(user.tenantId, job.programmeId);
    if (!programme.ok) return programme;
    const link = this.programmeLink(job.programmeId);
    if (job.kind === 'announcement') {
      const announcement = await port.announcement(user.tenantId, job.programmeId, job.itemId ?? '');
      if (!announcement.ok) return announcement;
      return ok(announcementCard({ locale: user.locale, programmeName: programme.value.name, text: announcement.value.text, programmeLink: link }));
    }
    if (job.kind === 'programmeInvitation') {
      const p = programme.value;
      return ok(programmeInvitationCard({ locale: user.locale, programmeId: p.id, programmeName: p.name, purpose: p.purpose, startDate: p.startDate, endDate: p.endDate, programmeLink: link }));
    }
    const relationship = await this.deps.mentoring.repos.relationships.get(user.tenantId, job.relationshipId);
    if (!relationship.ok) return relationship;
    const rel = relationship.value;
    if (rel.mentorId !== user.userId && rel.menteeId !== user.userId) return fail('RELATIONSHIP.NOT_FOUND', 'We could not find that mentoring relationship among yours.');
    const partnerName = await this.nameOf(user.tenantId, rel.mentorId === user.userId ? rel.menteeId : rel.mentorId);
    const risks = await port.risks(user.tenantId, job.programmeId, rel.id);
    return ok(pairNudgeCard({ locale: user.locale, programmeName: programme.value.name, partnerName, risks, scheduleLink: this.deps.links.schedule, homeLink: this.deps.links.home }));
  }

  /** Join on the invitation card: the join use case as the person who clicked, with the role they chose. */
  private async joinFromCard(user: BotUser, programmeId: string, values: Readonly<Record<string, unknown>>): Promise<CardReply> {
    const port = this.deps.programmes;
    const link = this.programmeLink(programmeId);
    if (!port) return this.rejected(user, 'UNKNOWN_ACTION');
    const role = values.role === 'mentor' ? 'mentor' : values.role === 'mentee' ? 'mentee' : undefined;
    if (!role) return this.rejected(user, 'INVALID_INPUT');
    const joined = await port.join(principalOf(user), { programmeId, role }, this.deps.now());
    if (!joined.ok) return { card: programmeJoinedCard({ locale: user.locale, problem: joined.error.message, programmeLink: link }) };
    return { card: programmeJoinedCard({ locale: user.locale, programmeName: joined.value.programmeName, role, programmeLink: link }) };
  }

  /** After a meeting nobody (or only the partner) joined: no check-in, a way to meet again. */
  async composeMissedCard(
    user: BotUser,
    kind: 'missedMeeting' | 'missedYou',
    relationshipId: string,
    meetingId: string,
    preloaded?: RelationshipAggregate,
    problem?: RebookProblem,
  ): Promise<Result<AdaptiveCard>> {
    const context = await this.checkInContext(user, relationshipId, meetingId, preloaded);
    if (!context.ok) return context;
    const common = { locale: user.locale, timeZone: context.value.timeZone, meetingStart: context.value.meetingStart, partnerName: context.value.partnerName, links: this.deps.links };
    if (kind === 'missedYou') return ok(missedYouCard(common));
    // Moved already (the partner clicked first, before this card went out): say so instead of offering times.
    const rebooked = context.value.meeting.rebookedAfterMiss;
    if (rebooked) {
      return ok(
        rebookedCard({ ...common, start: context.value.meeting.start, kind: 'alreadyBooked', chosenBy: rebooked.by === user.userId ? 'me' : 'partner' }),
      );
    }
    const aggregate = context.value.aggregate;
    const active = aggregate.relationship.activeAgreementVersion;
    const version = active !== undefined ? aggregate.agreementVersions.find((v) => v.id === agreementVersionId(active)) : undefined;
    const offered = this.deps.rebook ? await this.deps.rebook.offer({ tenantId: user.tenantId, relationshipId, meetingId }) : undefined;
    const times = offered?.ok ? offered.value : version ? timesToRebook(version.agreement, this.deps.now()) : [];
    return ok(
      missedMeetingCard({
        ...common,
        times,
        // Buttons only for times read free in both calendars; otherwise the times are listed.
        ...(offered?.ok ? { rebook: { relationshipId, meetingId } } : {}),
        ...(problem ? { problem } : {}),
      }),
    );
  }

  /** A time clicked on the "missed it?" card: booked once, whoever clicks again is told what stands. */
  private async rebook(user: BotUser, data: RebookActionData): Promise<CardReply> {
    const again = async (problem: RebookProblem): Promise<CardReply> => {
      const card = await this.composeMissedCard(user, 'missedMeeting', data.relationshipId, data.meetingId, undefined, problem);
      return card.ok ? { card: card.value } : this.rejected(user, 'WRONG_RELATIONSHIP');
    };
    if (!this.deps.rebook) return again('NOT_CONNECTED');
    const booked = await this.deps.rebook.book(principalOf(user), {
      relationshipId: data.relationshipId,
      meetingId: data.meetingId,
      start: Date.parse(data.start),
    });
    if (!booked.ok) {
      if (booked.error.code === 'RELATIONSHIP.NOT_FOUND') return this.rejected(user, 'WRONG_RELATIONSHIP');
      return again(rebookProblemOf(booked.error.code));
    }
    const context = await this.checkInContext(user, data.relationshipId, data.meetingId);
    if (!context.ok) return this.rejected(user, 'WRONG_RELATIONSHIP');
    return {
      card: rebookedCard({
        locale: user.locale,
        timeZone: context.value.timeZone,
        start: booked.value.meeting.start,
        partnerName: context.value.partnerName,
        kind: booked.value.kind,
        chosenBy: booked.value.bookedBy === user.userId ? 'me' : 'partner',
        links: this.deps.links,
      }),
    };
  }

  /** The nudge for a missing check-in; its button opens a fresh form. */
  async composeNudgeCard(user: BotUser, relationshipId: string, meetingId: string, aggregate?: RelationshipAggregate): Promise<Result<AdaptiveCard>> {
    const nonce = this.deps.newNonce();
    const context = await this.checkInContext(user, relationshipId, meetingId, aggregate);
    if (!context.ok) return context;
    await this.deps.cardIssues.issue({ nonce, tenantId: user.tenantId, userId: user.userId, relationshipId, meetingId });
    return ok(
      checkInNudgeCard({
        locale: user.locale,
        timeZone: context.value.timeZone,
        relationshipId,
        meetingId,
        meetingStart: context.value.meetingStart,
        nonce,
        partnerName: context.value.partnerName,
      }),
    );
  }

  /**
   * What a check-in card needs, from the relationship's aggregate: one partition read (or one point
   * read of its revision when this process holds it, as after planning or the recipient's read),
   * instead of a point read per part and a query for the goals.
   */
  private async checkInContext(user: BotUser, relationshipId: string, meetingId: string, preloaded?: RelationshipAggregate) {
    const aggregate = preloaded ? ok(preloaded) : await this.deps.mentoring.repos.relationships.getAggregate(user.tenantId, relationshipId);
    if (!aggregate.ok) return aggregate;
    const rel = aggregate.value.relationship;
    const partnerId = rel.mentorId === user.userId ? rel.menteeId : rel.mentorId;
    if (rel.mentorId !== user.userId && rel.menteeId !== user.userId) {
      return fail('RELATIONSHIP.NOT_FOUND', 'We could not find that mentoring relationship among yours.');
    }
    const meeting = aggregate.value.meetings.find((m) => m.id === meetingId);
    if (!meeting) return fail(STORAGE_NOT_FOUND, 'No meeting with that id.');
    const [timeZone, partnerName] = await Promise.all([this.timeZoneOf(user.tenantId, user.userId), this.nameOf(user.tenantId, partnerId)]);
    return ok({ meeting, meetingStart: meeting.start, goals: aggregate.value.goals, timeZone, partnerName, partnerId, aggregate: aggregate.value });
  }

  private async checkInFormCard(
    user: BotUser,
    relationshipId: string,
    meetingId: string,
    nonce: string,
    prefillFromSaved: boolean,
    problems?: readonly string[],
    typed?: Readonly<Record<string, unknown>>,
    aggregate?: RelationshipAggregate,
    /** The version of the saved check-in the form edits (read here when prefilling from it). */
    checkInVersion?: string,
  ): Promise<Result<AdaptiveCard>> {
    const context = await this.checkInContext(user, relationshipId, meetingId, aggregate);
    if (!context.ok) return context;
    let prefill;
    let version = checkInVersion;
    if (prefillFromSaved) {
      const saved = await getMyCheckIn(this.deps.mentoring, { principal: principalOf(user), input: { relationshipId, meetingId }, now: this.deps.now() });
      if (saved.ok) {
        prefill = {
          answers: saved.value.answers,
          ...(saved.value.rating !== undefined ? { rating: saved.value.rating } : {}),
          goalProgress: saved.value.goalProgress,
          ...(saved.value.privateNote ? { privateNote: saved.value.privateNote } : {}),
        };
        version = saved.value.version;
      }
    }
    return ok(
      checkInCard({
        locale: user.locale,
        timeZone: context.value.timeZone,
        relationshipId,
        meetingId,
        meetingStart: context.value.meetingStart,
        nonce,
        partnerName: context.value.partnerName,
        goals: context.value.goals.map((g) => ({ id: g.id, title: g.title, progress: g.progress })),
        ...(prefill ? { prefill } : {}),
        ...(problems ? { problems } : {}),
        ...(typed ? { typed } : {}),
        ...(version !== undefined ? { checkInVersion: version } : {}),
      }),
    );
  }

  private rejected(user: BotUser, reason: CardRejection): CardReply {
    return { card: rejectedActionCard({ locale: user.locale, reason }) };
  }

  /**
   * A click on a check-in card (Action.Execute, or the Action.Submit fallback). The card must be
   * the one currently issued to this very person for this meeting and relationship; anything else
   * is refused before any write.
   */
  async cardAction(user: BotUser, rawData: unknown, values: Readonly<Record<string, unknown>>): Promise<CardReply> {
    const rebook = RebookActionDataSchema.safeParse(rawData);
    if (rebook.success) return this.rebook(user, rebook.data);
    const join = ProgrammeJoinActionDataSchema.safeParse(rawData);
    if (join.success) return this.joinFromCard(user, join.data.programmeId, values);
    const parsed = CardActionDataSchema.safeParse(rawData);
    if (!parsed.success) return this.rejected(user, 'UNKNOWN_ACTION');
    const data: CardActionData = parsed.data;
    const issue = await this.deps.cardIssues.findByNonce(user.tenantId, data.nonce);
    if (!issue || issue.userId !== user.userId) return this.rejected(user, 'NOT_YOUR_CARD');
    if (issue.relationshipId !== data.relationshipId || issue.meetingId !== data.meetingId) return this.rejected(user, 'WRONG_RELATIONSHIP');
    const current = await this.deps.cardIssues.currentNonce(user.tenantId, user.userId, data.meetingId);
    if (current !== data.nonce) return this.rejected(user, 'OUTDATED_CARD');

    if (data.verb === 'checkin.submit') return this.submit(user, data, values);
    // Edit (from the summary) and open (from the nudge) both bring up the form under a new issue.
    const next = { ...issue, nonce: this.deps.newNonce() };
    if (!(await this.deps.cardIssues.replaceCurrent(data.nonce, next))) return this.rejected(user, 'OUTDATED_CARD');
    const form = await this.checkInFormCard(user, data.relationshipId, data.meetingId, next.nonce, true);
    return form.ok ? { card: form.value } : this.rejected(user, 'WRONG_RELATIONSHIP');
  }

  private async submit(user: BotUser, data: CardActionData, values: Readonly<Record<string, unknown>>): Promise<CardReply> {
    const context = await this.checkInContext(user, data.relationshipId, data.meetingId);
    if (!context.ok) return this.rejected(user, 'WRONG_RELATIONSHIP');
    const form = parseCheckInForm(values, {
      locale: user.locale,
      goals: context.value.goals,
      userId: user.userId,
      partnerId: context.value.partnerId,
    });
    const resend = async (problems: readonly string[]): Promise<CardReply> => {
      const card = await this.checkInFormCard(user, data.relationshipId, data.meetingId, data.nonce, false, problems, values, undefined, data.checkInVersion);
      return card.ok ? { card: card.value } : this.rejected(user, 'INVALID_INPUT');
    };
    if (!form.ok) return resend(form.problems);

    // Claim this card issue before writing, so a double click or a replay of it cannot save twice.
    const next = { tenantId: user.tenantId, userId: user.userId, relationshipId: data.relationshipId, meetingId: data.meetingId, nonce: this.deps.newNonce() };
    if (!(await this.deps.cardIssues.replaceCurrent(data.nonce, next))) return this.rejected(user, 'OUTDATED_CARD');

    const principal = principalOf(user);
    const now = this.deps.now();
    // The version the form showed, not a fresh read: an edit saved meanwhile (in the tab) is not overwritten unseen.
    const saved = await submitCheckIn(this.deps.mentoring, {
      principal,
      now,
      input: {
        relationshipId: data.relationshipId,
        meetingId: data.meetingId,
        answers: form.form.answers,
        ...(form.form.rating !== undefined ? { rating: form.form.rating } : {}),
        goalProgress: form.form.goalProgress,
        newActionItems: form.form.newActionItems,
        ...(form.form.privateNote ? { privateNote: form.form.privateNote } : {}),
        ...(data.checkInVersion !== undefined ? { version: data.checkInVersion } : {}),
      },
    });
    if (!saved.ok) {
      const stale = saved.error.code === 'CHECKIN.VERSION_REQUIRED' || saved.error.code === 'STORAGE.CONFLICT';
      // Stale: say so, keep what they typed, and carry the version saved now, so sending again is a deliberate replace.
      const current = stale
        ? await this.deps.mentoring.repos.relationships.checkIns.get(user.tenantId, data.relationshipId, checkInId(data.meetingId, user.userId))
        : undefined;
      const problem = stale ? changedElsewhereMessage(user.locale) : saved.error.message;
      const version = current?.ok ? current.value.version : data.checkInVersion;
      const card = await this.checkInFormCard(user, data.relationshipId, data.meetingId, next.nonce, false, [problem], values, undefined, version);
      return card.ok ? { card: card.value } : this.rejected(user, 'INVALID_INPUT');
    }
    await this.deps.afterCheckInSaved?.(user.tenantId, data.relationshipId);
    const goalTitle = (id: string) => context.value.goals.find((g) => g.id === id)?.title ?? id;
    const names = { [user.userId]: user.displayName, [context.value.partnerId]: context.value.partnerName };
    return {
      card: checkInSummaryCard({
        locale: user.locale,
        timeZone: context.value.timeZone,
        relationshipId: data.relationshipId,
        meetingId: data.meetingId,
        meetingStart: context.value.meetingStart,
        nonce: next.nonce,
        answers: saved.value.answers,
        ...(saved.value.rating !== undefined ? { rating: saved.value.rating } : {}),
        goalProgress: saved.value.goalProgress.map((g) => ({ title: goalTitle(g.goalId), progress: g.progress })),
        newActionItems: form.form.newActionItems.map((a) => ({
          title: a.title,
          ownerName: names[a.ownerId] ?? a.ownerId,
          ...(a.dueDate ? { dueDate: a.dueDate } : {}),
        })),
        ...(saved.value.privateNote ? { privateNote: saved.value.privateNote } : {}),
      }),
    };
  }
}
