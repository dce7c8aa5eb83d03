/**
 * The client assertion for an Entra app that trusts a managed identity (a federated identity
 * credential with issuer https://login.microsoftonline.com/{tenant}/v2.0, subject = the identity's
 * object id, audience api://AzureADTokenExchange): the managed identity's own token for that
 * audience. @azure/identity caches and renews it; MSAL asks for it whenever it needs a new token.
 */
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export const TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';

export function managedIdentityAssertion(clientId: string, credential: TokenCredential = new ManagedIdentityCredential({ clientId })): () => Promise<string> {
  return async () => {
    const token = await credential.getToken(TOKEN_EXCHANGE_SCOPE);
    if (!token?.token) throw new Error('The managed identity returned no token for api://AzureADTokenExchange.');
    return token.token;
  };
}
