using Microsoft.Extensions.Options;
using Sangathan.Broadcasts;
using Sangathan.Membership;

namespace Sangathan.Meetings;

/// <summary>The addresses meetings hand out: an invitee's answer link (in the notices) and a meeting's check-in QR.</summary>
public sealed class MeetingLinks(MeetingTokens tokens, IOptions<MembershipOptions> membership)
{
    string Site => membership.Value.PublicUrl.TrimEnd('/');

    public string Answer(int meetingId, RecipientKind kind, int recipientId) => $"{Site}/r/{tokens.Answer(meetingId, kind, recipientId)}";

    public string CheckIn(int meetingId) => $"{Site}/k/{tokens.CheckIn(meetingId)}";

    /// <summary>The {link} of one outbox row: its invitee's answer link, for a broadcast tied to a meeting; none otherwise.</summary>
    internal string? For(Broadcast b, Claimed r) => b.MeetingId is { } id ? Answer(id, r.Kind, r.RecipientId) : null;
}
