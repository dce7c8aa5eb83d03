// One Function App (Flex Consumption, Node 22) serves the API (/api/...) and the bot's messaging
// endpoint (/api/messages). It runs as the user-assigned identity for storage, Application Insights,
// the bot and — through a federated identity credential on the Entra app — Microsoft Graph: it holds
// no secret.
param name string
param location string
param tags object
param identityResourceId string
param identityClientId string
param deploymentContainerUrl string
param storageAccountName string
param tableEndpoint string
param queueEndpoint string
param appInsightsConnectionString string
param entraAppClientId string
param allowedTenants string
param tenantId string
param tabEndpoint string
param teamsAppId string
param proactiveInstallEnabled string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        // The tab is served from another origin (the static website) and calls the API from the browser.
        allowedOrigins: [
          tabEndpoint
        ]
      }
      appSettings: [
        // Host storage (triggers, leases) through the identity: no connection string anywhere.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // Lets DefaultAzureCredential pick the user-assigned identity.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'MENTORING_MODE', value: 'azure' }
        { name: 'STORAGE_TABLE_ENDPOINT', value: tableEndpoint }
        { name: 'STORAGE_QUEUE_ENDPOINT', value: queueEndpoint }
        { name: 'AUTH_CLIENT_ID', value: entraAppClientId }
        { name: 'AUTH_ALLOWED_TENANTS', value: allowedTenants }
        // Graph on behalf of people and app-only without a secret: the Entra app trusts this identity
        // (federated identity credential), and MSAL signs in with its token for api://AzureADTokenExchange.
        { name: 'AUTH_FEDERATED_IDENTITY_CLIENT_ID', value: identityClientId }
        { name: 'BOT_ID', value: identityClientId }
        { name: 'BOT_TENANT_ID', value: tenantId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'TAB_ENDPOINT', value: tabEndpoint }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        // The Outlook add-in travels in the same app package: its id is the Teams app id. Booking writes
        // the relationship and meeting ids as its custom properties; the sync reads its "send anyway" mark.
        { name: 'OUTLOOK_ADDIN_ID', value: teamsAppId }
        { name: 'PROACTIVE_INSTALL_ENABLED', value: proactiveInstallEnabled }
        // Outlook change notifications need no setting here: the webhook follows WEBSITE_HOSTNAME, which
        // Azure sets, and each Graph subscription carries a random clientState of its own, stored with
        // its record in Table Storage. No shared secret exists, so none is provisioned.
      ]
    }
  }
}

output resourceId string = site.id
output hostName string = site.properties.defaultHostName
