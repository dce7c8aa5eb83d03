import { TableClient } from '@azure/data-tables';
import { testStorageConnectionString, uniqueTableName } from './azurite';

describe('the test run’s Azurite', () => {
  it('stores and reads back an entity with an ETag', async () => {
    const table = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('smoke'), {
      allowInsecureConnection: true,
    });
    await table.createTable();
    await table.createEntity({ partitionKey: 'p', rowKey: 'r', value: 1 });
    const entity = await table.getEntity<{ value: number }>('p', 'r');
    expect(entity.value).toBe(1);
    expect(entity.etag).toMatch(/^W\/"/);
  });
});
