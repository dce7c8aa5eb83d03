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
import type { ClosedRelationshipDto, ClosingOutlookDto } from '../../../contracts';
import type { ClosingReflectionInput } from '../../api/mentoring-api';
import { ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { ClosingOutlookSummary } from './closing-outlook';

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
  /** The close answer: with `outlook` when closing cancelled (or tried to cancel) future meetings. */
  send: (reflection: ClosingReflectionInput) => Promise<Partial<Pick<ClosedRelationshipDto, 'outlook'>>>;
  onSent: () => void;
}

/**
 * Closing asks for a reflection (the closing review of the articles' sixth step). The dialog keeps
 * what was typed when the API refuses, and never retries a write on its own. After a close it says
 * what happened to the future meetings in Outlook, as the answer reports it, before it goes.
 */
export function CloseRelationshipDialog({ partnerName, partnerClosed, open, onOpenChange, send, onSent }: CloseRelationshipDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [reflection, setReflection] = useState<ClosingReflectionInput>({ whatWorked: '', whatToImprove: '', keyTakeaway: '' });
  const [missing, setMissing] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [sending, setSending] = useState(false);
  const [outlook, setOutlook] = useState<ClosingOutlookDto | undefined>();

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
      const closed = await send(trimmed);
      if (closed?.outlook) setOutlook(closed.outlook);
      else onSent();
    } catch (error) {
      const p = problemOf(error);
      if (p.code === 'RELATIONSHIP.REFLECTION_REQUIRED') setMissing(knownCodeMessage(p.code, t));
      else setProblem(p);
    } finally {
      setSending(false);
    }
  };

  if (outlook) {
    return (
      <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : onSent())} modalType="modal">
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{t('close.doneTitle')}</DialogTitle>
            {/* Short, with nothing to focus: not DialogContent, whose scroll box would need keyboard access. */}
            <div className={styles.form}>
              <Text>{t('close.done')}</Text>
              <ClosingOutlookSummary outlook={outlook} />
            </div>
            <DialogActions>
              <Button appearance="primary" onClick={onSent}>
                {t('close.finish')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    );
  }

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
