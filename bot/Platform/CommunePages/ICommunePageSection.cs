using System.Globalization;
using BepBot.Chat;

namespace BepBot.Platform.CommunePages;

/// <summary>
/// A part of a commune's page (`ma commune`) that a feature contributes: its projects, its labs, its open ballots,
/// its figures. The page shows the sections in <see cref="Order"/>; a section with nothing to say returns null.
/// </summary>
public interface ICommunePageSection
{
    int Order { get; }

    Task<CommunePageSection?> DescribeAsync(string commune, ChatUser viewer, CultureInfo culture, CancellationToken cancellationToken);
}
