import { adaptiveCard, heading, openUrl, paragraph, type AdaptiveCard } from './adaptive-card';
import { formatLocalDate, formatMeetingTime, type CardLocale } from './card-locale';
import { cardStrings, type CardRejection } from './card-strings';
import { escapeCardText } from './card-text';

/** Where cards link to in the tab. Built by the host from its configuration. */
export interface TabLinks {
  readonly home: string;
  readonly schedule: string;
  readonly actionItems: string;
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
export function missedMeetingCard(input: { locale: CardLocale; timeZone: string; meetingStart: number; partnerName: string; times: readonly number[]; links: TabLinks }): AdaptiveCard {
  const s = cardStrings[input.locale];
  const when = formatMeetingTime(input.meetingStart, input.timeZone, input.locale);
  const times = input.times.map((t) => `- ${formatMeetingTime(t, input.timeZone, input.locale)}`).join('\n');
  return adaptiveCard(
    [heading(s.missedTitle), paragraph(s.missedBody(escapeCardText(input.partnerName), when)), paragraph(times ? `${s.missedTimes}\n${times}` : s.missedNoTimes)],
    [openUrl(s.openSchedule, input.links.schedule)],
  );
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
