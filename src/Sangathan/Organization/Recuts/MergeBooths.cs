using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Merges booths into one, from a day: the others end the day before, their members, office bearers and enrollment
/// grants go into the one that stays. Where the merged booth would have more holders of a post than it has seats, the
/// war room names whose appointments end; someone holding the same post in both keeps one.
/// </summary>
public sealed class MergeBooths(AppDb db, Door door, BoothLevel booths, RecutWork work, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int intoId, MergeInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).EditsAll) return Outcome.Denied();
        var into = await db.Units.FirstOrDefaultAsync(u => u.Id == intoId, ct);
        if (into is null) return Outcome.Missing();
        var errors = new List<FieldError>();
        var boothLevel = await booths.IdAsync(db, ct);
        if (into.LevelId != boothLevel) errors.Add(new("", T("Only booths can be merged.")));
        var on = RecutRules.Day(input.On, clock, errors);
        var reason = RecutRules.Reason(input.Reason, errors);
        RecutRules.Part(input.PartNumber, "PartNumber", errors);
        var ids = (input.BoothIds ?? []).Distinct().Where(id => id != intoId).ToList();
        var others = await db.Units.Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        if (ids.Count == 0) errors.Add(new("BoothIds", T("Choose the booths to merge into this one.")));
        else if (others.Count != ids.Count || others.Any(u => u.LevelId != boothLevel))
            errors.Add(new("BoothIds", T("Choose booths that stand today.")));
        if (others.Any(o => on < (o.From ?? DateOnly.MinValue)) || on < (into.From ?? DateOnly.MinValue))
            errors.Add(new("On", T("A merge cannot take effect before one of its booths began.")));
        if (await db.Units.AnyAsync(u => u.ParentId != null && ids.Contains(u.ParentId.Value), ct))
            errors.Add(new("BoothIds", T("A booth to merge has units under it: move them first.")));
        string? nameEn = input.NameEn is null ? null : RecutRules.Name(input.NameEn, "NameEn", errors);
        string? nameHi = input.NameHi is null ? null : RecutRules.Name(input.NameHi, "NameHi", errors);

        var holders = await db.Appointments.Where(a => (a.UnitId == intoId || ids.Contains(a.UnitId)) && a.Until == null).ToListAsync(ct);
        var ending = (input.EndAppointmentIds ?? []).ToHashSet();
        if (ending.Any(id => holders.All(a => a.Id != id || a.UnitId == intoId)))
            errors.Add(new("EndAppointmentIds", T("Choose appointments at the booths that end.")));
        // Someone holding the same post in both keeps the one at the booth that stays.
        var duplicates = holders.Where(a => a.UnitId != intoId && holders.Any(b => b.UnitId == intoId && b.PostId == a.PostId && b.PersonId == a.PersonId))
            .Select(a => a.Id).ToHashSet();
        var staying = holders.Where(a => !ending.Contains(a.Id) && !duplicates.Contains(a.Id)).ToList();
        await RecutRules.SeatsFitAsync(db, into.LevelId, staying.Select(a => a.PostId), errors, ct);
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work.BeginAsync(RecutKind.Merge, on, reason, ct);
        if ((input.PartNumber is { } part && part != into.PartNumber) || (nameEn is not null && nameEn != into.NameEn) || (nameHi is not null && nameHi != into.NameHi))
        {
            await work.ChangeUnitAsync(into, ct);
            into.PartNumber = input.PartNumber ?? into.PartNumber;
            into.NameEn = nameEn ?? into.NameEn;
            into.NameHi = nameHi ?? into.NameHi;
            into.NameKey = People.PersonRules.KeyOf(into.NameEn);
        }
        var members = await db.Members.Where(m => ids.Contains(m.BoothId)).Select(m => m.Id).ToListAsync(ct);
        await work.MoveMembersAsync(members, intoId, ct);
        foreach (var a in holders.Where(a => a.UnitId != intoId))
        {
            if (ending.Contains(a.Id) || duplicates.Contains(a.Id)) work.EndAppointment(a);
            else work.MoveAppointment(a, intoId);
        }
        foreach (var g in await db.Grants.Where(g => ids.Contains(g.UnitId) && g.RevokedAt == null).ToListAsync(ct))
            work.MoveGrant(g, intoId);
        foreach (var o in others) work.EndUnit(o);
        work.Touch(intoId);
        await work.FinishAsync($"{string.Join(", ", others.Select(o => o.Code))} → {into.Code}", ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(work.Id);
    }
}
