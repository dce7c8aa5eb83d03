/**
 * The local "Outlook appointment" harness (`npm start`: http://127.0.0.1:53000/outlook-harness.html):
 * the local sign-in the tab uses, a choice of appointment — one of the signed-in person's booked
 * mentoring meetings, read from the local calendar with the custom properties booking wrote, or an
 * appointment of no mentoring meeting — and the stand-in Outlook with the add-in's pane and guard.
 */
import { Button, Field, FluentProvider, MessageBar, MessageBarBody, Select, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { RelationshipDetailDto, RelationshipSummaryDto } from '../../contracts';
import { ApiClient } from '../../tab/api/api-client';
import { listDemoPeople, LocalSession, type DemoPerson } from '../../tab/auth/local-identity.client';
import { fluentThemeFor } from '../../tab/host/fluent-theme';
import type { HostThemeName } from '../../tab/host/query-overrides';
import type { Language } from '../../tab/i18n/i18n';
import { AppointmentHarness } from './appointment-harness';
import { harnessTranslator } from './harness-messages';
import { localGraphToken, readCalendarItem, sendCalendarItem } from './local-calendar-item';
import { createStandInOffice, type StandInOffice } from './stand-in-office';

export interface HarnessAppProps {
  readonly language: Language;
  readonly theme: HostThemeName;
}

interface MeetingChoice {
  readonly value: string;
  readonly label: string;
  readonly eventId: string;
}

type Opened = { kind: 'none' } | { kind: 'loading' } | { kind: 'failed'; reason: string } | { kind: 'open'; key: string; standIn: StandInOffice; subject: string; deliver: (() => Promise<void>) | undefined };

const OTHER = 'other';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignContent: 'start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  // A native select is as wide as its longest option: held to the page's width at 320 px.
  choice: { width: '100%', minWidth: 0 },
  choiceSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

async function meetingChoices(client: ApiClient, me: string, language: Language, label: ReturnType<typeof harnessTranslator>): Promise<MeetingChoice[]> {
  const list = await client.get<{ relationships: RelationshipSummaryDto[] }>('/api/relationships');
  const details = await Promise.all(list.relationships.map((r) => client.get<RelationshipDetailDto>(`/api/relationships/${encodeURIComponent(r.relationship.id)}`)));
  const when = new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return details.flatMap((d) =>
    d.meetings
      .filter((m) => m.organizerId === me && m.status === 'planned' && m.bookingState === 'booked' && m.eventId)
      .map((m) => ({
        value: `${d.relationship.id}|${m.id}`,
        eventId: m.eventId!,
        label: label('harness.meetingOption', { number: m.number, partner: d.partner.displayName, when: when.format(new Date(m.start)) }),
      })),
  );
}

export function HarnessApp(props: HarnessAppProps) {
  const styles = useStyles();
  const t = useMemo(() => harnessTranslator(props.language), [props.language]);
  const [people, setPeople] = useState<DemoPerson[]>([]);
  const [chosenPerson, setChosenPerson] = useState('');
  const [session, setSession] = useState<LocalSession | undefined>();
  const [choices, setChoices] = useState<MeetingChoice[] | undefined>();
  const [opened, setOpened] = useState<Opened>({ kind: 'none' });

  useEffect(() => {
    listDemoPeople().then((list) => {
      setPeople(list);
      setChosenPerson((current) => current || list[0]?.personId || '');
    }, () => setPeople([]));
  }, []);
  const client = useMemo(() => (session ? new ApiClient({ baseUrl: '', getToken: () => session.getToken() }) : undefined), [session]);
  const token = useMemo(() => () => (session ? session.getToken() : Promise.reject(new Error('not signed in'))), [session]);

  useEffect(() => {
    if (!client || !session) return;
    setChoices(undefined);
    meetingChoices(client, session.person.personId, props.language, t).then(setChoices, () => setChoices([]));
  }, [client, session, props.language, t]);

  const open = async (value: string) => {
    if (!session) return;
    const options = { language: props.language === 'pl' ? 'pl-PL' : 'en-GB', dark: props.theme === 'dark' };
    if (value === OTHER) {
      const start = new Date(Date.now() + 86_400_000);
      start.setHours(10, 0, 0, 0);
      const standIn = createStandInOffice({ start, end: new Date(start.getTime() + 30 * 60_000), attendees: ['colleague@contoso.local'], customProperties: {} }, options);
      setOpened({ kind: 'open', key: `${OTHER}-${Date.now()}`, standIn, subject: 'Project sync', deliver: undefined });
      return;
    }
    const choice = choices?.find((c) => c.value === value);
    if (!choice) return setOpened({ kind: 'none' });
    setOpened({ kind: 'loading' });
    try {
      const graph = await localGraphToken(session.person.personId);
      const item = await readCalendarItem(graph, choice.eventId);
      const standIn = createStandInOffice({ start: item.start, end: item.end, attendees: item.attendees, customProperties: item.customProperties?.values ?? {} }, options);
      const deliver = async () => {
        const now = standIn.state();
        const properties = item.customProperties ? { id: item.customProperties.id, values: now.customProperties } : undefined;
        await sendCalendarItem(await localGraphToken(session.person.personId), choice.eventId, { start: now.start, end: now.end, attendees: now.attendees, ...(properties ? { customProperties: properties } : {}) });
      };
      setOpened({ kind: 'open', key: `${value}-${Date.now()}`, standIn, subject: item.subject, deliver });
    } catch (error) {
      setOpened({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <FluentProvider theme={fluentThemeFor(props.theme, true)}>
      <div className={styles.page}>
        <Subtitle1 as="h1">{t('harness.title')}</Subtitle1>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('harness.standIn')}</MessageBarBody>
        </MessageBar>
        {session ? (
          <Text>{t('harness.signedIn', { name: session.person.displayName })}</Text>
        ) : (
          <div className={styles.row}>
            <Field label={t('harness.person')}>
              <Select value={chosenPerson} onChange={(_e, data) => setChosenPerson(data.value)}>
                {people.map((p) => (
                  <option key={p.personId} value={p.personId}>
                    {p.displayName}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              appearance="primary"
              disabled={!chosenPerson}
              onClick={() => {
                const person = people.find((p) => p.personId === chosenPerson);
                if (person) setSession(new LocalSession(person, () => Date.now()));
              }}
            >
              {t('harness.signIn')}
            </Button>
          </div>
        )}
        {session && choices === undefined ? <Spinner size="small" label={t('harness.loading')} /> : null}
        {session && choices ? (
          <>
            {choices.length === 0 ? <Text>{t('harness.noMeetings')}</Text> : null}
            <Field label={t('harness.appointment')}>
              <Select className={styles.choice} select={{ className: styles.choiceSelect }} defaultValue="" onChange={(_e, data) => void open(data.value)}>
                <option value="" disabled>
                  …
                </option>
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
                <option value={OTHER}>{t('harness.otherAppointment')}</option>
              </Select>
            </Field>
          </>
        ) : null}
        {opened.kind === 'loading' ? <Spinner size="small" label={t('harness.loading')} /> : null}
        {opened.kind === 'failed' ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t('harness.loadFailed', { reason: opened.reason })}</MessageBarBody>
          </MessageBar>
        ) : null}
        {opened.kind === 'open' && client && session ? (
          <AppointmentHarness
            key={opened.key}
            standIn={opened.standIn}
            subject={opened.subject}
            client={client}
            token={token}
            personName={session.person.displayName}
            language={props.language}
            theme={props.theme}
            deliver={opened.deliver}
          />
        ) : null}
      </div>
    </FluentProvider>
  );
}
