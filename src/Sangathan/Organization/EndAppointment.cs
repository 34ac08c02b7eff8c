using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Ends an appointment on a given day, for a reason: the row stays as history and the seat becomes vacant. An end
/// made by mistake can be undone for a while (<see cref="OrganizationOptions.UndoEndHours"/>), while the seat is free.
/// Rights follow posts: the grants the post carried are suspended, and come back on an undo.
/// </summary>
public sealed class EndAppointment(AppDb db, TimeProvider clock, Door door, GrantsFollowPosts grants, IOptions<OrganizationOptions> options)
{
    public const int MinReason = 3;
    public const int MaxReason = 500;

    public async Task<Outcome> RunAsync(int appointmentId, DateOnly? until, string? reason, CancellationToken ct = default)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null) return Outcome.Missing();
        var opened = await door.UnitAsync(appointment.UnitId, Operations.Edit, ct);
        if (opened.Refused) return opened.Refusal;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var last = until ?? today;
        var why = (reason ?? "").Trim();
        if (appointment.Until is not null) return Outcome.Fail(new FieldError("", T("This appointment has already ended.")));
        if (last > today) return Outcome.Fail(new FieldError("Until", T("An appointment cannot end in the future.")));
        if (last < appointment.From) return Outcome.Fail(new FieldError("Until", T("The end date cannot be before the start date.")));
        if (why.Length is < MinReason or > MaxReason)
            return Outcome.Fail(new FieldError("Reason", T("Say why the appointment ends, in {0} to {1} characters.", MinReason, MaxReason)));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        appointment.Until = last;
        appointment.EndReason = why;
        appointment.EndedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountAsync(db, [appointment.UnitId], ct);
        await grants.AfterPostsChangedAsync(appointment.PersonId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(appointment.UnitId);
    }

    /// <summary>Until when an end recorded at <paramref name="endedAt"/> may be undone (UTC).</summary>
    public DateTime UndoableUntil(DateTime endedAt) => endedAt.AddHours(options.Value.UndoEndHours);

    /// <summary>Puts an ended appointment back as if it had not ended, while that is still allowed and the seat is free.</summary>
    public async Task<Outcome> UndoAsync(int appointmentId, CancellationToken ct = default)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null) return Outcome.Missing();
        var opened = await door.UnitAsync(appointment.UnitId, Operations.Edit, ct);
        if (opened.Refused) return opened.Refusal;
        if (appointment.Until is null) return Outcome.Fail(new FieldError("", T("This appointment has not ended.")));
        if (appointment.EndedAt is not { } endedAt || clock.GetUtcNow().UtcDateTime > UndoableUntil(endedAt))
            return Outcome.Fail(new FieldError("", T("This end can no longer be undone: appoint the person again instead.")));
        var post = await db.Posts.AsNoTracking().FirstAsync(p => p.Id == appointment.PostId, ct);
        var holders = await db.Appointments.Where(a => a.UnitId == appointment.UnitId && a.PostId == post.Id && a.Until == null)
            .Select(a => a.PersonId).ToListAsync(ct);
        if (post.Until is not null) return Outcome.Fail(new FieldError("", T("This post has been retired since.")));
        if (holders.Contains(appointment.PersonId)) return Outcome.Fail(new FieldError("", T("This person holds this post here again already.")));
        if (holders.Count >= post.Seats) return Outcome.Fail(new FieldError("", T("The seat has been filled since: end that appointment first.")));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        appointment.Until = null;
        appointment.EndReason = null;
        appointment.EndedAt = null;
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountAsync(db, [appointment.UnitId], ct);
        await grants.AfterPostsChangedAsync(appointment.PersonId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(appointment.UnitId);
    }
}
