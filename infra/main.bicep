// BepBot in Azure: one resource group holding the Azure Bot (Teams channel), a Linux App Service plan with autoscale
// and the .NET 10 web app, one Storage account (Blob documents with lifecycle clean-up, Queue deliveries, and a
// Table of activity claims for duplicate detection), a Key
// Vault for a client secret when one is used, and Application Insights on a Log Analytics workspace.
// The web app reaches Storage and Key Vault with its system-assigned managed identity: no storage key anywhere.
// By default the bot (UserAssignedMSI) and Graph sign in with a user-assigned managed identity: no secret to expire.
// See docs/deploy.md for the steps around it (app registration, Graph permissions, Teams admin).

targetScope = 'resourceGroup'

@description('Short name used in every resource name, e.g. bepbot.')
@minLength(3)
@maxLength(12)
param prefix string = 'bepbot'

@description('Environment suffix, e.g. prod or test.')
@maxLength(6)
param environmentName string = 'prod'

@description('Region of everything but the Azure Bot (which is global).')
param location string = resourceGroup().location

@description('UserAssignedMSI (default): the bot is a user-assigned managed identity this template creates, no secret; its client id is the output botAppId. SingleTenant: an app registration of the BEP\'s tenant with a client secret. MultiTenant: only to keep an existing multi-tenant registration (a secret too). See docs/deploy.md, section 1.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('Client id of the bot\'s Entra app registration (MicrosoftAppId; also the Teams manifest\'s botId). Only for SingleTenant and MultiTenant; ignored with UserAssignedMSI.')
param botAppId string = ''

@description('How the bot signs in to Microsoft Graph in the BEP\'s tenant: ManagedIdentity (default, the same user-assigned identity; its Graph permissions are granted once, docs/deploy.md section 1) or ClientSecret (the app registration\'s secret, as MicrosoftAppPassword).')
@allowed([
  'ManagedIdentity'
  'ClientSecret'
])
param graphCredential string = 'ManagedIdentity'

@description('Expiry of the client secret in Key Vault (yyyy-MM-dd), when one is used: from 30 days before, /readyz reports degraded and the log warns every day.')
param credentialExpiresOn string = ''

@description('Tenant of the app registration: the BEP\'s tenant.')
param botAppTenantId string = tenant().tenantId

@description('Client secret of the app registration; stored in Key Vault only. Leave empty to set the secret yourself (az keyvault secret set --name MicrosoftAppPassword).')
@secure()
param botAppPassword string = ''

@description('Client id of the dashboard tab\'s single sign-on app registration (Dashboard:ClientId; the Teams package\'s BEPBOT_SSO_APP_ID). Needed with UserAssignedMSI, whose identity cannot expose an API; empty: the tab uses the bot\'s own registration (SingleTenant, MultiTenant). See docs/deploy.md, section 1, « The dashboard tab\'s single sign-on ».')
param dashboardClientId string = ''

@description('Application ID URI of that registration (Dashboard:ApplicationIdUri). Empty: api://<botDomain>/<its client id>, the form docs/deploy.md gives it (output dashboardApplicationIdUri).')
param dashboardApplicationIdUri string = ''

@description('Entra tenant ids allowed to talk to the bot: the BEP\'s and each commune\'s tenant (Bot:AllowedTenants). Empty allows any tenant: do not leave it empty in production.')
param allowedTenantIds array

@description('App Service plan SKU; P0v3 or above for autoscale and zone-friendly instances.')
param appServiceSku string = 'P0v3'

@description('Instances always running (2 keeps the bot up through an instance restart).')
@minValue(1)
param minInstances int = 2

@description('Most instances autoscale may add under load (broadcast to every commune, Conférence day).')
@minValue(1)
param maxInstances int = 6

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_ZRS'

@description('Blob container of the document store (Storage:Container); the delivery queue is <container>-deliveries.')
param storageContainer string = 'bepbot'

@description('Days a duplicate-detection claim (Table <container>activities) is kept; Teams retries an activity within minutes.')
@minValue(1)
param activitiesRetentionDays int = 7

