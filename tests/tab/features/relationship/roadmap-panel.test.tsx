/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { RoadmapDto } from '../../../../src/contracts';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import { RoadmapPanel } from '../../../../src/tab/features/relationship/roadmap-panel';
import { renderWithProviders } from '../../support/render-with-providers';

const v1: RoadmapDto = { themes: [{ id: 't1', title: 'Career goals', notes: '', meetingNumbers: [1] }], version: 'v1' };
const v2: RoadmapDto = { themes: [...v1.themes, { id: 't2', title: 'Feedback', notes: '', meetingNumbers: [] }], version: 'v2' };

/** The relationship screen around the panel: its reload after a save brings what `onChanged` returns. */
function Screen({ api, roadmap, onChanged }: { api: MentoringApi; roadmap: RoadmapDto; onChanged: () => RoadmapDto | undefined }) {
  const [current, setCurrent] = useState(roadmap);
  return (
    <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <RoadmapPanel relationshipId="rel-1" roadmap={current} reverse={false} onChanged={() => setCurrent((r) => onChanged() ?? r)} />
    </SessionProvider>
  );
}

function renderPanel(api: MentoringApi, roadmap: RoadmapDto, onChanged: () => RoadmapDto | undefined) {
  renderWithProviders(<Screen api={api} roadmap={roadmap} onChanged={onChanged} />);
}

describe('Roadmap: saving', () => {
  it('confirms the save, and the confirmation stays when the relationship reloads with the saved version', async () => {
    const user = userEvent.setup();
    const saveRoadmap = jest.fn().mockResolvedValue(v2);
    const api = { listRoadmapTemplates: jest.fn().mockResolvedValue([]), saveRoadmap } as unknown as MentoringApi;
    // The screen reloads the relationship, which now holds the saved version.
    const onChanged = jest.fn().mockReturnValue(v2);
    renderPanel(api, v1, onChanged);
    await user.click(screen.getByRole('button', { name: 'Add a theme' }));
    await user.type(screen.getByRole('textbox', { name: /^Theme 2/ }), 'Feedback');
    await user.click(screen.getByRole('button', { name: 'Save roadmap' }));
    await waitFor(() => expect(screen.getByText('Roadmap saved.')).toBeTruthy());
    expect(saveRoadmap).toHaveBeenCalledWith('rel-1', [expect.objectContaining({ id: 't1', title: 'Career goals' }), expect.objectContaining({ title: 'Feedback' })], 'v1');
    expect(onChanged).toHaveBeenCalledTimes(1);
    // After the reload the panel keeps its confirmation and the saved themes.
    expect(screen.getByText('Roadmap saved.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Theme 2/ }) as HTMLInputElement).value).toBe('Feedback');
  });

  it('says nothing was saved when the roadmap has a problem, and sends nothing', async () => {
    const user = userEvent.setup();
    const saveRoadmap = jest.fn();
    const api = { listRoadmapTemplates: jest.fn().mockResolvedValue([]), saveRoadmap } as unknown as MentoringApi;
    renderPanel(api, v1, jest.fn().mockReturnValue(undefined));
    await user.click(screen.getByRole('button', { name: 'Add a theme' }));
    await user.click(screen.getByRole('button', { name: 'Save roadmap' }));
    expect(screen.queryByText('Roadmap saved.')).toBeNull();
    expect(saveRoadmap).not.toHaveBeenCalled();
  });
});
