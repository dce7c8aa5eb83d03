/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TimeOfDaySelect, timeOfDayLabel } from '../../src/tab/components/time-of-day-select';
import { createFormatters } from '../../src/tab/i18n/i18n';
import { renderWithProviders } from './support/render-with-providers';

describe('a time of day chosen in the person’s locale', () => {
  it('writes times as the locale does, whatever the browser’s 12/24-hour setting', () => {
    expect(timeOfDayLabel(createFormatters('en', 'Europe/Warsaw', 'en-US').clockTime, '09:30')).toMatch(/^09:30\sAM$/);
    expect(timeOfDayLabel(createFormatters('en', 'Europe/Warsaw', 'en-US').clockTime, '17:45')).toMatch(/^05:45\sPM$/);
    expect(timeOfDayLabel(createFormatters('en', 'Europe/Warsaw', 'en-GB').clockTime, '17:45')).toBe('17:45');
    expect(timeOfDayLabel(createFormatters('pl', 'Europe/Warsaw').clockTime, '00:00')).toBe('00:00');
  });

  it('offers every quarter hour, keeps a value off the grid, and answers HH:mm', async () => {
    const onChange = jest.fn();
    renderWithProviders(
      <>
        <label htmlFor="from">From</label>
        <TimeOfDaySelect id="from" value="09:40" onChange={onChange} />
      </>,
    );
    const select = screen.getByLabelText('From') as HTMLSelectElement;
    expect(select.options).toHaveLength(97);
    expect(select.value).toBe('09:40');
    expect(select.selectedOptions[0]!.textContent).toBe('09:40');
    await userEvent.setup().selectOptions(select, '18:15');
    expect(onChange).toHaveBeenCalledWith('18:15');
  });
});
