import type { CardLocale } from '../cards/card-locale';

const titles: Record<CardLocale, string> = {
  en: '5 minutes left: capture your action items',
  pl: 'Zostało 5 minut: zapiszcie zadania',
};

/** The tab's configured entity in meetings (the configuration page saves the panel under this id). */
export const MEETING_TAB_ENTITY_ID = 'mentoring-meeting';

/**
 * The in-meeting nudge as Teams' targeted meeting notification (Meeting apps APIs, "Targeted meeting
 * notification and app icon badging API"): to one person, by their Teams user id (`29:…`; Entra object
 * ids and UPNs are not accepted), on the meeting stage a dialog with the side panel's page (its URL
 * must be in the manifest's validDomains), and the badge on the panel's icon. The title is in the
 * recipient's language. Pure: data in, the request body out.
 */
export function endingSoonNotification(input: { readonly recipientMri: string; readonly locale: CardLocale; readonly panelUrl: string }) {
  return {
    type: 'targetedMeetingNotification',
    value: {
      recipients: [input.recipientMri],
      surfaces: [
        {
          surface: 'meetingStage',
          contentType: 'task',
          content: { value: { height: '480', width: '320', title: titles[input.locale], url: input.panelUrl } },
        },
        { surface: 'meetingTabIcon', tabEntityId: MEETING_TAB_ENTITY_ID },
      ],
    },
  } as const;
}
