using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <param name="BelowLevelId">A new level goes right below this one (below the booth: page committees).</param>
public sealed record LevelInput(string? Key, string? NameEn, string? NameHi, int? BelowLevelId);

/// <summary>
/// The state administrator names a level anew, or adds one below any level. A level added between two that hold units
/// gets, under each unit of the level above that has units below it, one unit of the new level holding them all (named
/// after it, to be renamed or split later), so the tree keeps one level per depth; their counts follow.
/// </summary>
public sealed class SaveLevel(AppDb db, Door door, BoothLevel booths, AuditLog audit)
{
    public async Task<Outcome> RenameAsync(int levelId, LevelInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).IsAdmin) return Outcome.Denied();
        var level = await db.Levels.FirstOrDefaultAsync(l => l.Id == levelId, ct);
        if (level is null) return Outcome.Missing();
        var errors = new List<FieldError>();
        var nameEn = PersonRules.Clean(input.NameEn);
        var nameHi = PersonRules.Clean(input.NameHi);
        SavePost.Names(errors, "NameEn", nameEn);
        SavePost.Names(errors, "NameHi", nameHi);
        if (input.Key is { Length: > 0 } key && !string.Equals(key.Trim(), level.Key, StringComparison.OrdinalIgnoreCase))
            errors.Add(new("Key", T("A level's key cannot change: files and settings name the level by it.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        level.NameEn = nameEn;
        level.NameHi = nameHi;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(level.Id);
    }

    public async Task<Outcome> AddAsync(LevelInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).IsAdmin) return Outcome.Denied();
        var errors = new List<FieldError>();
        var key = (input.Key ?? "").Trim().ToLowerInvariant();
        var nameEn = PersonRules.Clean(input.NameEn);
        var nameHi = PersonRules.Clean(input.NameHi);
        if (key.Length is 0 or > SavePost.MaxKey || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            errors.Add(new("Key", T("A key is 1 to {0} small letters a-z, digits and '-'.", SavePost.MaxKey)));
        else if (await db.Levels.AnyAsync(l => l.Key == key, ct))
            errors.Add(new("Key", T("Another level already has the key {0}.", key)));
        SavePost.Names(errors, "NameEn", nameEn);
        SavePost.Names(errors, "NameHi", nameHi);
        var above = input.BelowLevelId is { } id ? await db.Levels.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) : null;
        if (above is null) errors.Add(new("BelowLevelId", T("Choose the level the new one goes below.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Room for it: the levels below go one down, in two steps, since no two levels may share a depth at any moment.
        await db.Levels.Where(l => l.Depth > above!.Depth).ExecuteUpdateAsync(s => s.SetProperty(l => l.Depth, l => -l.Depth - 1), ct);
        await db.Levels.Where(l => l.Depth < 0).ExecuteUpdateAsync(s => s.SetProperty(l => l.Depth, l => -l.Depth), ct);
        var level = new Level { Key = key, NameEn = nameEn, NameHi = nameHi, Depth = above!.Depth + 1 };
        db.Levels.Add(level);
        await db.SaveChangesAsync(ct);
        var made = await PlaceUnitsAsync(above, level, ct);
        await audit.RecordAsync(new AuditDraft("level-added", nameof(Level), level.Id.ToString(),
            After: JsonSerializer.Serialize(new { key, below = above.Key, unitsAdded = made })), ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(level.Id);
    }

    /// <summary>Puts one unit of the new level under each unit of the level above that has children, the children under it.</summary>
    async Task<int> PlaceUnitsAsync(Level above, Level level, CancellationToken ct)
    {
        var parents = await db.Units.AsNoTracking().Where(u => u.LevelId == above.Id && db.Units.IgnoreQueryFilters().Any(c => c.ParentId == u.Id))
            .OrderBy(u => u.Id).ToListAsync(ct);
        if (parents.Count == 0) return 0;
        var taken = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var middles = parents.Select(p => new Unit
        {
            Code = FreeCode(level.Key.ToUpperInvariant(), p, taken), NameEn = $"{p.NameEn} {level.NameEn}",
            NameHi = $"{p.NameHi} {level.NameHi}", NameKey = PersonRules.KeyOf($"{p.NameEn} {level.NameEn}"), LevelId = level.Id,
            ParentId = p.Id, Depth = level.Depth, AssemblyConstituencyId = null,
        }).ToList();
        db.Units.AddRange(middles);
        await db.SaveChangesAsync(ct);

        var boothDepth = await booths.DepthAsync(db, ct);
        for (var i = 0; i < parents.Count; i++)
        {
            var (parent, middle) = (parents[i], middles[i]);
            var path = UnitRules.PathOf(parent.Path, middle.Id);
            var region = UnitRules.RegionOn(path);
            // Everything under the parent now lies one level deeper, under the new unit (units that ended too: history).
            var under = db.Units.IgnoreQueryFilters().Under(parent.Path).Where(u => u.Id != parent.Id && u.Id != middle.Id);
            await under.Where(u => u.ParentId == parent.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ParentId, middle.Id), ct);
            var moved = Subtree.Moved(parent.Path, path);
            await under.ExecuteUpdateAsync(s =>
            {
                s.SetProperty(u => u.Path, moved);
                s.SetProperty(u => u.Depth, u => u.Depth + 1);
                // A level right below the top makes the new units the regions (districts, by default).
                if (level.Depth == 1) s.SetProperty(u => u.RegionId, middle.Id);
            }, ct);
            await db.Units.Where(u => u.Id == middle.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Path, path).SetProperty(u => u.RegionId, region), ct);
            // Members belong to booths: the new unit holds all the parent counted, unless the parent is a booth (or below).
            if (parent.Depth < boothDepth) await TallyShift.CopyAsync(db, parent.Id, middle.Id, ct);
        }
        db.ChangeTracker.Clear();
        await UnitTally.RecountAsync(db, middles.Select(m => m.Id).ToList(), ct);
        return middles.Count;
    }

    /// <summary>The level's key before the parent's code; by the parent's id should that be taken or too long to tell apart.</summary>
    static string FreeCode(string key, Unit parent, HashSet<string> taken)
    {
        var code = Fit($"{key}-{parent.Code}");
        if (taken.Add(code)) return code;
        code = Fit($"{key}-{parent.Id}");
        taken.Add(code);
        return code;
    }

    static string Fit(string code) => code.Length <= UnitRules.MaxCode ? code : code[..UnitRules.MaxCode];
}
