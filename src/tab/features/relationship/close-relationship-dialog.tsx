import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { knownCodeMessage, problemOf, type ApiProblem } from '../../api/api-error';
import type { ClosingReflectionInput } from '../../api/mentoring-api';
import { ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
});

const parts = [
  ['whatWorked', 'close.whatWorked'],
  ['whatToImprove', 'close.whatToImprove'],
  ['keyTakeaway', 'close.keyTakeaway'],
] as const;

export interface CloseRelationshipDialogProps {
  partnerName: string;
  /** The partner closed it already: this adds my reflection. */
  partnerClosed: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  send: (reflection: ClosingReflectionInput) => Promise<unknown>;
  onSent: () => void;
}

/**
 * Closing asks for a reflection (the closing review of the articles' sixth step). The dialog keeps
 * what was typed when the API refuses, and never retries a write on its own.
 */
export function CloseRelationshipDialog({ partnerName, partnerClosed, open, onOpenChange, send, onSent }: CloseRelationshipDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [reflection, setReflection] = useState<ClosingReflectionInput>({ whatWorked: '', whatToImprove: '', keyTakeaway: '' });
  const [missing, setMissing] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = { whatWorked: reflection.whatWorked.trim(), whatToImprove: reflection.whatToImprove.trim(), keyTakeaway: reflection.keyTakeaway.trim() };
    if (!trimmed.whatWorked && !trimmed.whatToImprove && !trimmed.keyTakeaway) {
      setMissing(t('code.RELATIONSHIP.REFLECTION_REQUIRED'));
      return;
    }
    setMissing(undefined);
    setProblem(undefined);
    setSending(true);
    try {
      await send(trimmed);
      onSent();
    } catch (error) {
      const p = problemOf(error);
      if (p.code === 'RELATIONSHIP.REFLECTION_REQUIRED') setMissing(knownCodeMessage(p.code, t));
      else setProblem(p);
    } finally {
      setSending(false);
    }
  };

  const title = partnerClosed ? t('close.addReflection') : t('close.title', { name: partnerName });
  return (
    <Dialog open={open} onOpenChange={(_, data) => onOpenChange(data.open)} modalType="modal">
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{partnerClosed ? t('close.partnerClosedExplain', { name: partnerName }) : t('close.explain', { name: partnerName })}</Text>
              {parts.map(([key, label], i) => (
                <Field key={key} label={t(label)} {...(i === 0 && missing ? { validationState: 'error' as const, validationMessage: missing } : {})}>
                  <Textarea
                    value={reflection[key]}
                    resize="vertical"
                    onChange={(_, d) => {
                      setReflection((r) => ({ ...r, [key]: d.value }));
                      setMissing(undefined);
                    }}
                  />
                </Field>
              ))}
              {problem ? <ProblemMessage problem={problem} /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => onOpenChange(false)} disabled={sending}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={sending}>
                {sending ? t('common.sending') : partnerClosed ? t('close.sendReflection') : t('close.confirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
