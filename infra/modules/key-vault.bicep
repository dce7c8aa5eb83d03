// Secrets the API needs, readable only by the Function App identity (Azure RBAC, no access policies).
param name string
param location string
param tags object

@description('Principal allowed to read secrets (the Function App identity).')
param readerPrincipalId string

@secure()
param entraAppClientSecret string

var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource entraAppSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'entra-app-client-secret'
  properties: {
    value: entraAppClientSecret
    contentType: 'Entra app client secret (on-behalf-of and app-only Graph calls)'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Versionless, so a rotated secret is picked up without redeploying.
output entraAppClientSecretUri string = entraAppSecret.properties.secretUri
