using System.Security.Cryptography;

namespace Sangathan.Cards;

/// <summary>How a card's QR reads: genuine, or why not. Revoked and expired cards are genuine cards that are refused.</summary>
public enum CardVerdict { Genuine, Revoked, Expired, Forged, UnknownKey, Unreadable }

/// <summary>
/// The text of a card's QR: "SG1:" and, in Base45, the statement's bytes followed by an ECDSA P-256 signature over
/// them (SHA-256, the 64-byte r|s form that WebCrypto verifies). About 240 characters: a version 9 or 10 QR.
/// </summary>
public static class CardCode
{
    public const string Prefix = "SG1:";
    public const int SignatureBytes = 64;
    /// <summary>Longer than any code this app writes (four texts of 127 bytes at most); a longer text is not read.</summary>
    public const int MaxLength = 1000;

    public static string Write(CardStatement statement, ECDsa key)
    {
        var body = statement.ToBytes();
        var signed = new byte[body.Length + SignatureBytes];
        body.CopyTo(signed, 0);
        if (key.SignData(body, signed.AsSpan(body.Length), HashAlgorithmName.SHA256) != SignatureBytes)
            throw new CryptographicException("A P-256 signature is 64 bytes.");
        return Prefix + Base45.Encode(signed);
    }

    /// <summary>Reads a QR's text and checks its signature with the key it names. Dates and revocation are the caller's to check.</summary>
    public static (CardVerdict Verdict, CardStatement? Statement) Read(string? text, Func<int, ECDsa?> keyOf)
    {
        if (text is null || text.Length > MaxLength || !text.StartsWith(Prefix, StringComparison.Ordinal)) return (CardVerdict.Unreadable, null);
        var bytes = Base45.Decode(text.AsSpan(Prefix.Length));
        if (bytes is null || CardStatement.Read(bytes) is not var (statement, length)) return (CardVerdict.Unreadable, null);
        if (bytes.Length - length != SignatureBytes) return (CardVerdict.Forged, null);
        if (keyOf(statement.KeyId) is not { } key) return (CardVerdict.UnknownKey, null);
        var genuine = key.VerifyData(bytes.AsSpan(0, length), bytes.AsSpan(length), HashAlgorithmName.SHA256);
        return genuine ? (CardVerdict.Genuine, statement) : (CardVerdict.Forged, null);
    }
}
