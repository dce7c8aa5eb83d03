import { adaptiveCard, executeAction, heading, openUrl, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatLocalDate, formatMeetingTime, type CardLocale } from './card-locale';
import { cardStrings, type CardRejection, type RebookProblem } from './card-strings';
import { escapeCardText } from './card-text';

/** Where cards link to in the tab. Built by the host from its configuration. */
export interface TabLinks {
  readonly home: string;
  readonly schedule: string;
  readonly actionItems: string;
  /** One programme on the Programme tab (programme cards: the tab's route carries its id); home when absent. */
  readonly programme?: (programmeId: string) => string;
}

export function welcomeCard(input: { locale: CardLocale; displayName?: string; links: TabLinks }): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard(
    [heading(input.displayName ? `${s.welcomeTitle}, ${escapeCardText(input.displayName)}` : s.welcomeTitle), paragraph(s.welcomeBody), paragraph(s.welcomeCommands)],
    [openUrl(s.openApp, input.links.home)],
  );
}

export function helpCard(input: { locale: CardLocale; unknownText?: string; links: TabLinks }): AdaptiveCard {
  const s = cardStrings[input.locale];
  const unknown = input.unknownText?.trim();
  return adaptiveCard(
    [
      ...(unknown ? [paragraph(s.helpUnknown(escapeCardText(unknown.slice(0, 80))), { color: 'Attention' })] : []),
      heading(s.helpTitle),
      paragraph(s.helpIntro),
      paragraph(`- ${s.helpNextMeeting}\n- ${s.helpActionItems}\n- ${s.helpReschedule}\n- ${s.helpHelp}`),
    ],
    [openUrl(s.openApp, input.links.home)],
  );
}

export interface NextMeetingView {
  readonly partnerName: string;
  readonly start: number;
  readonly joinUrl?: string;
}

export function nextMeetingCard(input: {
  locale: CardLocale;
  timeZone: string;
  meeting?: NextMeetingView;
  links: TabLinks;
}): AdaptiveCard {
  const s = cardStrings[input.locale];
  if (!input.meeting) {
    return adaptiveCard([heading(s.nextMeetingTitle), paragraph(s.noNextMeeting)], [openUrl(s.openSchedule, input.links.schedule)]);
  }
  const when = formatMeetingTime(input.meeting.start, input.timeZone, input.locale);
  return adaptiveCard(
    [heading(s.nextMeetingTitle), paragraph(s.nextMeetingWith(escapeCardText(input.meeting.partnerName), when))],
    [
      ...(input.meeting.joinUrl ? [openUrl(s.joinMeeting, input.meeting.joinUrl)] : []),
      openUrl(s.openSchedule, input.links.schedule),
    ],
  );
}

export interface ActionItemView {
  readonly title: string;
  readonly dueDate?: string;
  readonly partnerName: string;
}

function actionItemList(items: readonly ActionItemView[], locale: CardLocale) {
  const s = cardStrings[locale];
  return {
    type: 'FactSet',
    facts: items.map((item) => ({
      title: item.dueDate ? s.due(formatLocalDate(item.dueDate, locale)) : '—',
      value: `${escapeCardText(item.title)} (${escapeCardText(item.partnerName)})`,
    })),
  };
}

export function actionItemsCard(input: { locale: CardLocale; items: readonly ActionItemView[]; links: TabLinks }): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard(
    [heading(s.actionItemsTitle), input.items.length === 0 ? paragraph(s.noActionItems) : actionItemList(input.items, input.locale)],
    [openUrl(s.openApp, input.links.actionItems)],
  );
}

export function rescheduleCard(input: { locale: CardLocale; links: TabLinks }): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard([heading(s.rescheduleTitle), paragraph(s.rescheduleBody)], [openUrl(s.openSchedule, input.links.schedule)]);
}

/** Nobody joined: no check-in, but times inside the pair's agreement to meet again. */
export interface MissedMeetingCardInput {
  readonly locale: CardLocale;
  readonly timeZone: string;
  readonly meetingStart: number;
  readonly partnerName: string;
  /** Times inside the agreement, each a one-click booking button. */
  readonly times: readonly number[];
  readonly links: TabLinks;
  /** Which meeting the buttons move; without it the times are listed and the schedule link is the way. */
  readonly rebook?: { readonly relationshipId: string; readonly meetingId: string };
  /** Why the last click booked nothing, shown above the fresh times. */
  readonly problem?: RebookProblem;
}

