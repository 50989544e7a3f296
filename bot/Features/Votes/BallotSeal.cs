using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace BepBot.Features.Votes;

/// <summary>
/// Seals a commune's choice in a secret ballot so that the store holds it unreadable until the close counts it and
/// erases it. The protector is bound to the ballot and the commune: a sealed choice copied onto another commune's
/// participation does not open.
/// </summary>
public sealed class BallotSeal(IDataProtectionProvider protection)
{
    public string Seal(string ballotId, string commune, IReadOnlyList<string> choiceIds) =>
        ProtectorFor(ballotId, commune).Protect(JsonSerializer.Serialize(choiceIds));

    /// <exception cref="BallotSealException">The seal does not open with the keys this instance has.</exception>
    public IReadOnlyList<string> Open(string ballotId, string commune, string sealedChoice)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(ProtectorFor(ballotId, commune).Unprotect(sealedChoice))
                ?? throw new BallotSealException(ballotId, commune, null);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            throw new BallotSealException(ballotId, commune, ex);
        }
    }

    private IDataProtector ProtectorFor(string ballotId, string commune) =>
        protection.CreateProtector("BepBot.Votes.SecretChoice", ballotId, commune);
}
