using Microsoft.AspNetCore.DataProtection;

namespace BepBot.Infrastructure.Secrets;

/// <summary>
/// ASP.NET Core Data Protection, for what must stay unreadable to whoever can read the storage account (the sealed
/// choices of a secret ballot). Its keys never go to that account: on Azure App Service they live in the app's own
/// file share (the default there), elsewhere in <c>DataProtection:KeysFolder</c> or the user profile.
/// </summary>
public static class SecretsRegistration
{
    public const string KeysFolderKey = "DataProtection:KeysFolder";

    public static IHostApplicationBuilder AddSecrets(this IHostApplicationBuilder builder)
    {
        // One application name, so that every instance of the bot reads what another one sealed.
        var protection = builder.Services.AddDataProtection().SetApplicationName("BepBot");
        if (builder.Configuration[KeysFolderKey] is { Length: > 0 } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }

        return builder;
    }
}
