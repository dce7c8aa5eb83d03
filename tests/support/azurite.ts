/** The connection string of the test run's Azurite (started in tests/support/global-setup.ts). */
export function testStorageConnectionString(): string {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run the tests with `npm test`.');
  return value;
}

/** A table name unique to one test, so tests never see each other's rows. */
export function uniqueTableName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.replace(/[^A-Za-z0-9]/g, '');
}
