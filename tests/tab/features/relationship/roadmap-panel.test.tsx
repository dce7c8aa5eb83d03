/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { MeetingDto, RoadmapDto } from '../../../../src/contracts';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import { RoadmapPanel } from '../../../../src/tab/features/relationship/roadmap-panel';
import { renderWithProviders } from '../../support/render-with-providers';

const v1: RoadmapDto = { themes: [{ id: 't1', title: 'Career goals', notes: '', meetingNumbers: [1] }], version: 'v1' };
const v2: RoadmapDto = { themes: [...v1.themes, { id: 't2', title: 'Feedback', notes: '', meetingNumbers: [] }], version: 'v2' };

/** The relationship screen around the panel: its reload after a save brings what `onChanged` returns. */
const meeting = (number: number, start: string, status: MeetingDto['status'] = 'planned'): MeetingDto => ({
  id: `m${number}`,
  number,
  start,
  end: start.replace('T09', 'T10'),
  status,
  bookingState: 'booked',
  organizerId: 'kacper',
  outsideBoundaries: false,
  declinedBy: [],
  version: '1',
});
const meetings = [meeting(2, '2026-12-15T09:00:00.000Z'), meeting(1, '2026-12-08T09:00:00.000Z'), meeting(3, '2026-12-22T09:00:00.000Z', 'cancelled')];

function Screen({ api, roadmap, onChanged, plannedCount }: { api: MentoringApi; roadmap: RoadmapDto; onChanged: () => RoadmapDto | undefined; plannedCount: number }) {
  const [current, setCurrent] = useState(roadmap);
  return (
    <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <RoadmapPanel relationshipId="rel-1" roadmap={current} meetings={meetings} plannedCount={plannedCount} reverse={false} onChanged={() => setCurrent((r) => onChanged() ?? r)} />
    </SessionProvider>
  );
}

function renderPanel(api: MentoringApi, roadmap: RoadmapDto, onChanged: () => RoadmapDto | undefined, plannedCount = 0) {
  renderWithProviders(<Screen api={api} roadmap={roadmap} onChanged={onChanged} plannedCount={plannedCount} />);
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

describe('Roadmap: meetings for a theme', () => {
  it('are ticked from the relationship’s meetings by number and date, and saved as their numbers', async () => {
    const user = userEvent.setup();
    const saveRoadmap = jest.fn().mockResolvedValue(v1);
    const api = { listRoadmapTemplates: jest.fn().mockResolvedValue([]), saveRoadmap } as unknown as MentoringApi;
    renderPanel(api, v1, () => undefined);
    const picker = screen.getByRole('group', { name: 'Meetings for theme 1' });
    // Planned meetings in order, on my clock (Warsaw); the cancelled one is not offered.
    const boxes = within(picker).getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Meeting 1 · Tue 8 Dec, 10:00 CET', 'Meeting 2 · Tue 15 Dec, 10:00 CET']);
    expect((within(picker).getByRole('checkbox', { name: 'Meeting 1 · Tue 8 Dec, 10:00 CET' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(picker).getByRole('checkbox', { name: 'Meeting 2 · Tue 15 Dec, 10:00 CET' }));
    await user.click(screen.getByRole('button', { name: 'Save roadmap' }));
    await waitFor(() => expect(saveRoadmap).toHaveBeenCalledTimes(1));
    expect(saveRoadmap.mock.calls[0][1]).toEqual([{ id: 't1', title: 'Career goals', notes: '', meetingNumbers: [1, 2] }]);
  });

  it('offers the agreed series before it is booked, and keeps a number ticked whose meeting is not booked', () => {
    const api = { listRoadmapTemplates: jest.fn().mockResolvedValue([]), saveRoadmap: jest.fn() } as unknown as MentoringApi;
    renderPanel(api, { ...v1, themes: [{ ...v1.themes[0]!, meetingNumbers: [6] }] }, () => undefined, 4);
    const picker = screen.getByRole('group', { name: 'Meetings for theme 1' });
    expect(within(picker).getAllByRole('checkbox').map((b) => (b as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'Meeting 1 · Tue 8 Dec, 10:00 CET',
      'Meeting 2 · Tue 15 Dec, 10:00 CET',
      'Meeting 3 (not booked yet)',
      'Meeting 4 (not booked yet)',
      'Meeting 6 (not booked yet)',
    ]);
    expect((within(picker).getByRole('checkbox', { name: 'Meeting 6 (not booked yet)' }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('Roadmap: reordering themes', () => {
  // jsdom lays nothing out; the keyboard sensor moves between items by their boxes, so give each theme
  // a box in list order (100 px apart), as a browser would.
  const original = Element.prototype.getBoundingClientRect;
  beforeAll(() => {
    Element.prototype.getBoundingClientRect = function (this: Element) {
      const item = this.closest('[data-sortable-id]');
      const index = item?.parentElement ? [...item.parentElement.children].indexOf(item) : 0;
      const top = index * 100;
      return { x: 0, y: top, top, left: 0, right: 600, bottom: top + 90, width: 600, height: 90, toJSON: () => ({}) } as DOMRect;
    };
  });
  afterAll(() => {
    Element.prototype.getBoundingClientRect = original;
  });

  it('moves a theme with the keyboard (Space, arrow, Space), announces it, and saves the new order', async () => {
    const user = userEvent.setup();
    const three: RoadmapDto = {
      themes: [
        { id: 't1', title: 'Career goals', notes: '', meetingNumbers: [] },
        { id: 't2', title: 'Feedback', notes: '', meetingNumbers: [] },
        { id: 't3', title: 'Visibility', notes: '', meetingNumbers: [] },
      ],
      version: 'v1',
    };
    const saveRoadmap = jest.fn().mockResolvedValue(three);
    const api = { listRoadmapTemplates: jest.fn().mockResolvedValue([]), saveRoadmap } as unknown as MentoringApi;
    renderPanel(api, three, () => undefined);
    const titles = () => screen.getAllByRole('textbox', { name: /^Theme \d/ }).map((x) => (x as HTMLInputElement).value);
    expect(titles()).toEqual(['Career goals', 'Feedback', 'Visibility']);
    screen.getByRole('button', { name: 'Reorder theme 3' }).focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowUp}');
    await user.keyboard(' ');
    await waitFor(() => expect(titles()).toEqual(['Career goals', 'Visibility', 'Feedback']));
    await waitFor(() => expect(screen.getByText('Theme 3 dropped at position 2.')).toBeTruthy());
    await user.click(screen.getByRole('button', { name: 'Save roadmap' }));
    await waitFor(() => expect(saveRoadmap).toHaveBeenCalledTimes(1));
    expect(saveRoadmap.mock.calls[0][1].map((x: { id: string }) => x.id)).toEqual(['t1', 't3', 't2']);
  });

  it('leaves the order as it was when the move is cancelled with Escape', async () => {
    const user = userEvent.setup();
    const api = { listRoadmapTemplates: jest.fn().mockResolvedValue([]), saveRoadmap: jest.fn() } as unknown as MentoringApi;
    renderPanel(api, v2, () => undefined);
    screen.getByRole('button', { name: 'Reorder theme 2' }).focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowUp}');
    await user.keyboard('{Escape}');
    const titles = screen.getAllByRole('textbox', { name: /^Theme \d/ }).map((x) => (x as HTMLInputElement).value);
    expect(titles).toEqual(['Career goals', 'Feedback']);
  });
});
