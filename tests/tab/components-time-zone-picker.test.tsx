/** @jest-environment jsdom */
import { Field } from '@fluentui/react-components';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { TimeZonePicker, foldForSearch, zoneChoice, zoneChoices } from '../../src/tab/components/time-zone-picker';
import { createFormatters } from '../../src/tab/i18n/i18n';
import { TEST_NOW, renderWithProviders } from './support/render-with-providers';

/** Types the whole query at once (one render of the filtered list, not one per key). */
async function typeQuery(input: HTMLInputElement, text: string) {
  act(() => input.focus());
  input.setSelectionRange(0, input.value.length);
  await userEvent.setup().paste(text);
}

function Picker({ initial, onChange }: { initial: string; onChange: (zone: string) => void }) {
  const [zone, setZone] = useState(initial);
  return (
    <Field label="Time zone">
      <TimeZonePicker
        value={zone}
        onChange={(next) => {
          setZone(next);
          onChange(next);
        }}
      />
    </Field>
  );
}

describe('choosing a time zone by the name people use', () => {
  it('names a zone in the person’s language with its offset now, and searches without case or accents', () => {
    const en = zoneChoice('America/New_York', createFormatters('en', 'Europe/Warsaw'), TEST_NOW);
    expect(en).toMatchObject({ id: 'America/New_York', title: 'Eastern Time, New York', offset: 'UTC−05:00', minutes: -300 });
    const pl = zoneChoice('Europe/Warsaw', createFormatters('pl', 'Europe/Warsaw'), TEST_NOW);
    expect(pl.title).toBe('czas środkowoeuropejski, Warsaw');
    expect(pl.haystack).toContain(foldForSearch('srodkowoeuropejski'));
    // ICU lists Asia/Calcutta and Europe/Kiev; the list offers (and stores) the current IANA names, once each.
    const ids = zoneChoices('UTC', createFormatters('en', 'UTC'), TEST_NOW, new Intl.Collator('en')).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Kathmandu', 'UTC']));
    expect(ids).not.toContain('Asia/Calcutta');
    expect(new Set(ids).size).toBe(ids.length);
    expect(zoneChoice('Asia/Kathmandu', createFormatters('en', 'UTC'), TEST_NOW).offset).toBe('UTC+05:45');
    // In July New York is four hours behind: the offset is the one at the clock's instant.
    expect(zoneChoice('America/New_York', createFormatters('en', 'UTC'), Date.UTC(2026, 6, 1)).offset).toBe('UTC−04:00');
  });

  it('shows the chosen zone by name, never its IANA id, and stores the id of the one picked', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderWithProviders(<Picker initial="Europe/Warsaw" onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement;
    expect(input.value).toBe('Central European Time, Warsaw');
    await typeQuery(input, 'new york');
    const option = await screen.findByRole('option', { name: /Eastern Time, New York/ });
    expect(option.textContent).toContain('UTC−05:00');
    expect(screen.queryByRole('option', { name: /Warsaw/ })).toBeNull();
    expect(screen.queryByText('America/New_York')).toBeNull();
    await user.click(option);
    expect(onChange).toHaveBeenLastCalledWith('America/New_York');
    expect(input.value).toBe('Eastern Time, New York');
  });

  it('finds a zone by its id or its offset too', async () => {
    renderWithProviders(<Picker initial="UTC" onChange={() => undefined} />);
    const input = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement;
    await typeQuery(input, 'Asia/Kolkata');
    expect(await screen.findByRole('option', { name: /India Standard Time, Kolkata/ })).toBeTruthy();
    await typeQuery(input, '+05:45');
    expect(await screen.findByRole('option', { name: /Kathmandu/ })).toBeTruthy();
  });

  it('in Polish, finds “środkowoeuropejski” typed without the accent, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderWithProviders(<Picker initial="Europe/London" onChange={onChange} />, { language: 'pl' });
    const input = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement;
    expect(input.value).toMatch(/, London$/);
    await typeQuery(input, 'srodkowoeuropejski warsaw');
    await user.click(await screen.findByRole('option', { name: /czas środkowoeuropejski, Warsaw/ }));
    expect(onChange).toHaveBeenLastCalledWith('Europe/Warsaw');
    await typeQuery(input, 'Atlantis');
    expect(await screen.findByRole('option', { name: /Żadna strefa czasowa nie pasuje do „Atlantis”/ })).toBeTruthy();
  });

  it('leaving the field without choosing keeps the zone that was chosen', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderWithProviders(
      <>
        <Picker initial="Europe/Warsaw" onChange={onChange} />
        <button type="button">Elsewhere</button>
      </>,
    );
    const input = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement;
    await typeQuery(input, 'Tok');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(input.value).toBe('Central European Time, Warsaw');
    expect(onChange).not.toHaveBeenCalled();
  });
});
