/**
 * Everyone in a relationship can be reached, on the whole local stack as `npm start` runs it: when a
 * mentor accepts a request and neither of the pair has the bot, the API installs the app for both
 * through Graph (the local calendar's /users/{id}/teamwork/installedApps), the local calendar sends
 * the bot Teams' installationUpdate, and the bot stores where to reach each of them, so the tab's
 * GET /api/me/teams-app says "reachable". The app is installed once per person.
 */
import { LOCAL_TEAMS_APP_ID } from '../../src/local/local-ports';
import { setUpLocalStack } from '../support/local-stack';

const OLIVER = 'a0000004-0000-4000-8000-000000000004';
const KACPER = 'a0000002-0000-4000-8000-000000000002';

const stack = setUpLocalStack();

it('an accepted request installs the app for both of the pair; Teams’ installationUpdate makes each reachable by the bot', async () => {
  const oliver = await stack.tokenOf(OLIVER);
  const kacper = await stack.tokenOf(KACPER);
  expect((await stack.http('GET', '/api/me/teams-app', undefined, oliver)).json).toEqual({ reach: 'unknown' });

  const request = await stack.http('POST', '/api/requests', { mentorId: KACPER, note: 'Please', preWork: { whatIWant: 'AI', whatIBring: 'Coaching', expectations: 'Biweekly' } }, oliver);
  expect(request.status).toBe(201);
  const accepted = await stack.http('POST', `/api/requests/${request.json.id}/accept`, { version: request.json.version }, kacper);
  expect(accepted.status).toBe(200);

  for (const token of [oliver, kacper]) expect((await stack.http('GET', '/api/me/teams-app', undefined, token)).json).toEqual({ reach: 'reachable' });
  const graph = (await stack.http('POST', '/local-identity/graph-token', { personId: OLIVER })).json.accessToken as string;
  const filter = encodeURIComponent(`teamsApp/id eq '${LOCAL_TEAMS_APP_ID}'`);
  const installed = await stack.http('GET', `/local-graph/v1.0/me/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`, undefined, graph);
  expect(installed.json.value).toEqual([expect.objectContaining({ teamsApp: expect.objectContaining({ id: LOCAL_TEAMS_APP_ID }) })]);
}, 60_000);
