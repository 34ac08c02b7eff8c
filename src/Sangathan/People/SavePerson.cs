using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.People;

/// <summary>Creates or edits a person; a changed mobile or photo moves the counters of every unit they serve.</summary>
public sealed class SavePerson(AppDb db, TimeProvider clock, Door door)
{
    public async Task<Outcome> CreateAsync(PersonInput input, PhotoUpload? photo, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).ReachesAnywhere(Operations.Edit)) return Outcome.Denied();
        var (person, errors) = await CheckAsync(null, input, ct);
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (photo is not null) person.PhotoId = await PhotoStore.SaveAsync(db, photo, ct);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(person.Id);
    }

    public async Task<Outcome> UpdateAsync(int id, PersonInput input, PhotoUpload? photo, CancellationToken ct = default)
    {
        var opened = await door.PersonAsync(id, Operations.Edit, ct);
        if (opened.Resource is not { } person) return opened.Refusal;
        var existing = await db.People.FirstAsync(p => p.Id == id, ct);
        // An editor who sees the contacts masked was never shown them, so a field left empty keeps the one on record:
        // the form cannot hand out what the reader may not see, nor wipe it by accident.
        if (!await door.AllowsAsync(person, Operations.SeeContacts, ct))
            input = input with
            {
                Mobile = Blank(input.Mobile) ? existing.Mobile : input.Mobile,
                Email = Blank(input.Email) ? existing.Email : input.Email,
                WhatsApp = Blank(input.WhatsApp) ? existing.WhatsApp : input.WhatsApp,
            };
        var (clean, errors) = await CheckAsync(id, input, ct);
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var photoId = photo is null ? existing.PhotoId : await PhotoStore.SaveAsync(db, photo, ct);
        clean.Id = id;
        clean.PhotoId = photoId;
        // Forms never show the voter ID in full, so one left empty keeps what is on record.
        clean.VoterId ??= existing.VoterId;
        db.Entry(existing).CurrentValues.SetValues(clean);
        await db.SaveChangesAsync(ct);
        var units = await db.Appointments.Where(a => a.PersonId == id && a.Until == null).Select(a => a.UnitId).Distinct().ToListAsync(ct);
        await UnitTally.RecountAsync(db, units, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(id);
    }

    static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>A new photo alone, as the API sends it: refused, and nothing saved, unless it is a real image.</summary>
    public async Task<Outcome> SetPhotoAsync(int id, byte[]? upload, CancellationToken ct = default)
    {
        var opened = await door.PersonAsync(id, Operations.Edit, ct);
        if (opened.Resource is null) return opened.Refusal;
        if (upload is null) return Outcome.Fail(new FieldError("Photo", T("Choose a photo.")));
        var (photo, error) = PhotoUpload.Check(upload);
        if (photo is null) return Outcome.Fail(new FieldError("Photo", error!));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var photoId = await PhotoStore.SaveAsync(db, photo, ct);
        var person = await db.People.FirstAsync(p => p.Id == id, ct);
        person.PhotoId = photoId;
        await db.SaveChangesAsync(ct);
        var units = await db.Appointments.Where(a => a.PersonId == id && a.Until == null).Select(a => a.UnitId).Distinct().ToListAsync(ct);
        await UnitTally.RecountAsync(db, units, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(photoId);
    }

    async Task<(Person, List<FieldError>)> CheckAsync(int? id, PersonInput input, CancellationToken ct)
    {
        var (person, errors) = PersonValidation.Check(input, clock);
        if (person.Mobile is { } mobile && await db.People.AnyAsync(p => p.Mobile == mobile && p.Id != (id ?? 0), ct))
            errors.Add(new("Mobile", T("Another person already has this mobile number.")));
        if (person.VoterId is { } voterId && await db.People.AnyAsync(p => p.VoterId == voterId && p.Id != (id ?? 0), ct))
            errors.Add(new("VoterId", T("Another person already has this voter ID.")));
        return (person, errors);
    }
}
