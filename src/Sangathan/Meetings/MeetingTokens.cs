using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Platform;

namespace Sangathan.Meetings;

/// <summary>
/// The meetings' signed tokens, HMAC-SHA256 under a key of the server's: an invitee's answer link (it names the meeting
/// and the invitee, so it needs no sign-in and nothing stored), a meeting's own check-in QR (it names the meeting), and
/// the short-lived proof that a check-in's code was right, for a phone several invitees share. Short, to fit in an SMS.
/// </summary>
public sealed class MeetingTokens
{
    const byte AnswerKind = (byte)'A', CheckInKind = (byte)'K', ProofKind = (byte)'P';
    const int AnswerMac = 8, CheckInMac = 12, ProofMac = 12;
    readonly byte[] key;

    public MeetingTokens(IOptions<MeetingOptions> options, SharedSecrets secrets)
    {
        key = secrets.Key(options.Value.LinkSecret, "Meetings:LinkSecret", "meeting-links", "sangathan meeting links v1");
    }

    /// <summary>An invitee's answer link: kind, meeting, whether person or member, who; 24 characters.</summary>
    public string Answer(int meetingId, RecipientKind kind, int recipientId)
    {
        var body = new byte[10];
        body[0] = AnswerKind;
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1), meetingId);
        body[5] = (byte)kind;
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(6), recipientId);
        return Seal(body, AnswerMac, "");
    }

    public (int MeetingId, RecipientKind Kind, int RecipientId)? ReadAnswer(string? token)
    {
        if (Open(token, 10, AnswerMac, AnswerKind, "") is not { } b) return null;
        var kind = (RecipientKind)b[5];
        if (kind is not (RecipientKind.Person or RecipientKind.Member)) return null;
        return (BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(1)), kind, BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(6)));
    }

    /// <summary>The text of a meeting's own QR names the meeting; when it may be used is the meeting's (see <see cref="MeetingRules.Window"/>).</summary>
    public string CheckIn(int meetingId)
    {
        var body = new byte[5];
        body[0] = CheckInKind;
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1), meetingId);
        return Seal(body, CheckInMac, "");
    }

    public int? ReadCheckIn(string? token) =>
        Open(token, 5, CheckInMac, CheckInKind, "") is { } b ? BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(1)) : null;

    /// <summary>That the code sent to <paramref name="mobile"/> was typed right for this meeting, good until <paramref name="until"/>.</summary>
    public string Proof(int meetingId, string mobile, DateTime until)
    {
        var body = new byte[9];
        body[0] = ProofKind;
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1), meetingId);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(5), (uint)(new DateTimeOffset(until, TimeSpan.Zero).ToUnixTimeSeconds() / 60));
        return Seal(body, ProofMac, mobile);
    }

    public bool ReadProof(string? token, int meetingId, string mobile, DateTime now) =>
        Open(token, 9, ProofMac, ProofKind, mobile) is { } b && BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(1)) == meetingId
        && DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(5)) * 60L).UtcDateTime >= now;

    string Seal(byte[] body, int macBytes, string context)
    {
        var token = new byte[body.Length + macBytes];
        body.CopyTo(token, 0);
        Mac(body, context).AsSpan(0, macBytes).CopyTo(token.AsSpan(body.Length));
        return WebEncoders.Base64UrlEncode(token);
    }

    byte[]? Open(string? token, int bodyBytes, int macBytes, byte kind, string context)
    {
        if (token is null || token.Length > 64) return null;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length != bodyBytes + macBytes || bytes[0] != kind) return null;
        var body = bytes[..bodyBytes];
        return CryptographicOperations.FixedTimeEquals(Mac(body, context).AsSpan(0, macBytes), bytes.AsSpan(bodyBytes)) ? body : null;
    }

    byte[] Mac(byte[] body, string context) => HMACSHA256.HashData(key, (byte[])[.. body, .. Encoding.UTF8.GetBytes(context)]);
}
