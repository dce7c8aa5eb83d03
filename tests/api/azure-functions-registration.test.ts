import { HttpRequest } from '@azure/functions';
import { fromAzureRequest, toAzureResponse } from '../../src/api/azure-request-mapping';
import { apiFunctions } from '../../src/api/function-table';
import { handleApiRequest } from '../../src/api/handle-api-request';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

describe('the Azure Functions registration', () => {
  it('has one function per name and per route+method, in Azure route syntax', () => {
    const names = apiFunctions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const routes = apiFunctions.flatMap((f) => f.methods.map((m) => `${m} ${f.route}`));
    expect(new Set(routes).size).toBe(routes.length);
    for (const f of apiFunctions) expect(f.route).toMatch(/^[a-z-]+(\/([a-z-]+|\{[A-Za-z]+\}))*$/);
  });

  it('serves a function through the Azure HttpRequest mapping exactly as the local host does', async () => {
    const cast = await h.newCast();
    const token = await h.token(cast.mentee);
    const definition = apiFunctions.find((f) => f.name === 'getRelationship')!;
    const request = new HttpRequest({
      method: 'GET',
      url: `https://mentoring.azurewebsites.net/api/relationships/${cast.relationship.id}`,
      headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'azure-1' },
      params: { relationshipId: cast.relationship.id },
    });
    const viaAzure = toAzureResponse(await handleApiRequest(definition, await fromAzureRequest(request), h.api));
    const viaLocal = await h.request('GET', `/api/relationships/${cast.relationship.id}`, { person: cast.mentee, headers: { 'x-correlation-id': 'azure-1' } });
    expect(viaAzure.status).toBe(200);
    expect(viaAzure.status).toBe(viaLocal.status);
    expect(JSON.parse(String(viaAzure.body))).toEqual(viaLocal.json);
    expect((viaAzure.headers as Record<string, string>)['x-correlation-id']).toBe('azure-1');
  });

  it('passes a JSON body through the mapping', async () => {
    const cast = await h.newCast();
    const definition = apiFunctions.find((f) => f.name === 'addGoal')!;
    const request = new HttpRequest({
      method: 'POST',
      url: `https://mentoring.azurewebsites.net/api/relationships/${cast.relationship.id}/goals`,
      headers: { authorization: `Bearer ${await h.token(cast.mentor)}`, 'content-type': 'application/json' },
      params: { relationshipId: cast.relationship.id },
      body: { string: JSON.stringify({ title: 'Ship a Power BI report', smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' } }) },
    });
    const response = toAzureResponse(await handleApiRequest(definition, await fromAzureRequest(request), h.api));
    expect(response.status).toBe(201);
    expect(JSON.parse(String(response.body)).title).toBe('Ship a Power BI report');
  });
});
