import { moveTheme, themeInputsFromTemplate, themesForMeeting, unscheduledThemes, validateRoadmapThemes } from '../../../src/core/roadmap/roadmap-rules';
import { ROADMAP_TEMPLATES } from '../../../src/core/roadmap/roadmap-templates';
import { getRoadmap, listRoadmapTemplates, saveRoadmap } from '../../../src/core/usecases/roadmap-use-cases';
import { call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const ids = () => {
  let n = 0;
  return () => `t${++n}`;
};

describe('roadmap templates', () => {
  it('include reverse-mentoring templates such as social media for leaders and collaboration tools', () => {
    const reverse = listRoadmapTemplates({ reverseOnly: true }).map((t) => t.title);
    expect(reverse).toEqual(expect.arrayContaining(['Social media for leaders', 'Collaboration tools']));
    expect(listRoadmapTemplates().some((t) => !t.reverse)).toBe(true);
  });

  it('have unique theme ids and non-empty themes', () => {
    const themeIds = ROADMAP_TEMPLATES.flatMap((t) => t.themes.map((th) => th.id));
    expect(new Set(themeIds).size).toBe(themeIds.length);
    expect(ROADMAP_TEMPLATES.every((t) => t.themes.length > 0 && t.themes.every((th) => th.title.trim() !== ''))).toBe(true);
  });
});

describe('validateRoadmapThemes: one rule each', () => {
  it('gives new themes ids and sorts meeting numbers without duplicates', () => {
    expect(validateRoadmapThemes([{ title: ' Intro ', notes: '', meetingNumbers: [3, 1, 3] }], ids())).toEqual({
      ok: true,
      value: [{ id: 't1', title: 'Intro', notes: '', meetingNumbers: [1, 3] }],
    });
  });
  it('requires a title', () => {
    expect(validateRoadmapThemes([{ title: ' ', notes: '', meetingNumbers: [] }], ids())).toMatchObject({
      ok: false,
      error: { code: 'ROADMAP.THEME_TITLE_REQUIRED', field: 'themes[0].title' },
    });
  });
  it('refuses the same theme twice', () => {
    const theme = { id: 'a', title: 'x', notes: '', meetingNumbers: [] };
    expect(validateRoadmapThemes([theme, theme], ids())).toMatchObject({ ok: false, error: { code: 'ROADMAP.DUPLICATE_THEME', field: 'themes[1].id' } });
  });
  it.each([0, -1, 1.5, 201])('refuses meeting number %p', (n) => {
    expect(validateRoadmapThemes([{ title: 'x', notes: '', meetingNumbers: [n] }], ids())).toMatchObject({
      ok: false,
      error: { code: 'ROADMAP.MEETING_NUMBER_INVALID' },
    });
  });
  it('refuses an unknown template theme', () => {
    expect(validateRoadmapThemes([{ title: 'x', notes: '', meetingNumbers: [], templateId: 'nope' }], ids())).toMatchObject({
      ok: false,
      error: { code: 'ROADMAP.TEMPLATE_NOT_FOUND' },
    });
  });
  it('finds the themes of a meeting and the unscheduled ones, in roadmap order', () => {
    const themes = unwrap(
      validateRoadmapThemes(
        [
          { title: 'B', notes: '', meetingNumbers: [2] },
          { title: 'A', notes: '', meetingNumbers: [1, 2] },
          { title: 'C', notes: '', meetingNumbers: [] },
        ],
        ids(),
      ),
    );
    expect(themesForMeeting(themes, 2).map((t) => t.title)).toEqual(['B', 'A']);
    expect(unscheduledThemes(themes).map((t) => t.title)).toEqual(['C']);
  });
});

describe('roadmap use cases', () => {
  it('starts empty, saves from a template and free text, reorders, and refuses a stale save', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom, { mentorProfile: { seniority: 'junior' }, menteeProfile: { seniority: 'executive' } });
    expect(unwrap(await getRoadmap(w.deps, call(tom, { relationshipId: r.id })))).toEqual({ id: 'roadmap', themes: [] });
    const template = listRoadmapTemplates().find((t) => t.id === 'reverse-social-media')!;
    const first = unwrap(
      await saveRoadmap(w.deps, call(tom, {
        relationshipId: r.id,
        themes: [
          ...template.themes.slice(0, 2).map((t, i) => ({ title: t.title, notes: t.notes, meetingNumbers: [i + 1], templateId: t.id })),
          { title: 'Our own topic', notes: '', meetingNumbers: [2] },
        ],
      })),
    );
    expect(first.themes.map((t) => t.title)).toEqual(['The landscape today', 'A professional profile', 'Our own topic']);
    const reordered = unwrap(
      await saveRoadmap(w.deps, call(mira, { relationshipId: r.id, themes: [...first.themes].reverse(), version: first.version })),
    );
    expect(reordered.themes.map((t) => t.id)).toEqual([...first.themes].reverse().map((t) => t.id));
    expect(reordered.updatedBy).toBe('mira');
    expect(await saveRoadmap(w.deps, call(tom, { relationshipId: r.id, themes: [], version: first.version }))).toMatchObject({
      ok: false,
      error: { code: 'STORAGE.CONFLICT' },
    });
    expect(await saveRoadmap(w.deps, call(tom, { relationshipId: r.id, themes: [] }))).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
  });

  it('is not visible to strangers', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    expect(await getRoadmap(w.deps, call(person('sam'), { relationshipId: r.id }))).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.NOT_FOUND' } });
  });
});

describe('roadmap helpers for the tab', () => {
  it('turns a template into themes, one per meeting, that validate as they are', () => {
    const template = ROADMAP_TEMPLATES.find((t) => t.id === 'reverse-collaboration-tools')!;
    const inputs = themeInputsFromTemplate(template, 3);
    expect(inputs.map((t) => t.meetingNumbers)).toEqual([[3], [4], [5], [6]]);
    expect(inputs[0]).toMatchObject({ title: 'Teams beyond meetings', templateId: 'reverse-collaboration-tools.teams' });
    expect(validateRoadmapThemes(inputs, ids()).ok).toBe(true);
  });

  it('moves a theme without touching the input; out-of-range moves change nothing', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveTheme(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveTheme(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTheme(list, 5, 0)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
});
