using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Geography;

namespace Sangathan.People;

public sealed record PostHeld(
    int AppointmentId, int UnitId, string UnitCode, string UnitEn, string UnitHi, string LevelEn, string LevelHi,
    string PostEn, string PostHi, DateOnly From, DateOnly? Until)
{
    public bool Current => Until is null;
}

public sealed record SeatHeld(string Kind, int Number, string ConstituencyEn, string ConstituencyHi, DateOnly From, DateOnly? Until);

public sealed record PersonPageData(
    int Id, string NameEn, string NameHi, string? Mobile, string? Email, int? PhotoId, string? Village,
    string? Jurisdiction, string? Facebook, string? X, string? Instagram, string? YouTube, string? WhatsApp,
    Gender Gender, DateOnly? DateOfBirth, string? VoterId, IReadOnlyList<PostHeld> Posts, IReadOnlyList<SeatHeld> Seats,
    bool ContactsMasked, bool CanEdit, bool CanReveal);

/// <summary>A person with every post held, current first, then past ones newest first.</summary>
public sealed class GetPersonPage(AppDb db, Jurisdiction jurisdiction)
{
    public async Task<PersonPageData?> RunAsync(int personId, CancellationToken ct = default)
    {
        var access = await jurisdiction.GetAsync(ct);
        var p = await PersonRead.Visible(db, access, db.People.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == personId, ct);
        if (p is null) return null;

        var posts = await db.Appointments.AsNoTracking().Where(a => a.PersonId == personId)
            .Join(db.Units, a => a.UnitId, u => u.Id, (a, u) => new { a, u })
            .Join(db.Posts, x => x.a.PostId, po => po.Id, (x, po) => new { x.a, x.u, po })
            .Select(x => new PostHeld(x.a.Id, x.u.Id, x.u.Code, x.u.NameEn, x.u.NameHi, x.u.Level!.NameEn,
                x.u.Level.NameHi, x.po.NameEn, x.po.NameHi, x.a.From, x.a.Until))
            .ToListAsync(ct);
        var seats = await db.Representatives.AsNoTracking().Where(r => r.PersonId == personId)
            .Join(db.Constituencies, r => r.ConstituencyId, c => c.Id, (r, c) => new SeatHeld(
                c.Kind == ConstituencyKind.Parliamentary ? "MP" : "MLA", c.Number, c.NameEn, c.NameHi, r.From, r.Until))
            .ToListAsync(ct);

        var ordered = posts.OrderBy(x => x.Current ? 0 : 1).ThenByDescending(x => x.Until ?? x.From).ToList();
        var masked = !PersonRead.ShowsContacts(access, p.Id, posts.Any(x => x.Current));
        return new PersonPageData(p.Id, p.NameEn, p.NameHi,
            masked && p.Mobile is not null ? PersonRules.Mask(p.Mobile) : p.Mobile,
            masked && p.Email is not null ? PersonRules.MaskEmail(p.Email) : p.Email,
            p.PhotoId, p.Village, p.Jurisdiction,
            p.Facebook, p.X, p.Instagram, p.YouTube, p.WhatsApp, p.Gender, p.DateOfBirth,
            // A voter ID is no contact: nobody but its owner sees it in full without a recorded reveal.
            p.VoterId is null ? null : access.PersonId == p.Id ? p.VoterId : PersonRules.MaskVoterId(p.VoterId), ordered, seats,
            masked && (p.Mobile ?? p.Email) is not null, await PersonRead.EditableAsync(db, access, p.Id, ct),
            (masked && (p.Mobile ?? p.Email) is not null || p.VoterId is not null && access.PersonId != p.Id) && access.CanReveal);
    }
}
