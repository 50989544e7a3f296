namespace BepBot.Features.Labs;

public sealed record LabChange(Lab Before, Lab After)
{
    public IReadOnlyList<Registration> Promoted => Before.PromotedIn(After);
}
