using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Sangathan.Membership;

/// <summary>The short link a member opens on their own phone to confirm; only its hash is stored.</summary>
public static class ConfirmationLink
{
    /// <summary>72 random bits in 12 URL-safe characters: short enough for one SMS, far too many to guess.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(9));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public static bool LooksLikeToken(string? token) =>
        token is { Length: 12 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Url(MembershipOptions options, string token) => $"{options.PublicUrl.TrimEnd('/')}/m/{token}";

    // Both languages in one message: the member may read either, and the enroller's language says nothing of theirs.
    // The words come from the translators' files (Texts/*.po), in the member's language (Hindi unless set).
    public static string Sms(string url, string? language) => Platform.Localization.Texts.Bilingual(language, "Party membership: confirm at {0}", url);
}