@description('Days after which an export file (exports/) is deleted whatever happens; the bot deletes each one itself when its link expires (15 minutes for personal data, 24 hours otherwise).')
@minValue(1)
param exportsRetentionDays int = 3

@description('Days Log Analytics keeps logs and telemetry.')
param logRetentionDays int = 90

@description('More app settings (name: value), e.g. Conferences__OrganizerMailbox and Projects__SharePointSiteId/ListId (docs/deploy.md, section 7). Secrets go in Key Vault, referenced as @Microsoft.KeyVault(...).')
param extraAppSettings object = {}

var suffix = '${prefix}-${environmentName}'
var compact = toLower(replace('${prefix}${environmentName}', '-', ''))
var webAppName = '${suffix}-${uniqueString(resourceGroup().id)}'
var storageName = take('${compact}${uniqueString(resourceGroup().id)}', 24)
var keyVaultName = take('${compact}kv${uniqueString(resourceGroup().id)}', 24)
var botHost = '${webAppName}.azurewebsites.net'

// Built-in role ids (the same in every tenant).
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Table names allow letters and digits only (given to the bot as Storage__ClaimsTable below).
var claimsTable = '${replace(storageContainer, '-', '')}activities'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var useManagedIdentity = botAppType == 'UserAssignedMSI'
var usesSecret = !useManagedIdentity || graphCredential == 'ClientSecret'
var appPasswordReference = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=MicrosoftAppPassword)'

// The bot's identity towards Teams (UserAssignedMSI) and Graph (ManagedIdentity), created whatever the choice so that
// moving to it later needs no new resource.
resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${suffix}-identity'
  location: location
}

var appId = useManagedIdentity ? botIdentity.properties.clientId : botAppId

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${suffix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${suffix}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: false
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: {
    name: storageSku
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app signs in with its managed identity; account keys are not needed.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Undo for an accidental delete or overwrite of a document (votes, registrations).
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: storageContainer
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deliveryQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: '${storageContainer}-deliveries'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// One entity per message or card click Teams delivers, so a redelivery is answered once; the bot purges old claims.
resource claimsTableResource 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: claimsTable
}

// Documents that only matter for a while are purged by Storage itself, whatever instance wrote them.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'purge-exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${storageContainer}/exports/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: exportsRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource appPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: botAppPassword
    contentType: 'Client secret of the BepBot app registration ${botAppId}'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${suffix}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: minInstances
  }
  properties: {
    reserved: true
  }
}

var baseSettings = [
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    name: 'MicrosoftAppId'
    value: appId
  }
  {
    name: 'MicrosoftAppType'
    value: botAppType
  }
  {
    name: 'MicrosoftAppTenantId'
    value: botAppType == 'MultiTenant' ? '' : botAppTenantId
  }
  {
    name: 'MicrosoftAppPassword'
    value: useManagedIdentity ? '' : appPasswordReference
  }
  // Microsoft Graph, app-only in the BEP's tenant: the managed identity, or the app registration and its secret.
  {
    name: 'Graph__CredentialKind'
    value: graphCredential
  }
  {
    name: 'Graph__ManagedIdentityClientId'
    value: botIdentity.properties.clientId
  }
  {
    name: 'Graph__TenantId'
    value: botAppTenantId
  }
  {
    name: 'Graph__ClientId'
    value: appId
  }
  // Roster entries that name no tenant are the BEP's people; the communes' rows carry their tenantId.
  {
    name: 'Roster__DefaultTenantId'
    value: botAppTenantId
  }
  {
    name: 'Graph__ClientSecret'
    value: graphCredential == 'ClientSecret' ? appPasswordReference : ''
  }
  {
    name: 'Storage__Provider'
    value: 'Blob'
  }
  {
    name: 'Storage__ServiceUri'
    value: storage.properties.primaryEndpoints.blob
  }
  {
    name: 'Storage__Container'
    value: storageContainer
  }
  {
    name: 'Storage__ClaimsTable'
    value: claimsTable
  }
  {
    name: 'Storage__ActivityClaimRetention'
    value: '${activitiesRetentionDays}.00:00:00'
  }
  {
    name: 'Roster__SeedDemo'
    value: 'false'
  }
  {
    name: 'Exports__PublicBaseUrl'
    value: 'https://${botHost}/'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    name: 'Telemetry__ServiceName'
    value: 'bepbot'
  }
  // The key of the pseudonyms of ids in the logs (docs/security.md); until the secret exists the bot uses a key of its own.
  {
    name: 'Telemetry__LogHashKey'
    value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=LogHashKey)'
  }
]

