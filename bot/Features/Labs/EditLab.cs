using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.edit`: the lab's details in a form, prefilled.</summary>
public sealed class EditLab(LabBook book, CardCatalog cards, LabCards labCards, IStringLocalizer<LabsTexts> texts) : ICardActionHandler
{
    private static readonly string[] ErrorFields =
        ["theme", "title", "description", "date", "start", "end", "link", "audience", "capacity", "quota", "deadlineDate", "deadlineTime"];

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var lab = await book.FindAsync(CardData.Read<LabIdData>(data, turn.CardInputs).LabId, cancellationToken);
        if (lab is null || lab.State == LabState.Cancelled)
        {
            return Reply.WithText(texts[lab is null ? "Lab_Unknown" : "Refusal_Cancelled"]);
        }

        var details = lab.Details;
        string Date(DateTimeOffset at) => BelgianTime.ToBrussels(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Time(DateTimeOffset at) => BelgianTime.ToBrussels(at).ToString("HH:mm", CultureInfo.InvariantCulture);
        return Reply.WithCard(cards.Render("labs/edit", new
        {
            Title = texts["Edit_Title", CardText.EscapeMarkdown(details.Title)].Value,
            Intro = texts["Edit_Intro"].Value,
            LabId = lab.Id,
            lab.Revision,
            Fields = new
            {
                Theme = details.Theme,
                Title = details.Title,
                details.Description,
                Date = Date(details.StartsAt),
                Start = Time(details.StartsAt),
                End = Time(details.EndsAt),
                Place = details.Place ?? string.Empty,
                Link = details.OnlineLink ?? string.Empty,
                Audience = details.Audience.ToString().ToLowerInvariant(),
                lab.Capacity,
                Quota = lab.CommuneQuota ?? 0,
                HasQuota = lab.CommuneQuota is not null,
                DeadlineDate = Date(details.RegistrationDeadline),
                DeadlineTime = Time(details.RegistrationDeadline),
            },
            Labels = new
            {
                Theme = texts["Field_Theme"].Value,
                Title = texts["Field_Title"].Value,
                Description = texts["Field_Description"].Value,
                Date = texts["Field_Date"].Value,
                Start = texts["Field_Start"].Value,
                End = texts["Field_End"].Value,
                Place = texts["Field_Place"].Value,
                Link = texts["Field_Link"].Value,
                Audience = texts["Field_Audience"].Value,
                Capacity = texts["Field_Capacity"].Value,
                Quota = texts["Field_QuotaInput"].Value,
                DeadlineDate = texts["Field_DeadlineDate"].Value,
                DeadlineTime = texts["Field_DeadlineTime"].Value,
            },
            // Each field's error says what to do: Edit_Error_<field id>.
            Errors = ErrorFields.ToDictionary(field => field, field => texts["Edit_Error_" + field].Value, StringComparer.Ordinal),
            Audiences = Enum.GetValues<LabAudience>().Select(audience => new { Title = labCards.Audience(audience), Value = audience.ToString().ToLowerInvariant() }).ToList(),
            SaveTitle = texts["Button_Save"].Value,
        }), texts["Edit_Title", details.Title]);
    }
}
