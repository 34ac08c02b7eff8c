using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>Ends an appointment on a given day; the row stays as history and the seat becomes vacant.</summary>
public sealed class EndAppointment(AppDb db, TimeProvider clock, Jurisdiction jurisdiction)
{
    public async Task<Outcome> RunAsync(int appointmentId, DateOnly? until, CancellationToken ct = default)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        var access = await jurisdiction.GetAsync(ct);
        var path = appointment is null ? null : await db.Units.Where(u => u.Id == appointment.UnitId).Select(u => u.Path).FirstAsync(ct);
        if (appointment is null || !access.CanRead(path!)) return Outcome.Missing();
        if (!access.CanEdit(path!)) return Outcome.Denied();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var last = until ?? today;
        if (appointment.Until is not null) return Outcome.Fail(new FieldError("", T("This appointment has already ended.")));
        if (last > today) return Outcome.Fail(new FieldError("Until", T("An appointment cannot end in the future.")));
        if (last < appointment.From) return Outcome.Fail(new FieldError("Until", T("The end date cannot be before the start date.")));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        appointment.Until = last;
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountAsync(db, [appointment.UnitId], ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(appointment.UnitId);
    }
}
