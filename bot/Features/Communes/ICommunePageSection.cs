using System.Globalization;
using BepBot.Chat;

namespace BepBot.Features.Communes;

/// <summary>
/// A part of a commune's page (`ma commune`) that a feature contributes: its projects, its labs, its open ballots,
/// its figures. The page shows the sections in <see cref="Order"/>; a section with nothing to say returns null.
/// </summary>
public interface ICommunePageSection
{
    int Order { get; }

    Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken);
}

/// <param name="EmptyText">Shown instead of lines when there are none ("Aucun séminaire à venir").</param>
public sealed record CommunePageSection(string Title, IReadOnlyList<CommunePageLine> Lines, string? EmptyText = null);

public sealed record CommunePageLine(string Text, string? Detail = null);

public static class CommunePageRegistration
{
    public static IServiceCollection AddCommunePageSection<TSection>(this IServiceCollection services)
        where TSection : class, ICommunePageSection
    {
        services.AddSingleton<ICommunePageSection, TSection>();
        return services;
    }
}
