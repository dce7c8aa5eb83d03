import {
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  type TagPickerProps,
} from '@fluentui/react-components';
import { useState } from 'react';

export interface FreeTextTagPickerProps {
  /** Accessible name of the text input (the Field label names the whole control). */
  inputLabel: string;
  selectedLabel: string;
  placeholder: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Known values offered while typing (e.g. the skills already in the tenant). */
  suggestions?: readonly string[];
  addOptionText: (value: string) => string;
  /** How a kept value reads (a language tag "pl" as "Polish"); the value itself is stored as is. */
  display?: (value: string) => string;
}

const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A tag picker that accepts what the person types: the typed text is always the first option, so
 * Enter adds it; clicking a tag or Backspace in the empty input removes one.
 */
export function FreeTextTagPicker({
  inputLabel,
  selectedLabel,
  placeholder,
  values,
  onChange,
  suggestions = [],
  addOptionText,
  display = (value) => value,
}: FreeTextTagPickerProps) {
  const [query, setQuery] = useState('');
  const typed = query.trim().replace(/\s+/g, ' ');
  const chosen = new Set(values.map(fold));
  const matching = suggestions
    .filter((s) => !chosen.has(fold(s)) && fold(s).includes(fold(typed)) && fold(s) !== fold(typed))
    .slice(0, 8);
  const canAddTyped = typed.length > 0 && !chosen.has(fold(typed));

  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    const next = data.selectedOptions.filter((v, i, all) => v.trim() && all.findIndex((o) => fold(o) === fold(v)) === i);
    onChange(next.map((v) => v.trim().replace(/\s+/g, ' ')));
    setQuery('');
  };

  return (
    <TagPicker onOptionSelect={onOptionSelect} selectedOptions={[...values]} noPopover={!canAddTyped && matching.length === 0}>
      <TagPickerControl>
        <TagPickerGroup aria-label={selectedLabel}>
          {values.map((value) => (
            <Tag key={value} value={value} shape="rounded">
              {display(value)}
            </Tag>
          ))}
        </TagPickerGroup>
        <TagPickerInput
          aria-label={inputLabel}
          placeholder={values.length === 0 ? placeholder : ''}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </TagPickerControl>
      <TagPickerList>
        {canAddTyped ? (
          <TagPickerOption value={typed} text={typed}>
            {addOptionText(typed)}
          </TagPickerOption>
        ) : null}
        {matching.map((s) => (
          <TagPickerOption key={s} value={s}>
            {s}
          </TagPickerOption>
        ))}
      </TagPickerList>
    </TagPicker>
  );
}
