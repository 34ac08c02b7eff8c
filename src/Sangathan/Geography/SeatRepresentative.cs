using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Geography;

/// <param name="Party">The member's party, as the result lists it; the seat's member may be of any party.</param>
public sealed record RepresentativeInput(int PersonId, DateOnly? From, string? Party = null);

/// <summary>
/// Records the party's MLA or MP for a constituency. A seat has one sitting member: the one before is
/// closed the day before the new one starts, so history is kept as with appointments.
/// </summary>
public sealed class SeatRepresentative(AppDb db, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int constituencyId, RepresentativeInput input, CancellationToken ct = default)
    {
        if (!await db.Constituencies.AnyAsync(c => c.Id == constituencyId, ct)) return Outcome.Missing();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var from = input.From ?? today;
        var errors = new List<FieldError>();
        if (from > today) errors.Add(new("From", T("A term cannot start in the future.")));
        if (!await db.People.AnyAsync(p => p.Id == input.PersonId, ct)) errors.Add(new("PersonId", T("That person does not exist.")));
        var sitting = await db.Representatives.Where(r => r.ConstituencyId == constituencyId && r.Until == null).ToListAsync(ct);
        if (sitting.Any(r => r.PersonId == input.PersonId)) errors.Add(new("PersonId", T("This person already holds this seat.")));
        if (sitting.Any(r => r.From >= from)) errors.Add(new("From", T("The new term must start after the sitting member's began.")));
        var party = People.PersonRules.CleanOrNull(input.Party);
        if (party?.Length > 64) errors.Add(new("Party", T("This is too long: at most {0} characters.", 64)));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        foreach (var r in sitting) r.Until = from.AddDays(-1);
        var seat = new Representative { ConstituencyId = constituencyId, PersonId = input.PersonId, From = from, Party = party };
        db.Representatives.Add(seat);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(seat.Id);
    }
}
