/**
 * 50 concurrent updates of one goal over HTTP, with Azurite behind: each update either lands or is
 * answered 412 STORAGE.CONFLICT; no update is lost silently.
 */
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { SMART } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

const CLIENTS = 50;

describe('50 concurrent updates to one goal', () => {
  it('from the same version: exactly one lands, the other 49 get a conflict, and the stored goal is the winner’s', async () => {
    const cast = await h.newCast();
    const base = `/api/relationships/${cast.relationship.id}/goals`;
    const created = await h.request('POST', base, { person: cast.mentee, body: { title: 'Dashboards', smart: SMART } });
    const { id, version } = created.json;
    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        h.request('PATCH', `${base}/${id}`, { person: i % 2 ? cast.mentor : cast.mentee, body: { progress: i + 1, version } }),
      ),
    );
    const landed = answers.filter((a) => a.status === 200);
    const conflicts = answers.filter((a) => a.status === 412);
    expect(landed).toHaveLength(1);
    expect(conflicts).toHaveLength(CLIENTS - 1);
    for (const c of conflicts) expect(c.json.error.code).toBe('STORAGE.CONFLICT');
    const stored = (await h.request('GET', base, { person: cast.mentee })).json.goals.find((g: { id: string }) => g.id === id);
    expect(stored.progress).toBe(landed[0]!.json.progress);
    expect(stored.version).toBe(landed[0]!.json.version);
  });

  it('with reload-and-retry on conflict: all 50 changes end up in the goal', async () => {
    const cast = await h.newCast();
    const base = `/api/relationships/${cast.relationship.id}/goals`;
    const created = await h.request('POST', base, { person: cast.mentee, body: { title: 'Dashboards', smart: { ...SMART, specific: '' } } });
    const id: string = created.json.id;
    let conflictsSeen = 0;

    const client = async (i: number): Promise<void> => {
      for (let attempt = 0; attempt < 400; attempt++) {
        const goals = (await h.request('GET', base, { person: cast.mentor })).json.goals;
        const goal = goals.find((g: { id: string }) => g.id === id);
        const answer = await h.request('PATCH', `${base}/${id}`, {
          person: i % 2 ? cast.mentor : cast.mentee,
          body: { smart: { specific: `${goal.smart.specific}[${i}]` }, version: goal.version },
        });
        if (answer.status === 200) return;
        expect([answer.status, answer.json.error.code]).toEqual([412, 'STORAGE.CONFLICT']);
        conflictsSeen += 1;
        await new Promise((r) => setTimeout(r, Math.random() * 20));
      }
      throw new Error(`client ${i} never landed its change`);
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));

    const goals = (await h.request('GET', base, { person: cast.mentee })).json.goals;
    const specific: string = goals.find((g: { id: string }) => g.id === id).smart.specific;
    const marks = [...specific.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    expect(marks).toEqual(Array.from({ length: CLIENTS }, (_, i) => i));
    expect(conflictsSeen).toBeGreaterThan(0);
  }, 120_000);
});
