using System.Globalization;
using System.Text;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

public sealed record BallotIdData(string BallotId);

/// <summary>`votes`: the ballots open to the user, marking those still waiting on them; for staff, every ballot not yet closed and the recent results.</summary>
public sealed class ListBallots(BallotStore ballots, VoterRights rights, BallotCards cards, TimeProvider clock, IStringLocalizer<VotesTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var all = await ballots.ListAsync(cancellationToken);
        var items = new List<(Ballot, string)>();
        var staff = turn.User.Role == Role.BepStaff;
        foreach (var ballot in all.OrderBy(ballot => ballot.State).ThenBy(ballot => ballot.ClosesAt ?? DateTimeOffset.MaxValue))
        {
            var closes = ballot.ClosesAt is { } at ? texts["List_Closes", BelgianTime.FormatDateTime(at, turn.Culture)].Value : texts["Fact_ClosesByHand"].Value;
            if (staff)
            {
                if (ballot.State != BallotState.Closed || ballot.ClosedAt > clock.GetUtcNow().AddDays(-30))
                {
                    var voted = (await ballots.VotedCommunesAsync(ballot, cancellationToken)).Count;
                    items.Add((ballot, $"{texts["State_" + ballot.State].Value} · {texts["Fact_ParticipationValue", voted, ballot.Communes.Count].Value} · {closes}"));
                }

                continue;
            }

            if (ballot.State != BallotState.Open)
            {
                continue;
            }

            var standing = await rights.StandingAsync(ballot, turn.User.Member, cancellationToken);
            if (standing.Seats.Count == 0)
            {
                continue;
            }

            items.Add((ballot, (standing.AnyWaiting ? texts["List_Waiting"].Value : texts["List_Voted"].Value) + " · " + closes));
        }

        return Reply.WithCard(cards.List(items, staff, turn.Culture), texts["List_Title"]);
    }
}

/// <summary>`votes.show`: the ballot card again, for one of the user's ballots.</summary>
public sealed class ShowBallot(BallotStore ballots, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null || turn.User.Member is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        if (ballot.Result is not null)
        {
            return Reply.WithCard(await cards.ResultAsync(ballot, turn.User.Role == Role.BepStaff, turn.Culture, cancellationToken), ballot.Question);
        }

        return Reply.WithCard(await cards.ForVoterAsync(ballot, turn.User.Member, turn.Culture, cancellationToken), ballot.Question);
    }
}

/// <summary>`votes.status`: staff follow a ballot (participation, live results if chosen, who has not voted).</summary>
public sealed class BallotStatus(BallotStore ballots, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        return ballot.Result is not null
            ? Reply.WithCard(await cards.ResultAsync(ballot, forStaff: true, turn.Culture, cancellationToken), ballot.Question)
            : Reply.WithCard(await cards.StatusAsync(ballot, turn.Culture, cancellationToken), ballot.Question);
    }
}

/// <summary>`votes.close`: staff close a ballot by hand (or call off one not yet open).</summary>
public sealed class CloseBallotAction(BallotLifecycle lifecycle, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var (ballot, closed) = await lifecycle.CloseAsync(CardData.Read<BallotIdData>(data).BallotId, turn.User.Name, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        if (!closed)
        {
            return Reply.WithText(texts["Close_AlreadyClosed"]);
        }

        return Reply.UpdatingCard(await cards.ResultAsync(ballot, forStaff: true, turn.Culture, cancellationToken));
    }
}

/// <summary>`votes.remind`: staff send the reminder now, to the communes that have not voted.</summary>
public sealed class RemindAction(BallotLifecycle lifecycle, TimeProvider clock, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<BallotIdData>(data).BallotId;
        var count = await lifecycle.RemindAsync(id, "vm" + id + clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), cancellationToken);
        return Reply.WithText(texts["Remind_Sent", count]);
    }
}

/// <summary>`votes.export`: the result as CSV (per choice, and per commune for an open ballot), once closed.</summary>
public sealed class ExportResults(BallotStore ballots, BallotCards cards, ExportStore exports, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        if (ballot.Result is null)
        {
            return Reply.WithText(texts["Export_NotClosed"]);
        }

        var votes = ballot.Secret ? [] : await ballots.ListVotesAsync(ballot.Id, cancellationToken);
        var csv = VotesCsv.Results(ballot, votes, cards.OutcomeText(ballot, ballot.Result));
        var link = await exports.SaveAsync($"vote-{ballot.Id}.csv", "text/csv; charset=utf-8", csv, cancellationToken);
        return Reply.WithText(texts["Export_Ready", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), link]);
    }
}

/// <summary>`votes.exportaudit`: the audit log as CSV, sealed first, with each entry's hash so that anyone can recompute the chain.</summary>
public sealed class ExportAudit(BallotStore ballots, AuditLog audit, ExportStore exports, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        await audit.SealAsync(ballot.Id, wait: true, cancellationToken);
        var csv = VotesCsv.Audit(await audit.EntriesAsync(ballot.Id, cancellationToken));
        var link = await exports.SaveAsync($"vote-{ballot.Id}-journal.csv", "text/csv; charset=utf-8", csv, cancellationToken);
        return Reply.WithText(texts["Export_AuditReady", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), link]);
    }
}

/// <summary>`vérifier &lt;vote&gt;`: recomputes the audit chain and names the first entry that does not fit.</summary>
public sealed partial class VerifyAudit(BallotStore ballots, AuditLog audit, IStringLocalizer<VotesTexts> texts, ILogger<VerifyAudit> logger) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) => VerifyAsync(arguments.Trim().ToLowerInvariant(), cancellationToken);

    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) => VerifyAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);

    private async Task<Reply> VerifyAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length == 0)
        {
            return Reply.WithText(texts["Verify_Usage"]);
        }

        var ballot = await ballots.GetAsync(id, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        var verification = await audit.VerifyAsync(ballot.Id, cancellationToken);
        if (verification.FirstBroken is { } broken)
        {
            LogBroken(logger, ballot.Id, broken, verification.Problem);
            return Reply.WithText(texts["Verify_Broken", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), broken, verification.Entries]);
        }

        return Reply.WithText(texts["Verify_Ok", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), verification.Entries, verification.HeadHash]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log of ballot {BallotId} broken at entry {Sequence} ({Problem})")]
    private static partial void LogBroken(ILogger logger, string ballotId, int sequence, string? problem);
}

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
