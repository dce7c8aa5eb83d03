/** What publishing made, said as it is: how many relationships or invitations, what was there already, and who was left out and why. */
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ProgrammeDto, PublishOutcomeDto } from '../../api/mentoring-api';
import { useOwnerText } from './owner-messages';

export function PublishOutcomeNotice({ outcome, publishAs, names }: { outcome: PublishOutcomeDto; publishAs: ProgrammeDto['publishAs']; names: ReadonlyMap<string, string> }) {
  const { o } = useOwnerText();
  const nameOf = (id: string) => names.get(id) ?? o('owner.people.unknown');
  const partial = outcome.skipped.length > 0;
  return (
    <MessageBar intent={partial ? 'warning' : 'success'} layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{o('owner.published.title', { round: outcome.round })}</MessageBarTitle>
        <Text as="p">
          {publishAs === 'accepted' ? o('owner.published.accepted', { count: outcome.created }) : o('owner.published.invitations', { count: outcome.created })}
        </Text>
        {outcome.alreadyThere > 0 ? <Text as="p">{o('owner.published.alreadyThere', { count: outcome.alreadyThere })}</Text> : null}
        {outcome.skipped.map((s) => (
          <Text as="p" key={`${s.menteeId}-${s.mentorId}`}>
            {o('owner.published.skipped', { mentee: nameOf(s.menteeId), mentor: nameOf(s.mentorId) })}
          </Text>
        ))}
        <Text as="p">{o('owner.published.next')}</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
