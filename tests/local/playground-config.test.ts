import { DEMO_PEOPLE } from '../../src/local/demo-people';
import { DEFAULT_PLAYGROUND_PERSON, playgroundConfigYaml, playgroundPerson } from '../../src/local/playground-config';

describe('the Agents Playground mapped to a demo person (PLAYGROUND_PERSON)', () => {
  const kacper = DEMO_PEOPLE.find((p) => p.email === DEFAULT_PLAYGROUND_PERSON)!;

  it.each([undefined, '', 'kacper.nowak@contoso.local', 'KACPER NOWAK', kacper.personId])('%s names Kacper Nowak', (setting) => {
    const chosen = playgroundPerson(setting);
    expect(chosen.ok && chosen.person.personId).toBe(kacper.personId);
  });

  it('an unknown person stops with the list of demo people', () => {
    const chosen = playgroundPerson('Alex Wilber');
    expect(chosen.ok).toBe(false);
    expect(!chosen.ok && chosen.message).toContain('PLAYGROUND_PERSON="Alex Wilber" is not a demo person');
    expect(!chosen.ok && chosen.message).toContain('Margaret Hale <margaret.hale@contoso.local>');
  });

  it("the config makes the Playground's user that person, in that person's tenant, with at least five other users", () => {
    const yaml = playgroundConfigYaml(kacper);
    expect(yaml).toContain(`tenantId: "${kacper.tenantId}"`);
    expect(yaml).toMatch(new RegExp(`currentUser:\\n  id: "29:${kacper.personId}"\\n  name: "Kacper Nowak"\\n  userPrincipleName: "kacper.nowak@contoso.local"\\n  aadObjectId: "${kacper.personId}"`));
    expect(yaml.match(/^ {2}- id: /gm)?.length).toBeGreaterThanOrEqual(5);
    expect(yaml).not.toContain('Alex Wilber');
  });
});
