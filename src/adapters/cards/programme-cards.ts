/**
 * The bot's programme cards: an owner's announcement, the invitation to an invited-list programme
 * (Join runs the join use case), and the gentle nudge to a pair at risk. The owner's text and the
 * names are escaped for card markdown: what the owner typed shows as typed, never as a link.
 */
import type { RiskFlag } from '../../core/programmes/programme-health';
import { adaptiveCard, executeAction, heading, openUrl, paragraph, type AdaptiveCard } from './adaptive-card';
import { formatLocalDate, type CardLocale } from './card-locale';
import { cardStrings } from './card-strings';
import { escapeCardText } from './card-text';

export function announcementCard(input: { locale: CardLocale; programmeName: string; text: string; programmeLink: string }): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard(
    [heading(s.announcementTitle(escapeCardText(input.programmeName))), paragraph(escapeCardText(input.text)), paragraph(s.announcementFooter, { isSubtle: true, size: 'Small' })],
    [openUrl(s.openProgramme, input.programmeLink)],
  );
}

export function programmeInvitationCard(input: {
  locale: CardLocale;
  programmeId: string;
  programmeName: string;
  purpose: string;
  startDate: string;
  endDate: string;
  programmeLink: string;
}): AdaptiveCard {
  const s = cardStrings[input.locale];
  return adaptiveCard(
    [
      heading(s.invitationTitle(escapeCardText(input.programmeName))),
      paragraph(s.invitationBody(escapeCardText(input.programmeName))),
      ...(input.purpose ? [paragraph(`**${s.invitationPurpose}:** ${escapeCardText(input.purpose)}`)] : []),
      paragraph(s.invitationDates(formatLocalDate(input.startDate, input.locale), formatLocalDate(input.endDate, input.locale))),
      {
        type: 'Input.ChoiceSet',
        id: 'role',
        label: s.invitationRole,
        style: 'expanded',
        value: 'mentee',
        isRequired: true,
        choices: [
          { title: s.roleMentee, value: 'mentee' },
          { title: s.roleMentor, value: 'mentor' },
        ],
      },
      paragraph(s.invitationWindowsNote, { isSubtle: true, size: 'Small' }),
    ],
    [executeAction(s.joinProgramme, { verb: 'programme.join', cardVersion: 1, programmeId: input.programmeId }, 'positive'), openUrl(s.openProgramme, input.programmeLink)],
  );
}

/** After Join: what happened, in place of the invitation. */
export function programmeJoinedCard(input: { locale: CardLocale; programmeName: string; role: 'mentee' | 'mentor'; programmeLink: string } | { locale: CardLocale; problem: string; programmeLink: string }): AdaptiveCard {
  const s = cardStrings[input.locale];
  if ('problem' in input) {
    return adaptiveCard([paragraph(s.joinFailed(escapeCardText(input.problem)), { color: 'Attention' })], [openUrl(s.openProgramme, input.programmeLink)]);
  }
  const role = input.role === 'mentee' ? s.roleMentee : s.roleMentor;
  return adaptiveCard([heading(s.joinedTitle(escapeCardText(input.programmeName))), paragraph(s.joinedBody(role))], [openUrl(s.openProgramme, input.programmeLink)]);
}

export function pairNudgeCard(input: { locale: CardLocale; programmeName: string; partnerName: string; risks: readonly RiskFlag[]; scheduleLink: string; homeLink: string }): AdaptiveCard {
  const s = cardStrings[input.locale];
  const lines: Record<RiskFlag, string> = {
    noMeetingInTwoPeriods: s.pairNudgeNoMeeting,
    twoCancellationsInARow: s.pairNudgeCancellations,
    agreementNotAccepted: s.pairNudgeAgreement,
    requestUnanswered: s.pairNudgeRequest,
  };
  const said = input.risks.length > 0 ? input.risks.map((r) => lines[r]) : [s.pairNudgeNoMeeting];
  return adaptiveCard(
    [heading(s.pairNudgeTitle), paragraph(s.pairNudgeBody(escapeCardText(input.programmeName), escapeCardText(input.partnerName))), ...said.map((line) => paragraph(line))],
    [openUrl(s.openSchedule, input.scheduleLink), openUrl(s.openApp, input.homeLink)],
  );
}
