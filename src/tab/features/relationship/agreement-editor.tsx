import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Switch, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useSessionDraft } from '../../app/use-session-draft';
import { AgreementWeekGrid } from './agreement-week-grid';
import type { AgreementDto } from '../../../contracts';
import type { Agreement, IsoWeekday, WeeklyWindow } from '../../../core/agreement/agreement';
import { validateAgreement } from '../../../core/agreement/validate-agreement';
import { useI18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';
import { knownCodeMessage } from '../../api/api-error';
import { weekdayName, windowText } from './agreement-summary';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '860px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  fieldset: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, display: 'grid', gap: tokens.spacingVerticalS },
  windowRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

type Side = 'mentor' | 'mentee';

/** A problem the core found in one window, shown on that window's "To" field as well as above the buttons. */
interface WindowProblem {
  index: number;
  text: string;
}

function WindowsEditor({
  legend,
  idPrefix,
  windows,
  problem,
  onChange,
}: {
  legend: string;
  idPrefix: string;
  windows: readonly WeeklyWindow[];
  problem?: WindowProblem | undefined;
  onChange: (w: WeeklyWindow[]) => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const set = (i: number, patch: Partial<WeeklyWindow>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Text weight="semibold">{legend}</Text>
      </legend>
      {windows.map((w, i) => (
        <div key={i} className={styles.windowRow} role="group" aria-label={`${legend} ${i + 1}`}>
          <Field label={t('agreement.weekday')}>
            <Select id={`${idPrefix}-day-${i}`} value={String(w.weekday)} onChange={(_, d) => set(i, { weekday: Number(d.value) as IsoWeekday })}>
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <option key={day} value={day}>
                  {weekdayName(language, day)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('agreement.from')}>
            <Input type="time" value={w.start} onChange={(_, d) => set(i, { start: d.value })} />
          </Field>
          <Field
            label={t('agreement.to')}
            {...(problem?.index === i ? { validationState: 'error' as const, validationMessage: problem.text } : {})}
          >
            <Input type="time" value={w.end} onChange={(_, d) => set(i, { end: d.value })} />
          </Field>
          <Checkbox
            id={`${idPrefix}-next-day-${i}`}
            label={t('agreement.endsNextDay')}
            checked={w.endsNextDay === true}
            onChange={(_, d) =>
              onChange(
                windows.map((x, j) => {
                  if (j !== i) return x;
                  const { endsNextDay: _old, ...rest } = x;
                  return d.checked === true ? { ...rest, endsNextDay: true } : rest;
                }),
              )
            }
          />
          {w.endsNextDay ? <Text size={200}>{t('agreement.windowReads', { window: windowText(language, w, 'short') })}</Text> : null}
          <Button onClick={() => onChange(windows.filter((_, j) => j !== i))}>{t('agreement.removeWindow', { n: i + 1 })}</Button>
        </div>
      ))}
      <div>
        <Button onClick={() => onChange([...windows, { weekday: 2, start: '09:00', end: '12:00' }])}>{t('agreement.addWindow')}</Button>
      </div>
    </fieldset>
  );
}

/** The core names the window it refuses as e.g. `mentee.meetingWindows[2].end`. */
function windowProblem(problem: { text: string; field?: string } | undefined, list: string): WindowProblem | undefined {
  const match = problem?.field ? /^(.+)\[(\d+)\]\.\w+$/.exec(problem.field) : null;
  return problem && match && match[1] === list ? { index: Number(match[2]), text: problem.text } : undefined;
}

export interface AgreementEditorProps {
  initial: AgreementDto;
  pair: Pair;
  saving: boolean;
  onSave: (agreement: AgreementDto, note: string) => void;
  onCancel: () => void;
  /** Where the unsent proposal is kept (sessionStorage), so a refresh loses nothing. */
  draftKey: string;
  /** With it, the week grid pictures the draft live (the API's overlap preview). */
  relationshipId?: string;
}

/**
 * Each person's boundaries are written in that person's own zone. The core's validateAgreement runs
 * before anything is sent, so the first problem is shown with the API's own wording.
 */
export function AgreementEditor({ initial, draftKey, relationshipId, pair, saving, onSave, onCancel }: AgreementEditorProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const kept = useSessionDraft<{ agreement: AgreementDto; note: string }>(draftKey, () => ({ agreement: initial, note: '' }));
  const draft = kept.value.agreement;
  const note = kept.value.note;
  const setDraft = (update: (d: AgreementDto) => AgreementDto) => kept.set((k) => ({ ...k, agreement: update(k.agreement) }));
  const setNote = (value: string) => kept.set((k) => ({ ...k, note: value }));
  const [problem, setProblem] = useState<{ text: string; field?: string } | undefined>();

  const setSide = (side: Side, patch: Partial<AgreementDto['mentor']>) => setDraft((d) => ({ ...d, [side]: { ...d[side], ...patch } }));
  const num = (value: string) => (value.trim() === '' ? NaN : Number(value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateAgreement(draft as Agreement);
    if (!checked.ok) {
      const text = knownCodeMessage(checked.error.code, t) ?? checked.error.message;
      setProblem(checked.error.field ? { text, field: checked.error.field } : { text });
      return;
    }
    setProblem(undefined);
    onSave(draft, note.trim());
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('agreement.counter')}>
      {relationshipId ? <AgreementWeekGrid relationshipId={relationshipId} agreement={draft} partnerName={pair.partnerName} /> : null}
      <div className={styles.row}>
        <Field label={t('agreement.cadence')}>
          <Select
            value={draft.cadence.kind}
            onChange={(_, d) => setDraft((x) => ({ ...x, cadence: d.value === 'everyNDays' ? { kind: 'everyNDays', days: 10 } : { kind: d.value as 'weekly' | 'biweekly' | 'monthly' } }))}
          >
            <option value="weekly">{t('agreement.cadence.weekly')}</option>
            <option value="biweekly">{t('agreement.cadence.biweekly')}</option>
            <option value="monthly">{t('agreement.cadence.monthly')}</option>
            <option value="everyNDays">{t('agreement.cadence.custom')}</option>
          </Select>
        </Field>
        {draft.cadence.kind === 'everyNDays' ? (
          <Field label={t('agreement.cadence.daysBetween')}>
            <Input type="number" min={1} value={String(draft.cadence.days)} onChange={(_, d) => setDraft((x) => ({ ...x, cadence: { kind: 'everyNDays', days: num(d.value) } }))} />
          </Field>
        ) : null}
        <Field label={t('agreement.meetingMinutes')}>
          <Input type="number" min={15} step={15} value={String(draft.meetingMinutes)} onChange={(_, d) => setDraft((x) => ({ ...x, meetingMinutes: num(d.value) }))} />
        </Field>
        <Field label={t('agreement.bufferMinutes')}>
          <Input type="number" min={0} step={5} value={String(draft.bufferMinutes)} onChange={(_, d) => setDraft((x) => ({ ...x, bufferMinutes: num(d.value) }))} />
        </Field>
        <Field label={t('agreement.minimumNoticeHours')}>
          <Input type="number" min={0} value={String(draft.minimumNoticeHours)} onChange={(_, d) => setDraft((x) => ({ ...x, minimumNoticeHours: num(d.value) }))} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('agreement.firstDate')}>
          <Input type="date" value={draft.firstDate} onChange={(_, d) => setDraft((x) => ({ ...x, firstDate: d.value }))} />
        </Field>
        <Field label={t('agreement.endDate')}>
          <Input
            type="date"
            value={draft.endDate ?? ''}
            onChange={(_, d) =>
              setDraft((x) => {
                const { endDate: _old, ...rest } = x;
                return d.value ? { ...rest, endDate: d.value } : rest;
              })
            }
          />
        </Field>
        <Field label={t('agreement.meetingCount')}>
          <Input
            type="number"
            min={1}
            value={draft.meetingCount === undefined ? '' : String(draft.meetingCount)}
            onChange={(_, d) =>
              setDraft((x) => {
                const { meetingCount: _old, ...rest } = x;
                return d.value ? { ...rest, meetingCount: num(d.value) } : rest;
              })
            }
          />
        </Field>
      </div>
      <Switch label={t('agreement.respectWorkingHours')} checked={draft.respectWorkingHours} onChange={(_, d) => setDraft((x) => ({ ...x, respectWorkingHours: d.checked }))} />
      <Field label={t('agreement.location')}>
        <RadioGroup
          layout="horizontal"
          value={draft.location.kind}
          onChange={(_, d) => setDraft((x) => ({ ...x, location: d.value === 'place' ? { kind: 'place', name: '' } : { kind: 'online' } }))}
        >
          <Radio value="online" label={t('agreement.location.online')} />
          <Radio value="place" label={t('agreement.location.place')} />
        </RadioGroup>
      </Field>
      {draft.location.kind === 'place' ? (
        <Field label={t('agreement.placeName')} required>
          <Input value={draft.location.name} onChange={(_, d) => setDraft((x) => ({ ...x, location: { kind: 'place', name: d.value } }))} />
        </Field>
      ) : null}
      {(['mentor', 'mentee'] as const).map((side) => {
        const person = draft[side];
        const mine = person.personId === pair.myId;
        const name = pair.partnerName;
        return (
          <fieldset key={side} className={styles.fieldset}>
            <legend>
              <Text weight="semibold" size={400}>
                {mine ? t('agreement.personMine') : t('agreement.person', { name })}
              </Text>
            </legend>
            <div className={styles.row}>
              <Field label={t('agreement.timeZone')}>
                <Input value={person.timeZone} onChange={(_, d) => setSide(side, { timeZone: d.value })} />
              </Field>
              <Field label={t('agreement.contactChannel')}>
                <Select value={person.contactChannel} onChange={(_, d) => setSide(side, { contactChannel: d.value as 'teamsChat' | 'email' })}>
                  <option value="teamsChat">{t('agreement.channel.teamsChat')}</option>
                  <option value="email">{t('agreement.channel.email')}</option>
                </Select>
              </Field>
            </div>
            <WindowsEditor
              legend={mine ? t('agreement.meetingWindowsMine', { zone: person.timeZone }) : t('agreement.meetingWindows', { name, zone: person.timeZone })}
              idPrefix={`${side}-meet`}
              windows={person.meetingWindows}
              problem={windowProblem(problem, `${side}.meetingWindows`)}
              onChange={(meetingWindows) => setSide(side, { meetingWindows })}
            />
            <WindowsEditor
              legend={mine ? t('agreement.contactHoursMine', { zone: person.timeZone }) : t('agreement.contactHours', { name, zone: person.timeZone })}
              idPrefix={`${side}-contact`}
              windows={person.contactHours}
              problem={windowProblem(problem, `${side}.contactHours`)}
              onChange={(contactHours) => setSide(side, { contactHours })}
            />
          </fieldset>
        );
      })}
      <Field label={t('agreement.note', { name: pair.partnerName })}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      {problem ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('common.sending') : t('agreement.send')}
        </Button>
        <Button
          onClick={() => {
            kept.clear();
            onCancel();
          }}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
