/**
 * One stand-in appointment: Outlook's compose form (start, end, attendees, Send), the guard's
 * notification bar and Smart Alert as Outlook renders them, and the add-in's pane beside it. The guard
 * is associated through the same action map Outlook uses (associateHandlers) with the Office adapter and
 * API call it uses in Outlook (officeGuardHost, guardApi); the pane reads through officePaneHost.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../tab/api/api-client';
import type { HostThemeName } from '../../tab/host/query-overrides';
import type { Language } from '../../tab/i18n/i18n';
import { associateHandlers } from '../guard/guard-entry';
import { guardApi, officeGuardHost } from '../guard/office-guard-host';
import { PaneApp } from '../pane/pane-app';
import { officePaneHost } from '../pane/pane-host';
import { relationshipLinkFor } from '../pane/relationship-link';
import { harnessTranslator } from './harness-messages';
import type { StandInOffice } from './stand-in-office';

export interface AppointmentHarnessProps {
  readonly standIn: StandInOffice;
  readonly subject: string;
  readonly client: ApiClient;
  readonly token: () => Promise<string>;
  readonly personName: string;
  readonly language: Language;
  readonly theme: HostThemeName;
  /** Writes the item where Outlook would (the organizer's event), or nothing for an appointment in no calendar. */
  readonly deliver: (() => Promise<void>) | undefined;
}

const useStyles = makeStyles({
  layout: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, flex: '1 1 280px', minWidth: 0 },
  pane: {
    flex: '0 0 320px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  paneLabel: { display: 'block', padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  attendees: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS },
  attendee: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

const pad = (n: number) => String(n).padStart(2, '0');
/** A Date as the value of an `<input type="datetime-local">` on this browser's clock. */
export const localInputValue = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

export function AppointmentHarness(props: AppointmentHarnessProps) {
  const { standIn } = props;
  const styles = useStyles();
  const t = useMemo(() => harnessTranslator(props.language), [props.language]);
  const state = useSyncExternalStore(standIn.subscribe, standIn.state);
  const [alert, setAlert] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | undefined>();
  const [newAttendee, setNewAttendee] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    associateHandlers(standIn.office, () => ({ host: officeGuardHost(standIn.item, '/outlook/icon-16.png', standIn.office.context.displayLanguage), api: guardApi(window.location.origin, props.token) }));
  }, [standIn, props.token]);
  const paneHost = useMemo(() => officePaneHost(standIn.item), [standIn]);
  const relationshipLink = useMemo(() => relationshipLinkFor(undefined, window.location.origin), []);

  const deliver = async () => {
    setAlert(undefined);
    if (!props.deliver) return setOutcome({ intent: 'success', text: t('harness.sentOther') });
    try {
      await props.deliver();
      setOutcome({ intent: 'success', text: t('harness.sent') });
    } catch (error) {
      setOutcome({ intent: 'error', text: t('harness.sendFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };
  const send = async () => {
    setBusy(true);
    setOutcome(undefined);
    const completion = await standIn.send();
    setBusy(false);
    if (completion?.allowEvent === false) setAlert(completion.errorMessage ?? '');
    else await deliver();
  };
  const duration = state.end.getTime() - state.start.getTime();

  return (
    <div className={styles.layout}>
      <section className={styles.form} aria-label={t('harness.appointment')}>
        {state.notices.map((n) => (
          <MessageBar key={n.key} intent="info" layout="multiline">
            <MessageBarBody>{n.message}</MessageBarBody>
          </MessageBar>
        ))}
        <Field label={t('harness.subject')}>
          <Input value={props.subject} readOnly />
        </Field>
        <div className={styles.row}>
          <Field label={t('harness.start')}>
            <Input
              type="datetime-local"
              value={localInputValue(state.start)}
              onChange={(_e, data) => {
                const start = new Date(data.value);
                if (!Number.isNaN(start.getTime())) void standIn.setTime(start, new Date(start.getTime() + duration));
              }}
            />
          </Field>
          <Field label={t('harness.end')}>
            <Input
              type="datetime-local"
              value={localInputValue(state.end)}
              onChange={(_e, data) => {
                const end = new Date(data.value);
                if (!Number.isNaN(end.getTime()) && end > state.start) void standIn.setTime(state.start, end);
              }}
            />
          </Field>
        </div>
        <Text weight="semibold">{t('harness.attendees')}</Text>
        <ul className={styles.attendees}>
          {state.attendees.map((a) => (
            <li key={a} className={styles.attendee}>
              <Text>{a}</Text>
              <Button size="small" onClick={() => void standIn.setAttendees(state.attendees.filter((x) => x !== a))}>
                {t('harness.remove', { who: a })}
              </Button>
            </li>
          ))}
        </ul>
        <div className={styles.row}>
          <Field label={t('harness.addAttendee')}>
            <Input type="email" value={newAttendee} onChange={(_e, data) => setNewAttendee(data.value)} />
          </Field>
          <Button
            disabled={!newAttendee.includes('@')}
            onClick={() => {
              void standIn.setAttendees([...state.attendees, newAttendee.trim()]);
              setNewAttendee('');
            }}
          >
            {t('harness.add')}
          </Button>
        </div>
        <div>
          <Button appearance="primary" disabled={busy} onClick={() => void send()}>
            {t('harness.send')}
          </Button>
        </div>
        {outcome ? (
          <MessageBar intent={outcome.intent} layout="multiline">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </section>
      <section className={styles.pane} aria-label={t('harness.pane')}>
        <Text size={200} className={styles.paneLabel}>
          {t('harness.pane')}
        </Text>
        <PaneApp
          host={paneHost}
          client={props.client}
          signIn={{ kind: 'local', name: props.personName }}
          language={props.language}
          theme={props.theme}
          relationshipLink={relationshipLink}
        />
      </section>
      <Dialog open={alert !== undefined} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('harness.alert.title')}</DialogTitle>
            <DialogContent>{alert}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void deliver()}>
                {t('harness.alert.sendAnyway')}
              </Button>
              <Button
                onClick={() => {
                  setAlert(undefined);
                  setOutcome({ intent: 'warning', text: t('harness.notSent') });
                }}
              >
                {t('harness.alert.dontSend')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
