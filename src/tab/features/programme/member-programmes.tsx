/**
 * The member's side of the Programme screen: the programmes open to the person (their invitation,
 * everyone, their Entra group) or that they joined, each with what it is, when, and either a short
 * Join form (role and one weekly time to meet, in the zone their profile states) or "You joined" and what happens next. Opened from an
 * invitation (`#/programme/<id>`) it shows that programme first; a refusal (not invited, not in the
 * group) is the API's own words. Nothing here shows other members or health: the API does not send them.
 */
import { Button, Card, Field, Radio, RadioGroup, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { problemOf, type ApiProblem } from '../../api/api-error';
import type { MemberProgrammeDto } from '../../api/mentoring-api';
import { useSession } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { TimeOfDaySelect } from '../../components/time-of-day-select';
import { useI18n } from '../../i18n/i18n';
import { useOwnerText } from './owner-messages';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  card: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  text: { overflowWrap: 'anywhere' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '480px' },
  lines: { display: 'grid', gap: tokens.spacingVerticalXS },
  fieldset: { border: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { padding: 0 },
  when: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/** The browser's zone (Teams runs in the person's own); UTC when it has none to give. */
function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function MemberProgrammes({ programmeId }: { programmeId?: string | undefined }) {
  const { api } = useSession();
  const { o } = useOwnerText();
  const styles = useStyles();
  const { loaded, reload, replace } = useLoader(
    async (signal) => {
      const [list, opened, zone] = await Promise.all([
        api.listMyProgrammes(signal),
        programmeId ? api.getMyProgramme(programmeId, signal).then((p) => ({ ok: true as const, p }), (e: unknown) => ({ ok: false as const, problem: problemOf(e) })) : undefined,
        // The zone the person stated in their profile; without a profile (joining then says to make one), the browser's.
        Promise.resolve()
          .then(() => api.getMyProfile(signal))
          .then(
            (profile) => profile.timeZone,
            () => undefined,
          ),
      ]);
      return { list: list.programmes, opened, zone: zone ?? localZone() };
    },
    [api, programmeId],
  );
  if (loaded.state === 'loading') return <LoadingSkeleton rows={2} />;
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;
  const { list, opened, zone } = loaded.data;
  const first = opened?.ok ? opened.p : undefined;
  const programmes = first ? [first, ...list.filter((p) => p.id !== first.id)] : list;
  const joined = (p: MemberProgrammeDto) => replace((data) => ({ ...data, list: data.list.map((x) => (x.id === p.id ? p : x)), opened: data.opened?.ok && data.opened.p.id === p.id ? { ok: true, p } : data.opened }));

  return (
    <>
      {opened && !opened.ok ? <ProblemMessage problem={opened.problem} {...(opened.problem.kind === 'forbidden' || opened.problem.kind === 'notFound' ? { title: o('member.refused') } : {})} /> : null}
      {programmes.length === 0 ? (
        <EmptyState message={o('member.none')} />
      ) : (
        <ul className={styles.list} aria-label={o('member.title')}>
          {programmes.map((p) => (
            <li key={p.id}>
              <MemberProgrammeCard programme={p} zone={zone} onJoined={joined} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MemberProgrammeCard({ programme, zone, onJoined }: { programme: MemberProgrammeDto; zone: string; onJoined: (p: MemberProgrammeDto) => void }) {
  const { t, format } = useI18n();
  const { o } = useOwnerText();
  const styles = useStyles();
  const [justJoined, setJustJoined] = useState(false);
  const next = programme.matchingMode === 'organic' ? o('member.next.organic') : o('member.next.matched');
  const membership = programme.membership;
  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2" className={styles.text}>
        {programme.name}
      </Subtitle2>
      {programme.purpose ? <Text className={styles.text}>{programme.purpose}</Text> : null}
      <Text>{t('programme.dates', { start: format.civilDate(programme.startDate), end: format.civilDate(programme.endDate) })}</Text>
      <Text>{o(`member.kind.${programme.kind}`)}</Text>
      {membership ? (
        <Notice intent={justJoined ? 'success' : 'info'}>
          <span className={styles.lines}>
            {justJoined ? (
              <Text block weight="semibold">
                {o('member.join.done', { name: programme.name })}
              </Text>
            ) : null}
            <Text block>{o(`member.joinedAs.${membership.role}`, { date: format.date(membership.joinedAt) })}</Text>
            <Text block>{next}</Text>
          </span>
        </Notice>
      ) : programme.ended ? (
        <Text>{o('member.ended')}</Text>
      ) : (
        <JoinForm
          programme={programme}
          zone={zone}
          onJoined={(p) => {
            setJustJoined(true);
            onJoined(p);
          }}
        />
      )}
    </Card>
  );
}

function JoinForm({ programme, zone, onJoined }: { programme: MemberProgrammeDto; zone: string; onJoined: (p: MemberProgrammeDto) => void }) {
  const { api } = useSession();
  const { format } = useI18n();
  const { o } = useOwnerText();
  const styles = useStyles();
  const [role, setRole] = useState<'mentee' | 'mentor'>(programme.kind === 'reverse' ? 'mentor' : 'mentee');
  const [weekday, setWeekday] = useState(2);
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('11:00');
  const [joining, setJoining] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const badTime = end <= start;
  const id = `join-${programme.id}`;

  const join = async () => {
    if (badTime) return;
    setJoining(true);
    setProblem(undefined);
    try {
      await api.joinProgramme(programme.id, { role, timeZone: zone, meetingWindows: [{ weekday, start, end }] });
      onJoined(await api.getMyProgramme(programme.id));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setJoining(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={o('member.join.button', { name: programme.name })}
      onSubmit={(event) => {
        event.preventDefault();
        void join();
      }}
    >
      <Field label={o('member.join.role')}>
        <RadioGroup value={role} onChange={(_, data) => setRole(data.value as 'mentee' | 'mentor')}>
          <Radio value="mentee" label={o('member.join.mentee')} />
          <Radio value="mentor" label={o('member.join.mentor')} />
        </RadioGroup>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          <Text weight="semibold">{o('member.join.window')}</Text>
        </legend>
        <Text size={200}>{o('member.join.windowHint', { zone: format.zoneTitle(zone) })}</Text>
        <div className={styles.when}>
          <Field label={o('member.join.weekday')}>
            <Select id={`${id}-day`} value={String(weekday)} onChange={(_, d) => setWeekday(Number(d.value))}>
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <option key={day} value={day}>
                  {format.weekday(day)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={o('member.join.from')}>
            <TimeOfDaySelect id={`${id}-from`} value={start} onChange={setStart} />
          </Field>
          <Field label={o('member.join.to')} {...(badTime ? { validationState: 'error' as const, validationMessage: o('member.join.badTime') } : {})}>
            <TimeOfDaySelect id={`${id}-to`} value={end} onChange={setEnd} />
          </Field>
        </div>
      </fieldset>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={joining || badTime}>
          {joining ? o('member.join.joining') : o('member.join.button', { name: programme.name })}
        </Button>
      </div>
    </form>
  );
}
