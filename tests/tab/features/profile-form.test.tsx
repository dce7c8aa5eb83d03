/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ProfileFields } from '../../../src/core/profiles/validate-profile';
import { ProfileForm } from '../../../src/tab/features/profile/profile-form';
import { renderWithProviders } from '../support/render-with-providers';

const filled: ProfileFields = {
  jobTitle: 'Junior Developer',
  seniority: 'junior',
  skillsToTeach: ['Power BI'],
  skillsToLearn: [],
  languages: ['pl'],
  timeZone: 'Europe/Warsaw',
  capacity: 2,
  openToReverseMentoring: true,
};

describe('ProfileForm', () => {
  it('labels every control', () => {
    renderWithProviders(<ProfileForm initial={filled} saving={false} onSave={() => undefined} />);
    for (const name of [/^Job title/, /^Seniority/, /^Skills I can teach/, /^Skills I want to learn/, /^Languages I can mentor in/, /^My time zone/, /^How many mentees/]) {
      expect(screen.getAllByLabelText(name).length).toBeGreaterThan(0);
    }
    expect((screen.getByRole('switch', { name: /Open to reverse mentoring/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('asks for a job title before saving, and saves nothing', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<ProfileForm initial={{ ...filled, jobTitle: '' }} saving={false} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter your job title so people know what you do.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the same rule in Polish for a Polish reader', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ProfileForm initial={{ ...filled, jobTitle: '   ' }} saving={false} onSave={() => undefined} />, { language: 'pl' });
    await user.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(await screen.findByText('Podaj stanowisko, aby inni wiedzieli, czym się zajmujesz.')).toBeTruthy();
  });

  it('rejects a capacity outside 0–10 with the range in the message', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<ProfileForm initial={{ ...filled, capacity: 11 }} saving={false} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number from 0 to 10.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('rejects a time zone that does not exist', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<ProfileForm initial={{ ...filled, timeZone: 'Mars/Olympus' }} saving={false} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose a time zone from the list.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('adds typed skills with Enter and saves cleaned fields', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderWithProviders(<ProfileForm initial={{ ...filled, jobTitle: '  Junior   Developer ' }} saving={false} onSave={onSave} />);
    const learn = screen.getByRole('combobox', { name: 'Skills I want to learn' });
    await user.click(learn);
    await user.type(learn, 'Public speaking{Enter}');
    await user.type(learn, 'negotiation{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({ ...filled, jobTitle: 'Junior Developer', skillsToLearn: ['Public speaking', 'negotiation'] });
  });

  it('shows an error the API returned next to its field', () => {
    renderWithProviders(
      <ProfileForm initial={filled} saving={false} onSave={() => undefined} serverErrors={{ languages: 'Remove the empty entry or type a name for it.' }} />,
    );
    expect(screen.getByText('Remove the empty entry or type a name for it.')).toBeTruthy();
  });

  it('disables Save while saving so a second click cannot send twice', () => {
    renderWithProviders(<ProfileForm initial={filled} saving onSave={() => undefined} />);
    expect((screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
