/**
 * Pick people by name for an invited list: the owner's people search over the tenant's profiles
 * (GET /api/programmes/people: anyone with a profile, whatever their mentoring capacity), the people picked as removable tags. Names of people picked earlier are read from their
 * profiles; someone whose profile is gone still shows, as "Former colleague".
 */
import { Button, Field, Input, Tag, TagGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useSession } from '../../app/session';
import { ProblemMessage } from '../../app/state-views';
import { useOwnerText } from './owner-messages';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  search: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  query: { flexGrow: 1, minWidth: '180px' },
  results: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  result: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  who: { display: 'grid', minWidth: 0 },
  tags: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
});

interface Found {
  readonly id: string;
  readonly name: string;
  readonly jobTitle: string;
}

/** Display names of the people picked, read once per id (shared by the picker and the lists around it). */
export function usePeopleNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const { api } = useSession();
  const { o } = useOwnerText();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const missing = ids.filter((id) => !names.has(id));
  const key = missing.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the list of ids still unnamed; reading again for the same list would loop.
  useEffect(() => {
    if (missing.length === 0) return;
    const controller = new AbortController();
    void Promise.all(
      missing.map((id) =>
        api.getProfile(id, controller.signal).then(
          (p) => [id, p.displayName] as const,
          () => [id, o('owner.people.unknown')] as const,
        ),
      ),
    ).then((found) => {
      if (!controller.signal.aborted) setNames((before) => new Map([...before, ...found]));
    });
    return () => controller.abort();
  }, [key, api]);
  return names;
}

export interface PeoplePickerProps {
  readonly picked: readonly string[];
  readonly onChange: (picked: string[]) => void;
  readonly names: ReadonlyMap<string, string>;
  /** The problem the form shows at this field (nobody picked, or the API refused an id). */
  readonly problem?: string | undefined;
  readonly disabled?: boolean;
}

export function PeoplePicker({ picked, onChange, names, problem, disabled }: PeoplePickerProps) {
  const { api } = useSession();
  const { o } = useOwnerText();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly Found[] | undefined>(undefined);
  const [searching, setSearching] = useState(false);
  const [searchProblem, setSearchProblem] = useState<ApiProblem | undefined>(undefined);
  const [seen, setSeen] = useState<ReadonlyMap<string, string>>(new Map());

  const tooShort = [...query.trim()].length < 2;
  const search = async () => {
    if (tooShort) return;
    setSearching(true);
    setSearchProblem(undefined);
    try {
      const answer = await api.searchProgrammePeople(query.trim());
      const people = answer.people.map((p) => ({ id: p.id, name: p.displayName, jobTitle: p.jobTitle }));
      setFound(people);
      setSeen((before) => new Map([...before, ...people.map((p) => [p.id, p.name] as const)]));
    } catch (error) {
      setSearchProblem(problemOf(error));
    } finally {
      setSearching(false);
    }
  };

  const nameOf = (id: string) => seen.get(id) ?? names.get(id) ?? '…';
  return (
    <div className={styles.root}>
      <Field label={o('owner.people.invited', { count: picked.length })} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        {picked.length === 0 ? (
          <Text>{o('owner.people.noneInvited')}</Text>
        ) : (
          <TagGroup
            className={styles.tags}
            aria-label={o('owner.people.invitedList')}
            onDismiss={(_, data) => onChange(picked.filter((id) => id !== data.value))}
          >
            {picked.map((id) => (
              <Tag key={id} value={id} dismissible={!disabled} dismissIcon={{ 'aria-label': o('owner.form.remove') }}>
                {nameOf(id)}
              </Tag>
            ))}
          </TagGroup>
        )}
      </Field>
      {/* Not a <form>: the picker sits inside the programme's form, and Enter here searches rather than saves. */}
      <div className={styles.search} role="search" aria-label={o('owner.people.searchLabel')}>
        <Field className={styles.query} label={o('owner.people.searchLabel')} hint={o('owner.people.searchHint')}>
          <Input
            value={query}
            onChange={(_, data) => setQuery(data.value)}
            disabled={disabled}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void search();
            }}
          />
        </Field>
        <Button type="button" onClick={() => void search()} disabled={disabled || searching || tooShort}>
          {searching ? o('owner.people.searching') : o('owner.people.search')}
        </Button>
      </div>
      {searchProblem ? <ProblemMessage problem={searchProblem} onRetry={() => void search()} /> : null}
      {found === undefined ? null : found.length === 0 ? (
        <Text role="status">{o('owner.people.noneFound', { query: query.trim() })}</Text>
      ) : (
        <ul className={styles.results} aria-label={o('owner.people.results')}>
          {found.map((p) => {
            const already = picked.includes(p.id);
            return (
              <li key={p.id} className={styles.result}>
                <span className={styles.who}>
                  <Text weight="semibold">{p.name}</Text>
                  <Text size={200}>{p.jobTitle}</Text>
                </span>
                <Button size="small" disabled={disabled || already} onClick={() => onChange([...picked, p.id])} aria-label={already ? o('owner.people.addedNamed', { name: p.name }) : o('owner.people.addNamed', { name: p.name })}>
                  {already ? o('owner.people.added') : o('owner.people.add')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
