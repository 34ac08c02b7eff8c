using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;

namespace Sangathan.Broadcasts;

/// <summary>
/// The opt-out link each e-mail carries: the outbox row's id and a MAC over it, so the address never appears in the URL
/// and nobody can opt out an address whose message they did not get. Keyed by Broadcasts:LinkSecret (the same on
/// every server; empty: a random secret kept in the database, see SharedSecrets).
/// </summary>
public sealed class OptOutLinks
{
    const int MacChars = 22;
    readonly byte[] key;
    readonly string site;

    public OptOutLinks(IOptions<BroadcastOptions> options, IOptions<MembershipOptions> membership, SharedSecrets secrets)
    {
        key = secrets.Key(options.Value.LinkSecret, "Broadcasts:LinkSecret", "opt-out-links", "sangathan opt-out links v1");
        site = membership.Value.PublicUrl.TrimEnd('/');
    }

    public string Token(long messageId) => $"{messageId.ToString(CultureInfo.InvariantCulture)}-{Mac(messageId)}";

    public string Url(long messageId) => $"{site}/opt-out/{Token(messageId)}";

    /// <summary>The outbox row a token names, or null for a token not made here.</summary>
    public long? MessageOf(string? token)
    {
        var dash = token?.IndexOf('-') ?? -1;
        if (dash <= 0 || !long.TryParse(token![..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token[(dash + 1)..]), Encoding.ASCII.GetBytes(Mac(id))) ? id : null;
    }

    string Mac(long id) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_')[..MacChars];
}
