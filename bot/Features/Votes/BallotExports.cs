using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>A ballot's export files, the same whether staff ask in chat (`votes.export`) or from the dashboard tab.</summary>
public sealed class BallotExports(BallotStore ballots, BallotCards cards, AuditLog audit, IStringLocalizer<VotesTexts> texts)
{
    /// <summary>The result as CSV (per choice, and per commune for an open ballot); null before the close has counted it.</summary>
    public async Task<ExportedFile?> ResultsAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        if (ballot.Result is null)
        {
            return null;
        }

        var votes = ballot.Secret ? [] : await ballots.ListVotesAsync(ballot.Id, cancellationToken);
        var csv = VotesCsv.Results(ballot, votes, cards.OutcomeText(ballot, ballot.Result), texts);
        // An open ballot's results say how each commune's bourgmestre voted; a secret ballot's only count.
        var content = ballot.Secret ? ExportContent.NoPersonalData : ExportContent.PersonalData;
        return new ExportedFile(content, $"vote-{ballot.Id}.csv", ExportTable.CsvContentType, csv);
    }

    /// <summary>The audit log as CSV, sealed first, with each entry's hash so that anyone can recompute the chain.</summary>
    public async Task<ExportedFile> AuditAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        await audit.SealAsync(ballot.Id, wait: true, cancellationToken);
        var csv = VotesCsv.Audit(await audit.EntriesAsync(ballot.Id, cancellationToken));
        // Who did what, and for a secret ballot who voted: a person's data.
        return new ExportedFile(ExportContent.PersonalData, $"vote-{ballot.Id}-journal.csv", ExportTable.CsvContentType, csv);
    }
}
