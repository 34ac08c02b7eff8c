using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Broadcasts;
using Sangathan.Data;

namespace Sangathan.Meetings;

/// <summary>What marking someone present did: marked now, or found them already present (and since when).</summary>
public sealed record Marked(long InviteeId, bool Now, DateTime ArrivedAt, bool Late, bool Invited, MarkedHow How);

/// <summary>
/// The one way anyone is marked present, whichever of the three ways they came by (card, own check-in, by hand): under
/// the meeting's lock, in the caller's transaction, a person already present stays as first marked; someone not
/// invited is recorded as having come uninvited; the meeting's counters move with the mark.
/// </summary>
public sealed class Attendance(AppDb db, IOptions<MeetingOptions> options)
{
    public async Task<Marked> MarkAsync(Meeting m, RecipientKind kind, int recipientId, MarkedHow how, string? reason, DateTime arrivedAt, string actor,
        CancellationToken ct)
    {
        await FindMeeting.LockAsync(db, m.Id, ct);
        var row = await db.MeetingInvitees.FirstOrDefaultAsync(i => i.MeetingId == m.Id && i.Kind == kind && i.RecipientId == recipientId, ct);
        if (row?.ArrivedAt is { } already) return new Marked(row.Id, false, already, row.Late, row.Invited, row.How ?? how);
        if (row is null)
        {
            row = new MeetingInvitee { MeetingId = m.Id, Kind = kind, RecipientId = recipientId, Invited = false };
            db.MeetingInvitees.Add(row);
        }
        row.ArrivedAt = arrivedAt;
        row.Late = MeetingRules.IsLate(m.StartsAt, arrivedAt, options.Value);
        row.How = how;
        row.Reason = reason;
        row.MarkedBy = actor;
        await db.SaveChangesAsync(ct);
        var late = row.Late ? 1 : 0;
        await db.Meetings.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Came, x => x.Came + 1).SetProperty(x => x.Late, x => x.Late + late), ct);
        return new Marked(row.Id, true, arrivedAt, row.Late, row.Invited, how);
    }
}
