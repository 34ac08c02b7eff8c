using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>
/// Splits a booth into two or more, from a day (as a revision of polling stations does): the booth stays as one part,
/// each new part gets the members named by voter ID or village and the office bearers chosen, and everything else
/// stays. Members and posts move as of the day, so the tree as it stood the day before is still shown as it was.
/// </summary>
public sealed class SplitBooth(AppDb db, Door door, BoothLevel booths, RecutWork work, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(int boothId, SplitInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).EditsAll) return Outcome.Denied();
        var booth = await db.Units.FirstOrDefaultAsync(u => u.Id == boothId, ct);
        if (booth is null) return Outcome.Missing();
        var errors = new List<FieldError>();
        if (booth.LevelId != await booths.IdAsync(db, ct)) errors.Add(new("", T("Only a booth can be split.")));
        var on = RecutRules.Day(input.On, clock, errors);
        if (booth.From is { } from && on < from) errors.Add(new("On", T("The booth began on {0}: a re-cut of it cannot take effect earlier.", from.ToString("d MMM yyyy"))));
        var reason = RecutRules.Reason(input.Reason, errors);
        RecutRules.Part(input.PartNumber, "PartNumber", errors);
        var parts = input.Into ?? [];
        if (parts.Count is < 1 or > RecutRules.MaxParts) errors.Add(new("Into", T("A split makes 1 to {0} new booths.", RecutRules.MaxParts)));
        var clean = parts.Select((p, i) => (Code: RecutRules.Code(p.Code, $"Into[{i}].Code", errors), NameEn: RecutRules.Name(p.NameEn, $"Into[{i}].NameEn", errors),
            NameHi: RecutRules.Name(p.NameHi, $"Into[{i}].NameHi", errors), p)).ToList();
        foreach (var (p, i) in parts.Select((p, i) => (p, i))) RecutRules.Part(p.PartNumber, $"Into[{i}].PartNumber", errors);
        await RecutRules.CodesFreeAsync(db, clean.Select(c => c.Code).Where(c => c.Length > 0).ToList(), [], errors, ct);

        var members = await db.Members.Where(m => m.BoothId == boothId).Select(m => new { m.Id, m.VoterId, m.Village }).ToListAsync(ct);
        var bearers = await db.Appointments.Where(a => a.UnitId == boothId && a.Until == null).ToListAsync(ct);
        var chosen = new List<(int Part, List<int> Members, List<Appointment> Bearers)>();
        for (var i = 0; i < parts.Count; i++)
        {
            var voterIds = (parts[i].VoterIds ?? []).Select(v => PersonRules.NormalizeVoterId(v) ?? v.Trim().ToUpperInvariant()).Where(v => v.Length > 0).ToHashSet();
            var villages = (parts[i].Villages ?? []).Select(v => PersonRules.Clean(v).ToLowerInvariant()).Where(v => v.Length > 0).ToHashSet();
            var unknown = voterIds.Where(v => members.All(m => m.VoterId != v)).ToList();
            if (unknown.Count > 0)
                errors.Add(new($"Into[{i}].VoterIds", T("Not members of this booth: {0}.", string.Join(", ", unknown.Take(10).Select(PersonRules.MaskVoterId)))));
            var ids = members.Where(m => voterIds.Contains(m.VoterId) || (m.Village is { } v && villages.Contains(PersonRules.Clean(v).ToLowerInvariant())))
                .Select(m => m.Id).ToList();
            var moving = bearers.Where(a => (parts[i].AppointmentIds ?? []).Contains(a.Id)).ToList();
            if ((parts[i].AppointmentIds ?? []).Any(id => moving.All(a => a.Id != id)))
                errors.Add(new($"Into[{i}].AppointmentIds", T("Choose office bearers who hold a post at this booth now.")));
            await RecutRules.SeatsFitAsync(db, booth.LevelId, moving.Select(a => a.PostId), errors, ct);
            chosen.Add((i, ids, moving));
        }
        if (chosen.SelectMany(c => c.Members).GroupBy(m => m).Any(g => g.Count() > 1))
            errors.Add(new("Into", T("A member can go to one new booth only.")));
        if (chosen.SelectMany(c => c.Bearers).GroupBy(a => a.Id).Any(g => g.Count() > 1))
            errors.Add(new("Into", T("An office bearer can go to one new booth only.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        var parent = await db.Units.AsNoTracking().FirstAsync(u => u.Id == booth.ParentId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work.BeginAsync(RecutKind.Split, on, reason, ct);
        if (input.PartNumber is { } own && own != booth.PartNumber)
        {
            await work.ChangeUnitAsync(booth, ct);
            booth.PartNumber = own;
        }
        var names = new List<string>();
        foreach (var (part, ids, moving) in chosen)
        {
            var c = clean[part];
            var unit = await work.StartUnitAsync(booth, parent, c.Code, c.NameEn, c.NameHi, c.p.PartNumber, ct);
            await work.MoveMembersAsync(ids, unit.Id, ct);
            foreach (var a in moving) work.MoveAppointment(a, unit.Id);
            names.Add(c.Code);
        }
        work.Touch(booth.Id);
        await work.FinishAsync($"{booth.Code} → {booth.Code}, {string.Join(", ", names)}", ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(work.Id);
    }
}
