using System.Globalization;
using System.Security.Cryptography;
using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Labs;

public sealed record LabChange(Lab Before, Lab After)
{
    public IReadOnlyList<Registration> Promoted => Before.PromotedIn(After);
}
