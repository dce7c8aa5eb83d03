import {
  Badge,
  Button,
  Card,
  CardHeader,
  Checkbox,
  Field,
  Input,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { MatchReasonDto } from '../../../contracts';
import type { SeniorityLevel } from '../../../core/profiles/profile';
import type { MentorSearch, MentorSuggestionDto } from '../../api/mentoring-api';
import type { Route } from '../../app/hash-route';
import { useApi } from '../../app/session';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { useI18n, type I18n } from '../../i18n/i18n';
import { RequestMentorDialog } from './request-mentor-dialog';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  search: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: '220px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexShrink: 0, whiteSpace: 'nowrap' },
});

/** A level as a noun phrase with its article ("an executive"), so no sentence is built from a bare label. */
const levelKey = {
  entry: 'find.level.entry',
  junior: 'find.level.junior',
  intermediate: 'find.level.intermediate',
  senior: 'find.level.senior',
  lead: 'find.level.lead',
  executive: 'find.level.executive',
} as const satisfies Record<SeniorityLevel, string>;

/** The ranker explains itself in data; each reason becomes one sentence in the person's language. */
export function reasonText(reason: MatchReasonDto, { t, plural, format }: Pick<I18n, 't' | 'plural' | 'format'>): string {
  switch (reason.kind) {
    case 'matchedSkills':
      return t('find.reason.matchedSkills', { skills: format.list(reason.skills) });
    case 'capacityLeft':
      return plural('find.reason.capacityLeft', reason.count);
    case 'reversePairing':
      return t('find.reason.reversePairing', {
        mentor: t(levelKey[reason.mentorSeniority]),
        mentee: t(levelKey[reason.menteeSeniority]),
      });
    case 'sharedLanguages':
      return t('find.reason.sharedLanguages', { languages: format.list(reason.languages.map(format.language)) });
  }
}

export default function FindMentorScreen({ navigate }: { navigate: (route: Route) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useStyles();
  const [skill, setSkill] = useState('');
  const [text, setText] = useState('');
  const [onlyReverse, setOnlyReverse] = useState(false);
  const [search, setSearch] = useState<MentorSearch>({});
  const [asking, setAsking] = useState<MentorSuggestionDto | undefined>();
  // The dialog closes through `open` rather than by unmounting, so its modal layer can restore the
  // page it hid from screen readers.
  const [dialogOpen, setDialogOpen] = useState(false);
  const [sentTo, setSentTo] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | undefined>();
  const { loaded, reload } = useLoader((signal) => api.suggestMentors(search, signal), [api, search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    setSearch({ skill, q: text, ...(onlyReverse ? { reverse: true } : {}) });
  };

  return (
    <section className={styles.page} aria-labelledby="find-title">
      <Title2 as="h1" id="find-title">
        {t('find.title')}
      </Title2>
      <form className={styles.search} onSubmit={submit} role="search" aria-label={t('find.title')}>
        <Field label={t('find.searchLabel')} className={styles.grow}>
          <Input value={skill} placeholder={t('find.searchPlaceholder')} onChange={(_, d) => setSkill(d.value)} />
        </Field>
        <Field label={t('find.textLabel')} className={styles.grow}>
          <Input value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Button appearance="primary" type="submit">
          {t('find.search')}
        </Button>
        <Checkbox label={t('find.onlyReverse')} checked={onlyReverse} onChange={(_, d) => setOnlyReverse(d.checked === true)} />
      </form>
      {notice ? <Notice intent="success">{notice}</Notice> : null}
      {loaded.state === 'loading' ? <LoadingSkeleton rows={3} /> : null}
      {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.length === 0 ? (
        <EmptyState
          message={t('find.empty')}
          action={<Button onClick={() => navigate({ screen: 'profile' })}>{t('nav.profile')}</Button>}
        />
      ) : null}
      {loaded.state === 'ready' && loaded.data.length > 0 ? (
        <ul className={styles.list} aria-label={t('find.resultsLabel')}>
          {loaded.data.map((suggestion) => {
            const mentor = suggestion.mentor;
            const requested = sentTo.includes(mentor.userId);
            return (
              <li key={mentor.userId}>
                <Card>
                  <CardHeader
                    header={
                      <Text as="h2" weight="semibold" size={400}>
                        {mentor.displayName}
                      </Text>
                    }
                    description={<Text>{mentor.jobTitle}</Text>}
                    action={
                      <div className={styles.badges}>
                        {suggestion.reverse ? (
                          <Badge appearance="filled" color="brand">
                            {t('find.reverseBadge')}
                          </Badge>
                        ) : null}
                      </div>
                    }
                  />
                  <Text weight="semibold" id={`reasons-${mentor.userId}`}>
                    {t('find.reasonsLabel')}
                  </Text>
                  <ul className={styles.reasons} aria-labelledby={`reasons-${mentor.userId}`}>
                    {suggestion.reasons.map((reason, i) => (
                      <li key={i}>{reasonText(reason, i18n)}</li>
                    ))}
                  </ul>
                  <div>
                    <Button appearance={requested ? 'secondary' : 'primary'} disabled={requested} onClick={() => {
                        setAsking(suggestion);
                        setDialogOpen(true);
                      }}>
                      {requested ? t('find.alreadyRequested') : t('find.request', { name: mentor.displayName })}
                    </Button>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      ) : null}
      {asking ? (
        <RequestMentorDialog
          key={asking.mentor.userId}
          mentor={asking.mentor}
          reverse={asking.reverse}
          open={dialogOpen}
          onOpenChange={setDialogOpen}
          send={(request) => api.sendRequest(request)}
          onSent={() => {
            setSentTo((s) => [...s, asking.mentor.userId]);
            setNotice(t('request.sent', { name: asking.mentor.displayName }));
            setDialogOpen(false);
          }}
        />
      ) : null}
    </section>
  );
}
