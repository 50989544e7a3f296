// Example parameters: copy to main.<env>.bicepparam and put your own ids. The client secret is NOT written here:
// pass it on the command line (botAppPassword=...) or set it in Key Vault afterwards.
using './main.bicep'

param prefix = 'bepbot'
param environmentName = 'prod'
param botAppId = '9d2b6f1a-4c3e-4f8b-a6d7-1e5c0b9a2f34'
param botAppType = 'SingleTenant'
// The BEP's tenant first, then one line per commune tenant that installs BepBot.
param allowedTenantIds = [
  '11111111-2222-3333-4444-555555555555' // BEP
  '66666666-7777-8888-9999-000000000001' // Ville de Namur (example)
]
param minInstances = 2
param maxInstances = 6
param extraAppSettings = {
  // Graph (see docs/deploy.md, "Configuration keys"): the lead completes this list with the Graph feature.
}