/** Nobody joined: no check-in; times inside the agreement, each booked with one click. */
export function missedMeetingCard(input: MissedMeetingCardInput): AdaptiveCard {
  const s = cardStrings[input.locale];
  const when = formatMeetingTime(input.meetingStart, input.timeZone, input.locale);
  const at = (t: number) => formatMeetingTime(t, input.timeZone, input.locale);
  const rebook = input.rebook;
  const body: CardElement[] = [
    heading(s.missedTitle),
    ...(input.problem ? [{ type: 'Container', style: 'attention', items: [paragraph(s.rebookFailed[input.problem], { weight: 'Bolder' })] }] : []),
    paragraph(s.missedBody(escapeCardText(input.partnerName), when)),
  ];
  if (input.times.length === 0) body.push(paragraph(s.missedNoTimes));
  else if (rebook) body.push(paragraph(`${s.missedTimes} ${s.missedPick}`));
  else body.push(paragraph(`${s.missedTimes}\n${input.times.map((t) => `- ${at(t)}`).join('\n')}`));
  const buttons = rebook
    ? input.times.map((t, i) =>
        executeAction(
          s.bookTime(at(t)),
          { verb: 'meeting.rebook', cardVersion: 1, relationshipId: rebook.relationshipId, meetingId: rebook.meetingId, start: new Date(t).toISOString() },
          i === 0 ? 'positive' : 'default',
        ),
      )
    : [];
  return adaptiveCard(body, [...buttons, openUrl(s.openSchedule, input.links.schedule)]);
}

/** What the "missed it?" card turns into after a click: the time that stands, and who chose it. */
export function rebookedCard(input: {
  locale: CardLocale;
  timeZone: string;
  start: number;
  partnerName: string;
  kind: 'booked' | 'alreadyBooked';
  /** Who chose the time that stands: the reader, or their partner. */
  chosenBy: 'me' | 'partner';
  links: TabLinks;
}): AdaptiveCard {
  const s = cardStrings[input.locale];
  const when = formatMeetingTime(input.start, input.timeZone, input.locale);
  const partner = escapeCardText(input.partnerName);
  const body =
    input.kind === 'booked'
      ? [heading(s.rebookedTitle), paragraph(s.rebookedBody(partner, when))]
      : [heading(s.rebookedAlreadyTitle), paragraph(s.rebookedAlreadyBody(input.chosenBy === 'me' ? s.rebookedYou : partner, when))];
  return adaptiveCard(body, [openUrl(s.openSchedule, input.links.schedule)]);
}

/** The partner joined and this person did not: a kind word, and the way to another time. */
export function missedYouCard(input: { locale: CardLocale; timeZone: string; meetingStart: number; partnerName: string; links: TabLinks }): AdaptiveCard {
  const s = cardStrings[input.locale];
  const when = formatMeetingTime(input.meetingStart, input.timeZone, input.locale);
  return adaptiveCard([heading(s.missedYouTitle), paragraph(s.missedYouBody(escapeCardText(input.partnerName), when))], [openUrl(s.openSchedule, input.links.schedule)]);
}

export function actionItemReminderCard(input: {
  locale: CardLocale;
  timeZone: string;
  meetingStart: number;
  items: readonly ActionItemView[];
  links: TabLinks;
}): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard(
    [
      heading(s.reminderTitle),
      paragraph(s.reminderBody(formatMeetingTime(input.meetingStart, input.timeZone, input.locale))),
      actionItemList(input.items, input.locale),
    ],
    [openUrl(s.openApp, input.links.actionItems)],
  );
}

/** Shown instead of an exception: no raw message, only a reference the support team can search logs for. */
export function problemCard(input: { locale: CardLocale; reference: string }): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard([heading(s.problemTitle), paragraph(s.problemBody(input.reference))]);
}

export function rejectedActionCard(input: { locale: CardLocale; reason: CardRejection }): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard([
    { type: 'TextBlock', text: s.rejectedTitle, weight: 'Bolder', color: 'Attention', wrap: true, style: 'heading' },
    paragraph(s.rejected[input.reason]),
  ]);
}
