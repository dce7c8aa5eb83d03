/** One real Azurite (in memory, free ports) for the whole test run; tests isolate by table name or tenant. */
import { startAzurite, type AzuriteHandle } from '../../src/local/azurite';

export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  (globalThis as { __azurite?: AzuriteHandle }).__azurite = azurite;
  process.env.AZURITE_CONNECTION_STRING = azurite.connectionString;
}
