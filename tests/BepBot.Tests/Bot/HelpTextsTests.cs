using System.Globalization;
using BepBot.Chat;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BepBot.Tests.Bot;

/// <summary>The help card is built from the routing table: every command of every feature needs its help texts (shared or the feature's own), in both languages.</summary>
public sealed class HelpTextsTests
{
    [Theory]
    [InlineData("fr-BE")]
    [InlineData("en-US")]
    public async Task EveryCommand_HasUsageDescriptionAndSection(string locale)
    {
        await using var bot = new BotApplication();
        var commands = bot.Services.GetServices<CommandDefinition>().ToList();
        var texts = bot.Services.GetRequiredService<IStringLocalizer<ChatTexts>>();
        var featureTexts = bot.Services.GetServices<FeatureTexts>().ToList();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(locale);
        try
        {
            var missing = commands
                .SelectMany(command => new[] { $"Command_{command.Id}_Usage", $"Command_{command.Id}_Description", "Section_" + command.Section })
                .Distinct()
                .Where(key => texts[key].ResourceNotFound && featureTexts.All(feature => feature[key].ResourceNotFound))
                .ToList();

            // Teams takes « <commune> » in a card for an HTML tag and shows nothing: placeholders are written « (commune) ».
            var tagLike = commands
                .SelectMany(command => new[] { $"Command_{command.Id}_Usage", $"Command_{command.Id}_Description" })
                .Select(key => texts[key].ResourceNotFound ? featureTexts.Select(feature => feature[key]).FirstOrDefault(found => !found.ResourceNotFound)?.Value : texts[key].Value)
                .Where(text => text is not null && (text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal)))
                .ToList();

            commands.Count.ShouldBeGreaterThan(5);
            missing.ShouldBeEmpty();
            tagLike.ShouldBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
