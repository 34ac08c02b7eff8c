using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>Ends an appointment on a given day; the row stays as history and the seat becomes vacant.</summary>
public sealed class EndAppointment(AppDb db, TimeProvider clock, Door door, GrantsFollowPosts grants)
{
    public async Task<Outcome> RunAsync(int appointmentId, DateOnly? until, CancellationToken ct = default)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null) return Outcome.Missing();
        var opened = await door.UnitAsync(appointment.UnitId, Operations.Edit, ct);
        if (opened.Refused) return opened.Refusal;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var last = until ?? today;
        if (appointment.Until is not null) return Outcome.Fail(new FieldError("", T("This appointment has already ended.")));
        if (last > today) return Outcome.Fail(new FieldError("Until", T("An appointment cannot end in the future.")));
        if (last < appointment.From) return Outcome.Fail(new FieldError("Until", T("The end date cannot be before the start date.")));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        appointment.Until = last;
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountAsync(db, [appointment.UnitId], ct);
        await grants.AfterPostsChangedAsync(appointment.PersonId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(appointment.UnitId);
    }
}
