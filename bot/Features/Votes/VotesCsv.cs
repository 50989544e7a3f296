using System.Globalization;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>A ballot's results and audit as CSV: its record, worded in French whoever downloads it (docs/architecture.md).</summary>
public static class VotesCsv
{
    public static byte[] Results(Ballot ballot, IReadOnlyList<CommuneVote> votes, string outcome, IStringLocalizer<VotesTexts> texts)
    {
        string notVoted;
        using (CultureScope.Use(BelgianTime.French))
        {
            notVoted = texts["Csv_NotVoted"];
        }

        var result = ballot.Result!;
        var table = new ExportTable("section", "libelle", "valeur")
            .Add("vote", "question", ballot.Question)
            .Add("vote", "decision", outcome)
            .Add("vote", "participation", $"{result.Participants}/{result.InScope}")
            .Add("vote", "quorum_atteint", result.QuorumReached ? "oui" : "non")
            .Add("vote", "scrutin", ballot.Secret ? "secret" : "public")
            .Add("vote", "empreinte_journal", result.AuditHeadHash);
        foreach (var choice in ballot.Choices)
        {
            table.Add("voix", choice.Label, result.Counts.GetValueOrDefault(choice.Id));
        }

        var byCommune = votes.ToDictionary(vote => vote.Commune, StringComparer.Ordinal);
        if (!ballot.Secret)
        {
            foreach (var commune in ballot.Communes.Order(StringComparer.Create(BelgianTime.French, ignoreCase: true)))
            {
                var vote = byCommune.GetValueOrDefault(commune);
                table.Add("commune", commune, vote is null ? notVoted : ByProcuration(string.Join(" + ", vote.ChoiceIds.Select(id => ballot.FindChoice(id)?.Label ?? id)), vote.ByProcuration, texts));
            }
        }

        return table.ToCsv();
    }

    private static string ByProcuration(string choices, bool byProcuration, IStringLocalizer<VotesTexts> texts)
    {
        using var scope = CultureScope.Use(BelgianTime.French);
        return byProcuration ? texts["Csv_ByProcuration", choices] : choices;
    }

    public static byte[] Audit(IReadOnlyList<AuditEntry> entries)
    {
        var table = new ExportTable("sequence", "evenement", "horodatage", "acteur", "commune", "detail", "hash_precedent", "hash");
        foreach (var entry in entries)
        {
            table.Add(
                entry.Sequence,
                entry.Kind,
                entry.At.ToString("O", CultureInfo.InvariantCulture),
                entry.Actor,
                entry.Commune,
                entry.Detail,
                entry.PreviousHash,
                AuditLog.Hash(entry));
        }

        return table.ToCsv();
    }
}
