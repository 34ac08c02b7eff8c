using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Sangathan.Broadcasts;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>
/// What a new member is sent to confirm their own mobile: a short link to open, and a code of four digits to send
/// back by SMS from a phone with no data. Only the link's hash is stored; the code is read from that hash, so the
/// enrollment's hot path writes nothing more for it.
/// </summary>
public static class ConfirmationLink
{
    /// <summary>72 random bits in 12 URL-safe characters: short enough for one SMS, far too many to guess.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(9));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public static bool LooksLikeToken(string? token) =>
        token is { Length: 12 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Url(MembershipOptions options, string token) => $"{options.PublicUrl.TrimEnd('/')}/m/{token}";

    /// <summary>
    /// The code a member sends back, read from the link's hash. Four digits are easy to type on a keypad; it is the
    /// sender's own mobile that proves the number, as opening the link does: a reply counts only from the mobile the
    /// member was enrolled with, for a link still waiting there (at most a few, for a family's shared phone).
    /// </summary>
    public static string ReplyCode(string tokenHash) =>
        (BinaryPrimitives.ReadUInt32BigEndian(Convert.FromHexString(tokenHash.AsSpan(0, 8))) % 10_000).ToString("D4");

    /// <summary>
    /// The SMS, in the member's language, in one part (each further part is paid for, and arrives split on a cheap
    /// phone): with the link if it fits, else the code alone. Hindi goes as UCS-2, 70 characters a part.
    /// </summary>
    public static string Sms(MembershipOptions options, string token, string? language)
    {
        var code = ReplyCode(Hash(token));
        var url = Url(options, token);
        var to = options.ReplyNumber is { Length: > 0 } number ? number : null;
        string[] texts = to is null
            ? [In(language, "Membership: reply {0} or open {1}", code, url), In(language, "To confirm your party membership, reply {0} to this SMS.", code)]
            : [In(language, "Membership: send {0} to {1} or open {2}", code, to, url), In(language, "To confirm your party membership, send {0} by SMS to {1}.", code, to)];
        return texts.FirstOrDefault(t => SmsSegments.Count(t).Segments == 1) ?? texts[^1];
    }
}