// The secret's expiry, watched by the bot, only where a secret is used and its date was given.
var expirySettings = filter([
  {
    name: 'Credentials__MicrosoftAppPasswordExpiresOn'
    value: useManagedIdentity ? '' : credentialExpiresOn
  }
  {
    name: 'Credentials__GraphCredentialExpiresOn'
    value: graphCredential == 'ClientSecret' ? credentialExpiresOn : ''
  }
], setting => !empty(setting.value))

// The dashboard tab's single sign-on, only what was given: the bot falls back to MicrosoftAppId and builds the URI itself.
var dashboardSettings = filter([
  {
    name: 'Dashboard__ClientId'
    value: dashboardClientId
  }
  {
    name: 'Dashboard__ApplicationIdUri'
    value: dashboardApplicationIdUri
  }
], setting => !empty(setting.value))

var tenantSettings = [for (tenantId, i) in allowedTenantIds: {
  name: 'Bot__AllowedTenants__${i}'
  value: tenantId
}]

var extraSettings = [for setting in items(extraAppSettings): {
  name: setting.key
  value: string(setting.value)
}]

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance may take any turn: state is in Storage, so no sticky sessions.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // An instance whose store does not answer is taken out of the load balancer.
      healthCheckPath: '/readyz'
      appSettings: concat(baseSettings, expirySettings, dashboardSettings, tenantSettings, extraSettings)
    }
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, web.id, storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, web.id, storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, web.id, storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, web.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Scale out on CPU and on request backlog; scale in slowly. Several instances are safe: timed work runs once under
// a lease in the store, deliveries are claimed with ETags, and duplicate activities are dropped by id.
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${suffix}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'default'
        capacity: {
          minimum: string(minInstances)
          maximum: string(maxInstances)
          default: string(minInstances)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT5M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT5M'
            }
          }
          {
            metricTrigger: {
              metricName: 'HttpQueueLength'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT5M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 50
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT5M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT15M'
            }
          }
        ]
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${suffix}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'BepBot'
    description: 'Assistant Teams du BEP pour la supracommunalité'
    endpoint: 'https://${botHost}/api/messages'
    msaAppId: appId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'MultiTenant' ? null : botAppTenantId
    msaAppMSIResourceId: useManagedIdentity ? botIdentity.id : null
    developerAppInsightKey: insights.properties.InstrumentationKey
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

@description('Host name for the Teams package: BEPBOT_BOT_DOMAIN=<this> tools/package/package.sh')
output botDomain string = botHost

@description('MicrosoftAppId of the bot, the Teams package\'s BEPBOT_BOT_ID: the managed identity\'s client id with UserAssignedMSI.')
output botAppId string = appId

@description('The Application ID URI to give the tab\'s app registration (Expose an API) and that the Teams package declares (webApplicationInfo.resource).')
output dashboardApplicationIdUri string = empty(dashboardApplicationIdUri) ? 'api://${botHost}/${empty(dashboardClientId) ? appId : dashboardClientId}' : dashboardApplicationIdUri

@description('Service principal of the managed identity, to grant it Graph permissions (docs/deploy.md, section 1).')
output botIdentityPrincipalId string = botIdentity.properties.principalId

@description('True when a client secret is used (bot or Graph): set it in Key Vault and its expiry date, and rotate it.')
output usesClientSecret bool = usesSecret

output webAppName string = web.name
output botMessagingEndpoint string = bot.properties.endpoint
output keyVaultName string = vault.name
output storageAccountName string = storage.name
output webAppPrincipalId string = web.identity.principalId
