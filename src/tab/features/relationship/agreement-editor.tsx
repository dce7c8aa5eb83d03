import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Switch, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { civilDateHint } from '../../components/civil-date-hint';
import { LIMITS } from '../../../contracts/common';
import { isTooLong, lengthLimitProps, textLength } from '../../components/length-limit';
import { useState, type FormEvent } from 'react';
import { useSessionDraft } from '../../app/use-session-draft';
import { AgreementWeekGrid } from './agreement-week-grid';
import type { AgreementDto } from '../../../contracts';
import type { ApiProblem } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';
import { agreementProblems, serverProblems, type AgreementProblems } from './agreement-problems';
import { PersonFields } from './agreement-person-fields';

/** From this width the week picture sits beside the series' fields, and the two people side by side. */
const WIDE = '@media (min-width: 1024px)';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '1120px', minWidth: 0 },
  top: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0, [WIDE]: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalXXL } },
  general: { display: 'grid', gap: tokens.spacingVerticalM, alignContent: 'start', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  people: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0, [WIDE]: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL } },
  note: { maxWidth: '40rem' },
});

type Side = 'mentor' | 'mentee';

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
  /** The API's refusal of the last send; one that names a field is shown at that field. */
  serverProblem?: ApiProblem | undefined;
}

/** The fields the form shows, by path; a problem elsewhere (e.g. windows that never overlap) is shown above the buttons. */
const isShownAtField = (path: string) =>
  /^(cadence|cadence\.days|meetingMinutes|bufferMinutes|minimumNoticeHours|firstDate|endDate|meetingCount|location\.name|note)$/.test(path) ||
  /^(mentor|mentee)\.(timeZone|contactChannel|(meetingWindows|contactHours)(\.\d+\.(weekday|start|end))?)$/.test(path);

/**
 * Each person's boundaries are written in that person's own zone. Before anything is sent the whole
 * draft is checked (the shared contract, then the core's rules), and every problem shows at once at
 * its field; the API's refusal of a field shows there too.
 */
export function AgreementEditor({ initial, draftKey, relationshipId, pair, saving, onSave, onCancel, serverProblem }: AgreementEditorProps) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const kept = useSessionDraft<{ agreement: AgreementDto; note: string }>(draftKey, () => ({ agreement: initial, note: '' }));
  const draft = kept.value.agreement;
  const note = kept.value.note;
  const setDraft = (update: (d: AgreementDto) => AgreementDto) => kept.set((k) => ({ ...k, agreement: update(k.agreement) }));
  const setNote = (value: string) => kept.set((k) => ({ ...k, note: value }));
  const [local, setLocal] = useState<AgreementProblems>({});
  const problems: AgreementProblems = { ...serverProblems(serverProblem, t), ...local };
  const at = (path: string) => (problems[path] ? { validationState: 'error' as const, validationMessage: problems[path] } : {});
  const elsewhere = Object.entries(problems).filter(([path]) => !isShownAtField(path)).map(([, text]) => text);
  const marked = Object.keys(problems).some(isShownAtField);

  const setSide = (side: Side, patch: Partial<AgreementDto['mentor']>) => setDraft((d) => ({ ...d, [side]: { ...d[side], ...patch } }));
  const num = (value: string) => (value.trim() === '' ? NaN : Number(value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = { ...agreementProblems(draft, t) };
    if (isTooLong(note.trim(), LIMITS.note)) found.note = t('common.tooLong', { count: textLength(note.trim()), max: LIMITS.note });
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    onSave(draft, note.trim());
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('agreement.counter')}>
      <div className={styles.top}>
        {relationshipId ? <AgreementWeekGrid relationshipId={relationshipId} agreement={draft} partnerName={pair.partnerName} /> : null}
        <div className={styles.general}>
          <div className={styles.row}>
            <Field label={t('agreement.cadence')} {...at('cadence')}>
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
              <Field label={t('agreement.cadence.daysBetween')} {...at('cadence.days')}>
                <Input type="number" min={1} value={String(draft.cadence.days)} onChange={(_, d) => setDraft((x) => ({ ...x, cadence: { kind: 'everyNDays', days: num(d.value) } }))} />
              </Field>
            ) : null}
            <Field label={t('agreement.meetingMinutes')} {...at('meetingMinutes')}>
              <Input type="number" min={15} step={15} value={String(draft.meetingMinutes)} onChange={(_, d) => setDraft((x) => ({ ...x, meetingMinutes: num(d.value) }))} />
            </Field>
            <Field label={t('agreement.bufferMinutes')} {...at('bufferMinutes')}>
              <Input type="number" min={0} step={5} value={String(draft.bufferMinutes)} onChange={(_, d) => setDraft((x) => ({ ...x, bufferMinutes: num(d.value) }))} />
            </Field>
            <Field label={t('agreement.minimumNoticeHours')} {...at('minimumNoticeHours')}>
              <Input type="number" min={0} value={String(draft.minimumNoticeHours)} onChange={(_, d) => setDraft((x) => ({ ...x, minimumNoticeHours: num(d.value) }))} />
            </Field>
          </div>
          <div className={styles.row}>
            <Field label={t('agreement.firstDate')} {...(problems.firstDate ? at('firstDate') : civilDateHint(draft.firstDate, format))}>
              <Input type="date" value={draft.firstDate} onChange={(_, d) => setDraft((x) => ({ ...x, firstDate: d.value }))} />
            </Field>
            <Field label={t('agreement.endDate')} {...(problems.endDate ? at('endDate') : civilDateHint(draft.endDate, format))}>
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
            <Field label={t('agreement.meetingCount')} {...at('meetingCount')}>
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
            <Field label={t('agreement.placeName')} required {...at('location.name')}>
              <Input value={draft.location.name} onChange={(_, d) => setDraft((x) => ({ ...x, location: { kind: 'place', name: d.value } }))} />
            </Field>
          ) : null}
        </div>
      </div>
      <div className={styles.people}>
        {(['mentor', 'mentee'] as const).map((side) => (
          <PersonFields
            key={side}
            side={side}
            person={draft[side]}
            mine={draft[side].personId === pair.myId}
            partnerName={pair.partnerName}
            problems={problems}
            onChange={(patch) => setSide(side, patch)}
          />
        ))}
      </div>
      <Field className={styles.note} label={t('agreement.note', { name: pair.partnerName })} {...lengthLimitProps(t, note, LIMITS.note, problems.note)}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      {marked || elsewhere.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {marked ? <Text block>{t('agreement.fixMarked')}</Text> : null}
            {elsewhere.map((text) => (
              <Text block key={text}>
                {text}
              </Text>
            ))}
          </MessageBarBody>
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
