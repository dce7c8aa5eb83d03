/**
 * Provision step (teamsapp.yml / m365agents.yml, after arm/deploy):
 * `npx tsx scripts/lifecycle/trust-managed-identity.ts` with AAD_APP_OBJECT_ID, AAD_APP_TENANT_ID and
 * API_IDENTITY_PRINCIPAL_ID from the environment file.
 */
import { graphAccessFromEnvironment, LifecycleError } from './azure-management';
import { trustManagedIdentity } from './federated-credential';

async function main(): Promise<void> {
  const outcome = await trustManagedIdentity(graphAccessFromEnvironment(), {
    applicationObjectId: process.env.AAD_APP_OBJECT_ID?.trim() ?? '',
    tenantId: process.env.AAD_APP_TENANT_ID?.trim() ?? '',
    identityPrincipalId: process.env.API_IDENTITY_PRINCIPAL_ID?.trim() ?? '',
  });
  console.log(`The Entra app trusts the Function App's managed identity (federated credential ${outcome}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof LifecycleError ? error.message : error);
  process.exit(1);
});
