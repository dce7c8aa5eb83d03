import { InMemoryRepositories } from './in-memory-repositories';

const goal = (id: string, progress = 0) => ({
  id,
  title: 'Speak at a meetup',
  smart: { specific: '', measurable: '', achievable: '', relevant: '', timeBound: '' },
  progress,
  createdBy: 'u1',
  createdAt: 0,
  updatedAt: 0,
});

describe('in-memory repositories behave like the storage adapters', () => {
  it('gives each write a new version and refuses a stale one with STORAGE.CONFLICT', async () => {
    const repos = new InMemoryRepositories();
    const created = await repos.relationships.goals.create('t1', 'r1', goal('g1'));
    if (!created.ok) throw new Error('create failed');
    const first = await repos.relationships.goals.update('t1', 'r1', goal('g1', 10), created.value.version);
    expect(first.ok).toBe(true);
    const stale = await repos.relationships.goals.update('t1', 'r1', goal('g1', 20), created.value.version);
    expect(stale).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    const read = await repos.relationships.goals.get('t1', 'r1', 'g1');
    expect(read).toMatchObject({ ok: true, value: { progress: 10 } });
  });

  it('answers ALREADY_EXISTS and NOT_FOUND as values', async () => {
    const repos = new InMemoryRepositories();
    await repos.relationships.goals.create('t1', 'r1', goal('g1'));
    expect(await repos.relationships.goals.create('t1', 'r1', goal('g1'))).toMatchObject({ ok: false, error: { code: 'STORAGE.ALREADY_EXISTS' } });
    expect(await repos.relationships.goals.get('t1', 'r1', 'nope')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
    expect(await repos.relationships.goals.delete('t1', 'r1', 'nope', 'x')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
  });

  it('keeps tenants apart: the same ids in another tenant are other rows', async () => {
    const repos = new InMemoryRepositories();
    await repos.relationships.goals.create('t1', 'r1', goal('g1'));
    expect(await repos.relationships.goals.get('t2', 'r1', 'g1')).toMatchObject({ ok: false, error: { code: 'STORAGE.NOT_FOUND' } });
    expect(await repos.relationships.goals.list('t2', 'r1')).toEqual({ ok: true, value: [] });
  });

  it('copies entities in and out', async () => {
    const repos = new InMemoryRepositories();
    const created = await repos.relationships.goals.create('t1', 'r1', goal('g1'));
    if (!created.ok) throw new Error('create failed');
    (created.value as { title: string }).title = 'changed by a caller';
    expect(await repos.relationships.goals.get('t1', 'r1', 'g1')).toMatchObject({ ok: true, value: { title: 'Speak at a meetup' } });
  });
});
