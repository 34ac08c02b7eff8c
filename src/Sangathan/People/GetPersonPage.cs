using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Geography;

namespace Sangathan.People;

/// <param name="EndReason">Why it ended, as recorded.</param>
/// <param name="EndedAt">When the end was recorded (UTC), for an undo while it is allowed.</param>
/// <param name="Editable">The reader may end it (or undo its end): they edit its unit.</param>
public sealed record PostHeld(
    int AppointmentId, int UnitId, string UnitCode, string UnitEn, string UnitHi, string LevelEn, string LevelHi,
    string PostEn, string PostHi, DateOnly From, DateOnly? Until, string? EndReason = null, DateTime? EndedAt = null, bool Editable = false)
{
    public bool Current => Until is null;
}

/// <summary>A party membership of the same person (the same voter ID): an office bearer who is a member is one person.</summary>
public sealed record MembershipHeld(int MemberId, string Status, int BoothId, string BoothEn, string BoothHi, DateTime Since);

public sealed record SeatHeld(string Kind, int Number, string ConstituencyEn, string ConstituencyHi, DateOnly From, DateOnly? Until);

/// <param name="ContactsMasked">Mobile, e-mail and WhatsApp are masked for this reader (<see cref="Access.Operations.SeeContacts"/>).</param>
public sealed record PersonPageData(
    int Id, string NameEn, string NameHi, string? Mobile, string? Email, int? PhotoId, string? Village,
    string? Jurisdiction, string? Facebook, string? X, string? Instagram, string? YouTube, string? WhatsApp,
    Gender Gender, DateOnly? DateOfBirth, string? VoterId, IReadOnlyList<PostHeld> Posts, IReadOnlyList<SeatHeld> Seats,
    bool ContactsMasked, bool CanEdit, bool CanReveal, IReadOnlyList<MembershipHeld>? Memberships = null)
{
    [JsonIgnore] public ContactsView Contacts => new(Mobile, Email, WhatsApp, ContactsMasked);
}

/// <summary>A person with every post held, current first, then past ones newest first.</summary>
public sealed class GetPersonPage(AppDb db, Door door)
{
    public async Task<PersonPageData?> RunAsync(int personId, CancellationToken ct = default)
    {
        var opened = await door.PersonAsync(personId, Operations.Read, ct);
        if (opened.Resource is not { } person) return null;
        var p = await db.People.AsNoTracking().FirstAsync(x => x.Id == personId, ct);
        var access = await door.CallerAsync(ct);

        var posts = await db.Appointments.AsNoTracking().Where(a => a.PersonId == personId)
            // Posts held at units that have since ended (a booth merged away) are part of the person's history.
            .Join(db.Units.IgnoreQueryFilters(), a => a.UnitId, u => u.Id, (a, u) => new { a, u })
            .Join(db.Posts, x => x.a.PostId, po => po.Id, (x, po) => new { x.a, x.u, po })
            .Select(x => new
            {
                Post = new PostHeld(x.a.Id, x.u.Id, x.u.Code, x.u.NameEn, x.u.NameHi, x.u.Level!.NameEn,
                    x.u.Level.NameHi, x.po.NameEn, x.po.NameHi, x.a.From, x.a.Until, x.a.EndReason, x.a.EndedAt, false),
                x.u.Path, Live = x.u.Until == null,
            })
            .ToListAsync(ct);
        var held = new List<PostHeld>();
        foreach (var x in posts)
            held.Add(x.Post with { Editable = x.Live && await door.AllowsAsync(new UnitResource(x.Post.UnitId, x.Path), Operations.Edit, ct) });
        var seats = await db.Representatives.AsNoTracking().Where(r => r.PersonId == personId)
            .Join(db.Constituencies, r => r.ConstituencyId, c => c.Id, (r, c) => new SeatHeld(
                c.Kind == ConstituencyKind.Parliamentary ? "MP" : "MLA", c.Number, c.NameEn, c.NameHi, r.From, r.Until))
            .ToListAsync(ct);

        // The same voter ID is the same person: their membership, where the reader may see members there.
        var memberships = new List<MembershipHeld>();
        if (p.VoterId is { } voterId)
            memberships = (await (await door.ReachAsync(ct)).Members.AsNoTracking().Where(m => m.VoterId == voterId)
                    .Join(db.Units.IgnoreQueryFilters(), m => m.BoothId, u => u.Id, (m, u) => new { m.Id, m.Status, BoothId = u.Id, u.NameEn, u.NameHi, m.CreatedAt })
                    .ToListAsync(ct))
                .Select(m => new MembershipHeld(m.Id, m.Status.ToString(), m.BoothId, m.NameEn, m.NameHi, m.CreatedAt)).ToList();
        var ordered = held.OrderBy(x => x.Current ? 0 : 1).ThenByDescending(x => x.Until ?? x.From).ToList();
        var contacts = ContactsView.Of(p, await door.AllowsAsync(person, Operations.SeeContacts, ct));
        // A voter ID is no contact: nobody but its owner sees it in full without a recorded reveal.
        var voterIdMasked = p.VoterId is not null && access.PersonId != p.Id;
        return new PersonPageData(p.Id, p.NameEn, p.NameHi, contacts.Mobile, contacts.Email, p.PhotoId, p.Village, p.Jurisdiction,
            p.Facebook, p.X, p.Instagram, p.YouTube, contacts.WhatsApp, p.Gender, p.DateOfBirth,
            voterIdMasked ? PersonRules.MaskVoterId(p.VoterId!) : p.VoterId, ordered, seats, contacts.Masked,
            await door.AllowsAsync(person, Operations.Edit, ct),
            (contacts.Masked || voterIdMasked) && await door.AllowsAsync(person, Operations.Reveal, ct),
            memberships);
    }
}
