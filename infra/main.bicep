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

// Storage account names are global; the hash keeps two subscriptions using the same suffix from
// colliding. It is stable for one subscription, resource group and suffix, so provisioning again
// updates the same resources. There is no Key Vault: the app holds no secret in Azure.
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
// The Entra app trusts this identity through a federated identity credential (provision step
// "trust the Function App's identity"), so the API signs in to Graph without a client secret.
output API_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
