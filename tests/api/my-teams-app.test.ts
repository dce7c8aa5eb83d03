/**
 * GET /api/me/teams-app when the bot's table does not answer as expected (here: it refuses the key,
 * a 403 that is not "not found"): the stable storage failure (503 STORAGE.UNAVAILABLE) with words a
 * person can act on, never a 500; and the read changes nothing. Through the real pipeline, on the
 * test run's Azurite.
 */
import { TableClient } from '@azure/data-tables';
import { TableConversationReferenceStore } from '../../src/adapters/bot/table-bot-stores';
import { getMyTeamsApp } from '../../src/api/functions/get-my-teams-app';
import { handleApiRequest } from '../../src/api/handle-api-request';
import type { ApiRequest } from '../../src/api/http-contract';
import { BOT_TABLE_NAME } from '../../src/hosts/functions/bot-composition';
import { testStorageConnectionString } from '../support/azurite';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

/** The same account with a key it does not hold: every request is refused with 403. */
function refusingTable(): TableClient {
  const wrongKey = Buffer.from('not the account key of this storage account').toString('base64');
  const connection = testStorageConnectionString().replace(/AccountKey=[^;]+/, `AccountKey=${wrongKey}`);
  return TableClient.fromConnectionString(connection, BOT_TABLE_NAME, { allowInsecureConnection: true });
}

it('a storage failure other than not-found answers 503 STORAGE.UNAVAILABLE with a retry hint, and writes nothing', async () => {
  const cast = await h.newCast();
  const token = await h.token(cast.mentee);
  const request: ApiRequest = {
    method: 'GET',
    params: {},
    query: new URLSearchParams(),
    header: (name) => (name.toLowerCase() === 'authorization' ? `Bearer ${token}` : undefined),
    bodyText: undefined,
  };
  const reachRecords = { ...h.api.services.reachRecords!, references: new TableConversationReferenceStore(refusingTable()) };
  const host = { ...h.api, services: { ...h.api.services, reachRecords } };
  const before = await h.snapshot(cast.tenantId);

  const answer = (await handleApiRequest(getMyTeamsApp, request, host)) as { status: number; body: { error: { code: string; message: string; details?: unknown } } };

  expect(answer.status).toBe(503);
  expect(answer.body.error.code).toBe('STORAGE.UNAVAILABLE');
  expect(answer.body.error.message).toMatch(/try again/i);
  // Nothing internal reaches the person (the 403's text stays in the log).
  expect(answer.body.error.details).toBeUndefined();
  expect(JSON.stringify(answer.body)).not.toMatch(/AuthorizationFailure|AccountKey|403/);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('the same read on a table that answers: the person without the app is "unknown" (not-found is not a failure)', async () => {
  const cast = await h.newCast();
  const answer = await h.request('GET', '/api/me/teams-app', { person: cast.stranger });
  expect([answer.status, answer.json]).toEqual([200, { reach: 'unknown' }]);
});
