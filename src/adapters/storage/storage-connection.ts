/**
 * How the adapters reach Table Storage: the same code for Azurite and Azure. Either a connection
 * string (Azurite, or Azure with an account key) or an endpoint with a token credential (Azure with
 * managed identity, where no key exists at all).
 */
import { TableClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/core-auth';

export interface StorageConnection {
  tableClient(tableName: string): TableClient;
  /** Where the data lives, for logs and the health endpoint (never includes a key). */
  readonly description: string;
}

export function storageFromConnectionString(connectionString: string): StorageConnection {
  const tableEndpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  const account = /AccountName=([^;]+)/i.exec(connectionString)?.[1];
  const insecure = /DefaultEndpointsProtocol=http(;|$)/i.test(connectionString) || tableEndpoint?.startsWith('http://') === true;
  return {
    description: tableEndpoint ?? `account ${account ?? 'unknown'}`,
    tableClient: (tableName) =>
      TableClient.fromConnectionString(connectionString, tableName, insecure ? { allowInsecureConnection: true } : {}),
  };
}

export function storageFromEndpoint(tableEndpoint: string, credential: TokenCredential): StorageConnection {
  return {
    description: tableEndpoint,
    tableClient: (tableName) => new TableClient(tableEndpoint, tableName, credential),
  };
}
