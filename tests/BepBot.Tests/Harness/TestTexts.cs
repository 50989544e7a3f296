using System.Globalization;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BepBot.Tests.Harness;

/// <summary>The bot's resources without a bot: words what a parser returns, in the language a test picks.</summary>
public static class TestTexts
{
    private static readonly MessageLocalizerFactory Factory = new(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static IStringLocalizer For<TTexts>() => Factory.Create(typeof(TTexts));

    public static string Describe<TTexts>(CsvLineError error, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        return error.Describe(For<TTexts>());
    }
}
