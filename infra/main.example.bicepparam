// Example parameters: copy to main.<env>.bicepparam and put your own ids. By default the bot and Graph sign in with a
// managed identity the template creates: no app registration, no secret. With SingleTenant/MultiTenant, the client
// secret is NOT written here: pass it on the command line (botAppPassword=...) or set it in Key Vault afterwards, and
// give its expiry (credentialExpiresOn) so that the bot warns 30 days before.
using './main.bicep'

param prefix = 'bepbot'
param environmentName = 'prod'
param botAppType = 'UserAssignedMSI'
// An existing app registration instead (docs/deploy.md, section 1):
// param botAppType = 'SingleTenant'
// param botAppId = '9d2b6f1a-4c3e-4f8b-a6d7-1e5c0b9a2f34'
// param graphCredential = 'ClientSecret'
// param credentialExpiresOn = '2027-11-30'
// The dashboard tab's single sign-on registration (docs/deploy.md, section 1); needed with UserAssignedMSI:
// param dashboardClientId = '2c7e9b4d-5a6f-4b1c-9d8e-7f6a5b4c3d2e'
// The BEP's tenant first, then one line per commune tenant that installs BepBot.
param allowedTenantIds = [
  '11111111-2222-3333-4444-555555555555' // BEP
  '66666666-7777-8888-9999-000000000001' // Ville de Namur (example)
]
param minInstances = 2
param maxInstances = 6
// Feature keys (docs/deploy.md, section 7, "Keys of the features"); main.bicep sets the Graph credentials itself.
// Placeholders: put the BEP's values, or remove a line to leave that feature off. No secrets here.
param extraAppSettings = {
  Conferences__OrganizerMailbox: 'conferences@<bep-domain>' // the mailbox that organises the Conférence events
  Projects__SharePointSiteId: '<bep>.sharepoint.com,<site-collection-guid>,<web-guid>' // site of the project register
  Projects__SharePointListId: '<project-register-list-guid>'
}
