/**
 * One suggested pair as the owner reviews it: who with whom, the score, whether it is reverse
 * mentoring, and when the two can meet each week read on each one's own clock; with the owner's
 * changes (pin, swap the mentor with another pair's, exclude).
 */
import { Badge, Button, Card, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CohortViewDto } from '../../api/mentoring-api';
import { useI18n } from '../../i18n/i18n';
import { useOwnerText, type OwnerText } from './owner-messages';

export type CohortPairDto = CohortViewDto['pairs'][number];
type OverlapInZone = NonNullable<CohortPairDto['overlap']>['mentee'];

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM },
  names: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  zones: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** "3 h 30 min", "45 min". */
export function durationText(minutes: number, o: OwnerText): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return o('owner.duration.minutes', { m });
  return m === 0 ? o('owner.duration.hours', { h }) : o('owner.duration.hoursMinutes', { h, m });
}

export interface CohortPairCardProps {
  readonly pair: CohortPairDto;
  /** The other pairs, whose mentor this pair's could be swapped with. */
  readonly others: readonly CohortPairDto[];
  readonly pinned: boolean;
  /** Changes are closed once the round is published, and while a change is on its way. */
  readonly editable: boolean;
  readonly onPin: (pinned: boolean) => void;
  readonly onSwap: (other: CohortPairDto) => void;
  readonly onExclude: () => void;
}

export function CohortPairCard({ pair, others, pinned, editable, onPin, onSwap, onExclude }: CohortPairCardProps) {
  const { o } = useOwnerText();
  const { format } = useI18n();
  const styles = useStyles();
  const windows = (zone: OverlapInZone) => format.list(zone.windows.map((w) => `${format.weekday(w.weekday, 'short')} ${w.start}–${w.end}`));
  const pairName = o('owner.match.pairName', { mentee: pair.menteeName, mentor: pair.mentorName });
  return (
    <Card className={styles.card} role="listitem" aria-label={pairName}>
      <h3 className={styles.names}>{o('owner.match.pairTitle', { mentee: pair.menteeName, mentor: pair.mentorName })}</h3>
      <div className={styles.facts}>
        <Text>{o('owner.match.score', { score: pair.score })}</Text>
        {pair.reverse ? <Badge appearance="tint" color="informative">{o('owner.match.reverse')}</Badge> : null}
        {pinned ? <Badge appearance="tint" color="brand">{o('owner.match.pinned')}</Badge> : null}
      </div>
      <Text>{o('owner.match.overlap', { time: durationText(pair.minutesPerWeek, o) })}</Text>
      {pair.overlap ? (
        <ul className={styles.zones}>
          <li>
            <Text>{o('owner.match.forPerson', { name: pair.menteeName, zone: format.zoneTitle(pair.overlap.mentee.timeZone), windows: windows(pair.overlap.mentee) })}</Text>
          </li>
          <li>
            <Text>{o('owner.match.forPerson', { name: pair.mentorName, zone: format.zoneTitle(pair.overlap.mentor.timeZone), windows: windows(pair.overlap.mentor) })}</Text>
          </li>
        </ul>
      ) : null}
      {editable ? (
        <div className={styles.actions}>
          <Button size="small" aria-pressed={pinned} onClick={() => onPin(!pinned)} aria-label={pinned ? o('owner.match.unpinNamed', { pair: pairName }) : o('owner.match.pinNamed', { pair: pairName })}>
            {pinned ? o('owner.match.unpin') : o('owner.match.pin')}
          </Button>
          {others.length > 0 ? (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button size="small" aria-label={o('owner.match.swapNamed', { pair: pairName })}>
                  {o('owner.match.swap')}
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {others.map((other) => (
                    <MenuItem key={other.menteeId} onClick={() => onSwap(other)}>
                      {o('owner.match.swapWith', { mentor: other.mentorName, mentee: other.menteeName })}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : null}
          <Button size="small" onClick={onExclude} aria-label={o('owner.match.excludeNamed', { pair: pairName })}>
            {o('owner.match.exclude')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
