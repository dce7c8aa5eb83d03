/**
 * The programme's people for its owner: who may join (and, for an invited list, inviting more or
 * fewer by name) and who has joined, with their role and time zone. The windows people stated stay
 * with matching.
 */
import { Button, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { problemOf, type ApiProblem } from '../../api/api-error';
import type { ProgrammeDto } from '../../api/mentoring-api';
import { useSession } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { EmptyState, LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { PeoplePicker, usePeopleNames } from './people-picker';
import { useOwnerText } from './owner-messages';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM },
  invite: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tableWrap: { overflowX: 'auto' },
});

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function ProgrammePeople({ programme, onSaved }: { programme: ProgrammeDto; onSaved: (p: ProgrammeDto) => void }) {
  const { api } = useSession();
  const { o } = useOwnerText();
  const { format } = useI18n();
  const styles = useStyles();
  const { loaded, reload } = useLoader((signal) => api.listProgrammeMembers(programme.id, signal), [api, programme.id]);
  const stored = programme.joinPolicy.kind === 'invited' ? programme.joinPolicy.personIds : [];
  const [invited, setInvited] = useState<string[]>([...stored]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const names = usePeopleNames(invited);

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    setSaved(false);
    try {
      onSaved(await api.updateProgramme(programme.id, { joinPolicy: { kind: 'invited', personIds: invited } }, programme.version));
      setSaved(true);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  };

  const policy = programme.joinPolicy;
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{o('owner.people.whoMayJoin')}</Subtitle2>
      {policy.kind === 'everyone' ? <Text>{o('owner.people.everyone')}</Text> : null}
      {policy.kind === 'entraGroup' ? <Text>{o('owner.people.group', { groupId: policy.groupId })}</Text> : null}
      {policy.kind === 'invited' ? (
        <div className={styles.invite}>
          <PeoplePicker
            picked={invited}
            names={names}
            disabled={saving}
            problem={invited.length === 0 ? o('owner.fix.invited') : undefined}
            onChange={(ids) => {
              setInvited(ids);
              setSaved(false);
            }}
          />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={saving || invited.length === 0 || sameList(invited, stored)} onClick={() => void save()}>
              {saving ? o('owner.form.saving') : o('owner.people.saveInvited')}
            </Button>
            {sameList(invited, stored) ? null : (
              <Button disabled={saving} onClick={() => setInvited([...stored])}>
                {o('owner.people.undo')}
              </Button>
            )}
          </div>
          {saved ? <Notice intent="success">{o('owner.people.saved', { count: stored.length })}</Notice> : null}
          {problem ? <ProblemMessage problem={problem} title={problem.kind === 'conflict' ? o('owner.form.conflictTitle') : undefined} /> : null}
        </div>
      ) : null}

      <Subtitle2 as="h2">{o('owner.people.joinedTitle')}</Subtitle2>
      {loaded.state === 'loading' ? <LoadingSkeleton /> : null}
      {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.members.length === 0 ? <EmptyState message={o('owner.people.noneJoined')} /> : null}
      {loaded.state === 'ready' && loaded.data.members.length > 0 ? (
        <>
          <Text>{o('owner.people.counts', { mentees: loaded.data.counts.mentees, mentors: loaded.data.counts.mentors })}</Text>
          <div className={styles.tableWrap}>
            <Table aria-label={o('owner.people.joinedTitle')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{o('owner.people.name')}</TableHeaderCell>
                  <TableHeaderCell>{o('owner.people.role')}</TableHeaderCell>
                  <TableHeaderCell>{o('owner.people.zone')}</TableHeaderCell>
                  <TableHeaderCell>{o('owner.people.joined')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {loaded.data.members.map((m) => (
                  <TableRow key={m.personId}>
                    <TableCell>{m.displayName}</TableCell>
                    <TableCell>{o(`owner.role.${m.role}`)}</TableCell>
                    <TableCell>{format.zoneTitle(m.timeZone)}</TableCell>
                    <TableCell>{format.date(m.joinedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
    </div>
  );
}
