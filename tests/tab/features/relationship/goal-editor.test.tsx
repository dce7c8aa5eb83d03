/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GoalEditor } from '../../../../src/tab/features/relationship/goal-editor';
import { renderWithProviders } from '../../support/render-with-providers';

describe('GoalEditor (SMART)', () => {
  it('shows the title’s limit at the field and sends nothing while it is over', async () => {
    const onSave = jest.fn();
    renderWithProviders(<GoalEditor saving={false} onSave={onSave} />);
    const title = screen.getByLabelText(/^Goal/);
    // Pasted, not typed: the whole text stays, nothing is cut off behind the person's back.
    await userEvent.setup().click(title);
    await userEvent.setup().paste('x'.repeat(170));
    expect(screen.getByText('170 / 200 characters')).toBeTruthy();
    await userEvent.setup().paste('y'.repeat(31));
    expect(screen.getByText('Too long: 201 characters, at most 200.')).toBeTruthy();
    expect((title as HTMLInputElement).value).toHaveLength(201);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('requires a title and saves nothing without one', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<GoalEditor saving={false} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Give the goal a short title.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('flags missing SMART parts gently and still saves the goal', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<GoalEditor saving={false} onSave={onSave} />);
    await user.type(screen.getByLabelText(/^Goal/), 'Build a Power BI dashboard');
    await user.type(screen.getByLabelText(/^Specific/), 'Monthly sales by region');
    expect(screen.getByText('This goal could be SMARTer')).toBeTruthy();
    expect(screen.queryByText(/^Specific: what exactly do you want/)).toBeNull();
    expect(screen.getByText(/^Measurable: a number, an artefact/)).toBeTruthy();
    expect(screen.getByText(/^Time-bound: a target date/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      title: 'Build a Power BI dashboard',
      smart: { specific: 'Monthly sales by region', measurable: '', achievable: '', relevant: '', timeBound: '' },
      progress: 0,
    });
  });

  it('counts a target date as the time-bound part, as the API does', async () => {
    const user = userEvent.setup();
    renderWithProviders(<GoalEditor saving={false} onSave={() => undefined} />);
    await user.type(screen.getByLabelText(/^Goal/), 'Present at the guild');
    expect(screen.getByText(/^Time-bound: a target date/)).toBeTruthy();
    await user.type(screen.getByLabelText('Target date'), '2027-02-01');
    expect(screen.queryByText(/^Time-bound: a target date/)).toBeNull();
  });

  it('hints in Polish for a Polish reader', async () => {
    const user = userEvent.setup();
    renderWithProviders(<GoalEditor saving={false} onSave={() => undefined} />, { language: 'pl' });
    await user.type(screen.getByLabelText(/^Cel/), 'Prezentacja');
    expect(screen.getByText('Ten cel może być bardziej SMART')).toBeTruthy();
    expect(screen.getByText(/^Mierzalny: liczba, efekt pracy/)).toBeTruthy();
  });
});
