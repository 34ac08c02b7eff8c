using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Dashboards;

/// <summary>The war room's goal for a place; every field empty removes it.</summary>
public sealed record GoalInput(
    [Range(0, DashboardRules.MaxTarget)] int? Members,
    DateOnly? From, DateOnly? Until,
    [Range(1, 100_000)] int? VerifiedPerBooth);

/// <summary>How many units of each level should exist under a place: level id to count; a missing or empty count removes it.</summary>
public sealed record ExpectedInput(IReadOnlyDictionary<int, int?> Counts);

/// <summary>
/// Sets a place's goal and its expected unit counts: those who edit a unit set its own (the district president his
/// district's, the war room anyone's); a constituency's are the war room's. Audited as any change.
/// </summary>
public sealed class SetGoal(AppDb db, Places places, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(ScopeKind kind, int id, GoalInput input, CancellationToken ct)
    {
        var (open, refusal) = await places.OpenAsync(kind, id, Operations.Edit, ct);
        if (open is null) return refusal;
        if (input.Members is < 0 or > DashboardRules.MaxTarget)
            return Outcome.Fail(new FieldError(nameof(GoalInput.Members), T("A target is a number of members from 0 to {0}.", DashboardRules.MaxTarget.ToString("N0"))));
        if (input.Members is > 0 && (input.From is null || input.Until is null))
            return Outcome.Fail(new FieldError(nameof(GoalInput.Until), T("Give the drive's first and last day with the target.")));
        if (input.From is { } f && input.Until is { } u && u < f)
            return Outcome.Fail(new FieldError(nameof(GoalInput.Until), T("The last day comes before the first.")));
        if (input.VerifiedPerBooth is < 1 or > 100_000)
            return Outcome.Fail(new FieldError(nameof(GoalInput.VerifiedPerBooth), T("Verified members for a covered booth: a number from 1 to 100,000.")));

        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Kind == kind && g.ScopeId == id, ct);
        var empty = input.Members is null or 0 && input.VerifiedPerBooth is null;
        if (empty)
        {
            if (goal is not null) db.Goals.Remove(goal);
        }
        else
        {
            if (goal is null) db.Goals.Add(goal = new Goal { Kind = kind, ScopeId = id });
            goal.Members = input.Members is 0 ? null : input.Members;
            goal.From = goal.Members is null ? null : input.From;
            goal.Until = goal.Members is null ? null : input.Until;
            goal.VerifiedPerBooth = input.VerifiedPerBooth;
            goal.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(id);
    }

    public async Task<Outcome> ExpectAsync(ScopeKind kind, int id, ExpectedInput input, CancellationToken ct)
    {
        var (open, refusal) = await places.OpenAsync(kind, id, Operations.Edit, ct);
        if (open is null) return refusal;
        // A body without counts is the client's mistake (a 400 naming the field), never a null read.
        if (input.Counts is null)
            return Outcome.Fail(new FieldError("Counts", T("Give the expected number of units for at least one level.")));
        var levels = await db.Levels.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Depth, ct);
        var depth = open.Path is { } path ? Organization.UnitRules.IdsOn(path).Length - 1 : -1;
        foreach (var (levelId, count) in input.Counts)
        {
            if (!levels.TryGetValue(levelId, out var levelDepth) || levelDepth <= depth)
                return Outcome.Fail(new FieldError("Counts", T("Only levels below this one can be expected.")));
            if (count is < 0 or > 1_000_000)
                return Outcome.Fail(new FieldError("Counts", T("An expected count is a number from 0 to 1,000,000.")));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = input.Counts.Keys.ToList();
        var stated = await db.ExpectedUnits.Where(x => x.Kind == kind && x.ScopeId == id && ids.Contains(x.LevelId)).ToDictionaryAsync(x => x.LevelId, ct);
        foreach (var (levelId, count) in input.Counts)
        {
            stated.TryGetValue(levelId, out var row);
            if (count is null)
            {
                if (row is not null) db.ExpectedUnits.Remove(row);
                continue;
            }
            if (row is null) db.ExpectedUnits.Add(row = new ExpectedUnits { Kind = kind, ScopeId = id, LevelId = levelId });
            row.Count = count.Value;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(id);
    }
}
