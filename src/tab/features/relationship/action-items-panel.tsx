import { Badge, Button, Checkbox, Field, Input, Select, Text, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { civilDateHint } from '../../components/civil-date-hint';
import { LIMITS } from '../../../contracts/common';
import { isTooLong, lengthLimitProps, textLength } from '../../components/length-limit';
import { useEffect, useState, type FormEvent } from 'react';
import type { ActionItemDto } from '../../../contracts';
import { isLocalDate } from '../../../core/usecases/text-rules';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useApi } from '../../app/session';
import { EmptyState, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'start', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: '240px' },
  growCompact: { flexGrow: 1, flexBasis: '100%', minWidth: 0 },
  /** In the narrow panel: the checkbox on its line, owner and due date under its label. */
  itemCompact: { display: 'grid', rowGap: 0 },
  detailsCompact: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, paddingLeft: '36px', color: tokens.colorNeutralForeground2 },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
});

export interface Pair {
  myId: string;
  partnerId: string;
  partnerName: string;
}

export function ActionItemsPanel({
  relationshipId,
  items,
  doneCount,
  pair,
  onChanged,
  compact = false,
}: {
  relationshipId: string;
  /** The open items (the relationship read carries only those). */
  items: ActionItemDto[];
  /** How many are done; they are loaded a page at a time on request. */
  doneCount: number;
  pair: Pair;
  onChanged: () => void;
  /** In a narrow meeting panel: a section heading like the panel's others, and a title box that fits 320 px. */
  compact?: boolean;
}) {
  const { t, format } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const [shown, setShown] = useState(items);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(pair.myId);
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<{ title?: string; dueDate?: string }>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  /** Done items loaded so far, and where the next page starts (undefined: none loaded yet or no more). */
  const [done, setDone] = useState<{ items: ActionItemDto[]; next?: string; loaded: boolean }>({ items: [], loaded: false });
  useEffect(() => {
    setShown(items);
    setDone({ items: [], loaded: false });
  }, [items]);

  const loadDone = async () => {
    setProblem(undefined);
    try {
      const page = await api.listActionItems(relationshipId, { status: 'done', ...(done.next ? { continuationToken: done.next } : {}) });
      const known = new Set(shown.map((i) => i.id));
      const fresh = page.actionItems.filter((i) => !known.has(i.id));
      setShown((list) => [...list, ...fresh]);
      setDone((d) => ({ items: [...d.items, ...fresh], loaded: true, ...(page.continuationToken ? { next: page.continuationToken } : {}) }));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  const nameOf = (id: string) => (id === pair.myId ? t('relationship.you') : id === pair.partnerId ? pair.partnerName : id);

  /** Ticked at once; the previous state comes back if the API refuses, with the reason. */
  const toggle = async (item: ActionItemDto, done: boolean) => {
    setProblem(undefined);
    setNotice(undefined);
    const status = done ? 'done' : 'open';
    setShown((list) => list.map((i) => (i.id === item.id ? { ...i, status } : i)));
    try {
      const saved = await api.updateActionItem(relationshipId, item, { status });
      setShown((list) => list.map((i) => (i.id === item.id ? saved : i)));
      onChanged();
    } catch (error) {
      setShown((list) => list.map((i) => (i.id === item.id ? item : i)));
      const p = problemOf(error);
      if (p.kind === 'conflict') {
        setNotice(t('error.conflict'));
        onChanged();
      } else setProblem(p);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!title.trim()) found.title = t('actions.titleRequired');
    else if (isTooLong(title.trim(), LIMITS.title)) found.title = t('common.tooLong', { count: textLength(title.trim()), max: LIMITS.title });
    if (dueDate && !isLocalDate(dueDate)) found.dueDate = t('goals.targetDateInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setProblem(undefined);
    try {
      const created = await api.addActionItem(relationshipId, { title: title.trim(), ownerId, ...(dueDate ? { dueDate } : {}) });
      setShown((list) => [...list, created]);
      setTitle('');
      setDueDate('');
      onChanged();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  };

  const itemDetails = (item: ActionItemDto) => (
    <>
      <Text size={200}>{t('actions.ownedBy', { name: nameOf(item.ownerId) })}</Text>
      {item.dueDate ? <Text size={200}>{t('actions.due', { date: format.date(`${item.dueDate}T12:00:00Z`, 'UTC') })}</Text> : null}
      {item.origin.kind === 'checkIn' ? <Badge appearance="outline">{t('actions.fromCheckIn')}</Badge> : null}
    </>
  );

  const ordered = [...shown].sort((a, b) => (a.status === b.status ? (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') : a.status === 'open' ? -1 : 1));

  return (
    <div className={styles.panel}>
      {compact ? <Subtitle2 as="h2">{t('actions.title')}</Subtitle2> : <Subtitle1 as="h2">{t('actions.title')}</Subtitle1>}
      {notice ? <Notice intent="warning">{notice}</Notice> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      {ordered.length === 0 ? <EmptyState message={t('actions.empty')} /> : null}
      <ul className={styles.list}>
        {ordered.map((item) => (
          <li key={item.id} className={compact ? styles.itemCompact : styles.item}>
            <Checkbox
              checked={item.status === 'done'}
              onChange={(_, d) => void toggle(item, d.checked === true)}
              label={<span className={item.status === 'done' ? styles.done : undefined}>{item.title}</span>}
              aria-label={t('actions.done', { title: item.title })}
            />
            {compact ? <span className={styles.detailsCompact}>{itemDetails(item)}</span> : itemDetails(item)}
          </li>
        ))}
      </ul>
      {doneCount > 0 && (!done.loaded || done.next) ? (
        <Button appearance="subtle" onClick={() => void loadDone()}>
          {done.loaded ? t('actions.moreDone') : t('actions.showDone', { count: String(doneCount) })}
        </Button>
      ) : null}
      <form className={styles.form} onSubmit={add} noValidate aria-label={t('actions.add')}>
        <Field label={t('actions.titleLabel')} required className={compact ? styles.growCompact : styles.grow} {...lengthLimitProps(t, title, LIMITS.title, errors.title)}>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <Field label={t('actions.owner')}>
          <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
            <option value={pair.myId}>{t('actions.ownerMe')}</option>
            <option value={pair.partnerId}>{pair.partnerName}</option>
          </Select>
        </Field>
        <Field label={t('actions.dueDate')} {...(errors.dueDate ? { validationState: 'error', validationMessage: errors.dueDate } : civilDateHint(dueDate, format))}>
          <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
        </Field>
        <Button appearance="primary" type="submit" disabled={saving} style={{ marginTop: tokens.spacingVerticalXXL }}>
          {saving ? t('common.saving') : t('actions.add')}
        </Button>
      </form>
    </div>
  );
}
