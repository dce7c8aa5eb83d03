// Azure resources for one environment of the Mentoring app. Deployed by the Microsoft 365 Agents
// Toolkit (`arm/deploy` in teamsapp.yml); every output becomes an env variable of the same name in
// env/.env.<environment>, which the app package, the Entra manifest and the deploy steps read.
targetScope = 'resourceGroup'

@description('Short lowercase name for this environment, used in every resource name (for example "mentordev").')
@minLength(3)
@maxLength(12)
param resourceSuffix string

@description('Azure region for everything except the bot, which is global.')
param location string = resourceGroup().location

@description('Client (application) id of the Entra app: the audience of the tab\'s SSO tokens and the client for on-behalf-of and app-only Graph calls.')
param entraAppClientId string

@secure()
@description('Client secret of the Entra app. Goes only into Key Vault; the Function App reads it through a Key Vault reference.')
param entraAppClientSecret string

@description('Comma-separated tenant ids allowed to call the API. teamsapp.yml passes the Entra app\'s own tenant (AAD_APP_TENANT_ID, written by aadApp/create); empty means this deployment\'s tenant, never "any tenant".')
param allowedTenants string = tenant().tenantId

@description('Id of the Teams app, used by the proactive install of the bot.')
param teamsAppId string

@description('Whether the API installs the bot for programme members proactively (needs TeamsAppInstallation.ReadWriteSelfForUser.All).')
@allowed([
  'true'
  'false'
])
param proactiveInstallEnabled string = 'false'

// Storage account and Key Vault names are global; the hash keeps two subscriptions using the same
// suffix from colliding. It is stable for one subscription, resource group and suffix, so provisioning
// again updates the same resources. A deleted Key Vault keeps its name for the soft-delete retention
// (7 days): scripts/lifecycle/ensure-resource-group.ts stops provision with the purge command when
// KEY_VAULT_NAME names a vault in that state (docs/try-it-in-your-tenant.md, "Removing everything").
var uniquePart = take(uniqueString(subscription().id, resourceGroup().id, resourceSuffix), 5)
var tags = {
  app: 'mentoring'
  environment: resourceSuffix
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${resourceSuffix}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: resourceSuffix
    location: location
    tags: tags
    publisherPrincipalId: identity.properties.principalId
  }
}

module dataStorage 'modules/data-storage.bicep' = {
  name: 'data-storage'
  params: {
    name: 'st${resourceSuffix}${uniquePart}'
    location: location
    tags: tags
    appPrincipalId: identity.properties.principalId
  }
}

module tabHosting 'modules/tab-hosting.bicep' = {
  name: 'tab-hosting'
  params: {
    name: 'st${resourceSuffix}${uniquePart}web'
    location: location
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: 'kv-${resourceSuffix}-${uniquePart}'
    location: location
    tags: tags
    readerPrincipalId: identity.properties.principalId
    entraAppClientSecret: entraAppClientSecret
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: 'func-${resourceSuffix}-${uniquePart}'
    location: location
    tags: tags
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    deploymentContainerUrl: dataStorage.outputs.deploymentContainerUrl
    storageAccountName: dataStorage.outputs.name
    tableEndpoint: dataStorage.outputs.tableEndpoint
    queueEndpoint: dataStorage.outputs.queueEndpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    entraAppClientSecretUri: keyVault.outputs.entraAppClientSecretUri
    entraAppClientId: entraAppClientId
    allowedTenants: empty(trim(allowedTenants)) ? tenant().tenantId : allowedTenants
    tenantId: tenant().tenantId
    tabEndpoint: tabHosting.outputs.endpoint
    teamsAppId: teamsAppId
    proactiveInstallEnabled: proactiveInstallEnabled
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${resourceSuffix}-${uniquePart}'
    tags: tags
    messagingEndpoint: 'https://${functionApp.outputs.hostName}/api/messages'
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
  }
}

output TAB_ENDPOINT string = tabHosting.outputs.endpoint
output TAB_DOMAIN string = tabHosting.outputs.domain
output TAB_STORAGE_RESOURCE_ID string = tabHosting.outputs.resourceId
output API_ENDPOINT string = 'https://${functionApp.outputs.hostName}'
output API_FUNCTION_APP_RESOURCE_ID string = functionApp.outputs.resourceId
// The bot signs in as the managed identity, so its app id is the identity's client id: no bot secret exists.
output BOT_ID string = identity.properties.clientId
output BOT_ENDPOINT string = 'https://${functionApp.outputs.hostName}'
output BOT_DOMAIN string = functionApp.outputs.hostName
output BOT_RESOURCE_NAME string = bot.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
