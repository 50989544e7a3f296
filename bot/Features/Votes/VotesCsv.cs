using System.Globalization;
using System.Text;
using BepBot.Infrastructure.Time;
using CsvHelper;

namespace BepBot.Features.Votes;

public static class VotesCsv
{
    public static byte[] Results(Ballot ballot, IReadOnlyList<CommuneVote> votes, string outcome)
    {
        var result = ballot.Result!;
        return Write(writer =>
        {
            writer.WriteRecord(["section", "libelle", "valeur"]);
            writer.WriteRecord(["vote", "question", ballot.Question]);
            writer.WriteRecord(["vote", "decision", outcome]);
            writer.WriteRecord(["vote", "participation", $"{result.Participants}/{result.InScope}"]);
            writer.WriteRecord(["vote", "quorum_atteint", result.QuorumReached ? "oui" : "non"]);
            writer.WriteRecord(["vote", "scrutin", ballot.Secret ? "secret" : "public"]);
            writer.WriteRecord(["vote", "empreinte_journal", result.AuditHeadHash]);
            foreach (var choice in ballot.Choices)
            {
                writer.WriteRecord(["voix", choice.Label, result.Counts.GetValueOrDefault(choice.Id).ToString(CultureInfo.InvariantCulture)]);
            }

            var byCommune = votes.ToDictionary(vote => vote.Commune, StringComparer.Ordinal);
            if (!ballot.Secret)
            {
                foreach (var commune in ballot.Communes.Order(StringComparer.Create(BelgianTime.French, ignoreCase: true)))
                {
                    var vote = byCommune.GetValueOrDefault(commune);
                    writer.WriteRecord(["commune", commune, vote is null ? "n'a pas voté" : string.Join(" + ", vote.ChoiceIds.Select(id => ballot.FindChoice(id)?.Label ?? id)) + (vote.ByProcuration ? " (procuration)" : string.Empty)]);
                }
            }
        });
    }

    public static byte[] Audit(IReadOnlyList<AuditEntry> entries) =>
        Write(writer =>
        {
            writer.WriteRecord(["sequence", "evenement", "horodatage", "acteur", "commune", "detail", "hash_precedent", "hash"]);
            foreach (var entry in entries)
            {
                writer.WriteRecord(
                [
                    entry.Sequence.ToString(CultureInfo.InvariantCulture),
                    entry.Kind,
                    entry.At.ToString("O", CultureInfo.InvariantCulture),
                    entry.Actor,
                    entry.Commune ?? string.Empty,
                    entry.Detail ?? string.Empty,
                    entry.PreviousHash,
                    AuditLog.Hash(entry),
                ]);
            }
        });

    private static byte[] Write(Action<CsvWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions()))
        {
            write(writer);
        }

        // A BOM so that Excel opens the accents correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
