// Azure Bot registration with the Teams channel. The bot authenticates as the user-assigned managed
// identity (msaAppType UserAssignedMSI), so there is no bot password to store or rotate.
param name string
param tags object
param messagingEndpoint string
param identityResourceId string
param identityClientId string
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'Mentoring'
    endpoint: messagingEndpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityResourceId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      // Accepts the Teams channel terms at deployment; otherwise the channel waits for someone to
      // accept them in the portal and Teams reports the bot as invalid.
      acceptedTerms: true
    }
  }
}

output name string = bot.name
