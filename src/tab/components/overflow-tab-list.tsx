import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  // The tab bar takes the width it is given and never more: what does not fit moves into "More".
  overflow: { minWidth: 0, maxWidth: '100%', overflow: 'hidden' },
});

export interface TabItem {
  value: string;
  label: string;
}

export interface OverflowTabListProps {
  items: readonly TabItem[];
  selected: string;
  onSelect: (value: string) => void;
  ariaLabel?: string;
  /** "More (3)": the menu button's text, with how many tabs it holds. */
  moreLabel: (count: number) => string;
  size?: 'small' | 'medium' | 'large';
}

/**
 * A Fluent TabList that fits any width: tabs that do not fit collapse into one overflow menu (the
 * selected tab always stays visible), so the page never scrolls sideways on a phone.
 */
export function OverflowTabList({ items, selected, onSelect, ariaLabel, moreLabel, size = 'medium' }: OverflowTabListProps) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList
        className={styles.overflow}
        size={size}
        selectedValue={selected}
        onTabSelect={(_, d) => onSelect(String(d.value))}
        {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      >
        {items.map((item) => (
          <OverflowItem key={item.value} id={item.value} priority={item.value === selected ? 2 : 1}>
            <Tab value={item.value}>{item.label}</Tab>
          </OverflowItem>
        ))}
        <MoreMenu items={items} selected={selected} onSelect={onSelect} moreLabel={moreLabel} />
      </TabList>
    </Overflow>
  );
}

function MoreMenu({ items, selected, onSelect, moreLabel }: Pick<OverflowTabListProps, 'items' | 'selected' | 'onSelect' | 'moreLabel'>) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu checkedValues={{ section: [selected] }}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" role="tab" aria-selected={false} aria-haspopup="menu">
          {moreLabel(overflowCount)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {items.map((item) => (
            <HiddenItem key={item.value} item={item} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenItem({ item, onSelect }: { item: TabItem; onSelect: (value: string) => void }) {
  const visible = useIsOverflowItemVisible(item.value);
  if (visible) return null;
  return (
    <MenuItemRadio name="section" value={item.value} onClick={() => onSelect(item.value)}>
      {item.label}
    </MenuItemRadio>
  );
}
