// The tab's static files (Vite build) on a Storage static website. A separate account from the
// data, so nothing public ever shares an account with personal data. The static website itself is
// switched on by `azureStorage/enableStaticWebsite` in teamsapp.yml (a data-plane setting ARM cannot set).
param name string
param location string
param tags object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

// primaryEndpoints.web is "https://<host>/"; Teams wants the endpoint without the trailing slash
// and the domain without the scheme.
var webEndpoint = account.properties.primaryEndpoints.web
var domain = replace(replace(webEndpoint, 'https://', ''), '/', '')

output resourceId string = account.id
output endpoint string = 'https://${domain}'
output domain string = domain
