import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PreWork } from '../../../core/requests/mentoring-request';
import { problemOf, type ApiProblem } from '../../api/api-error';
import type { NewMentoringRequest } from '../../api/mentoring-api';
import { ProblemMessage } from '../../app/state-views';
import { useI18n, type Translate } from '../../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  section: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
});

export const NOTE_MAX = 1000;
export const PREWORK_MAX = 2000;

export interface RequestDraft {
  note: string;
  preWork: PreWork;
}

type DraftErrors = Partial<Record<'note' | 'whatIWant' | 'whatIBring' | 'expectations', string>>;

/** Checked before sending so the person fixes things in place; the API applies the same rules again. */
export function validateRequestDraft(draft: RequestDraft, mentorName: string, t: Translate): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.note.trim().length === 0) errors.note = t('request.noteRequired', { name: mentorName });
  else if (draft.note.length > NOTE_MAX) errors.note = t('request.tooLong', { max: NOTE_MAX });
  if (draft.preWork.whatIWant.trim().length === 0) errors.whatIWant = t('request.whatIWantRequired');
  for (const key of ['whatIWant', 'whatIBring', 'expectations'] as const) {
    if (draft.preWork[key].length > PREWORK_MAX) errors[key] = t('request.tooLong', { max: PREWORK_MAX });
  }
  return errors;
}

/** `preWork.whatIWant` from the API → the control it belongs to. */
function draftFieldOf(field: string | undefined): keyof DraftErrors | undefined {
  const last = field?.split('.').pop();
  return last === 'note' || last === 'whatIWant' || last === 'whatIBring' || last === 'expectations' ? last : undefined;
}

export interface RequestMentorDialogProps {
  mentor: { userId: string; displayName: string };
  reverse: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Sends once; the dialog never retries a write on its own. */
  send: (request: NewMentoringRequest) => Promise<unknown>;
  onSent: () => void;
}

export function RequestMentorDialog({ mentor, reverse, open, onOpenChange, send, onSent }: RequestMentorDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [draft, setDraft] = useState<RequestDraft>({ note: '', preWork: { whatIWant: '', whatIBring: '', expectations: '' } });
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [sending, setSending] = useState(false);
  const name = mentor.displayName;

  const setPreWork = (key: keyof PreWork, value: string) => {
    setDraft((d) => ({ ...d, preWork: { ...d.preWork, [key]: value } }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateRequestDraft(draft, name, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    setProblem(undefined);
    try {
      await send({ mentorId: mentor.userId, note: draft.note.trim(), preWork: draft.preWork });
      onSent();
    } catch (error) {
      const p = problemOf(error);
      const field = draftFieldOf(p.field);
      if (field && p.serverMessage && (p.kind === 'validation' || p.kind === 'rejected')) setErrors({ [field]: p.serverMessage });
      else setProblem(p);
    } finally {
      setSending(false);
    }
  };

  const state = (key: keyof DraftErrors) => (errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {});

  return (
    <Dialog open={open} onOpenChange={(_, data) => onOpenChange(data.open)} modalType="modal">
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('request.title', { name })}</DialogTitle>
            <DialogContent className={styles.form}>
              {reverse ? (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{t('request.reverseHint', { name })}</MessageBarBody>
                </MessageBar>
              ) : null}
              <Field label={t('request.noteLabel', { name })} hint={t('request.noteHint')} required {...state('note')}>
                <Textarea
                  value={draft.note}
                  resize="vertical"
                  onChange={(_, d) => {
                    setDraft((x) => ({ ...x, note: d.value }));
                    setErrors((e) => ({ ...e, note: undefined }));
                  }}
                />
              </Field>
              <Text as="h3" className={styles.section}>
                {t('request.preworkTitle')}
              </Text>
              <Field label={t('request.whatIWantLabel')} hint={t('request.whatIWantHint')} required {...state('whatIWant')}>
                <Textarea value={draft.preWork.whatIWant} resize="vertical" onChange={(_, d) => setPreWork('whatIWant', d.value)} />
              </Field>
              <Field label={t('request.whatIBringLabel')} hint={t('request.whatIBringHint')} {...state('whatIBring')}>
                <Textarea value={draft.preWork.whatIBring} resize="vertical" onChange={(_, d) => setPreWork('whatIBring', d.value)} />
              </Field>
              <Field label={t('request.expectationsLabel')} {...state('expectations')}>
                <Textarea value={draft.preWork.expectations} resize="vertical" onChange={(_, d) => setPreWork('expectations', d.value)} />
              </Field>
              {problem ? <ProblemMessage problem={problem} /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onOpenChange(false)} disabled={sending}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={sending}>
                {sending ? t('common.sending') : t('common.send')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
