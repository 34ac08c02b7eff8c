using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Geography;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Import;

/// <summary>
/// The whole unit tree, levels, posts and assembly constituencies in memory for one import run: a 54,000-row
/// file looks up its units by name among siblings tens of thousands of times, which must not each be a query.
/// Units the file creates join it, so later rows find them (in a check they are never saved).
/// </summary>
internal sealed class ImportTree
{
    readonly Dictionary<string, Unit> byCode = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<Unit, List<Unit>> children = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Unit, Dictionary<string, Unit>> childByKey = new(ReferenceEqualityComparer.Instance);
    // Built for a parent only when a name under it is not found as written: most files never need it.
    readonly Dictionary<Unit, Dictionary<string, Unit?>> childBySpelling = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<int, Unit> byId = [];
    public required IReadOnlyList<Level> Levels { get; init; }
    public required ILookup<int, Post> PostsByLevel { get; init; }
    public required IReadOnlyList<Constituency> Assemblies { get; init; }
    public Unit? Root { get; private set; }

    /// <summary>The polling booth's level: only its units carry a part number and an assembly constituency.</summary>
    public required int BoothLevelId { get; init; }

    public static async Task<ImportTree> LoadAsync(AppDb db, int boothLevelId, CancellationToken ct)
    {
        var tree = new ImportTree
        {
            BoothLevelId = boothLevelId,
            Levels = await db.Levels.AsNoTracking().OrderBy(l => l.Depth).ToListAsync(ct),
            // A retired post takes no one: a row naming it is refused as naming no post.
            PostsByLevel = (await db.Posts.AsNoTracking().Where(p => p.Until == null).ToListAsync(ct)).ToLookup(p => p.LevelId),
            Assemblies = await db.Constituencies.AsNoTracking().Where(c => c.Kind == ConstituencyKind.Assembly).ToListAsync(ct),
        };
        await foreach (var unit in db.Units.AsNoTracking().OrderBy(u => u.Depth).AsAsyncEnumerable().WithCancellation(ct))
            tree.Add(unit);
        return tree;
    }

    public void Add(Unit unit)
    {
        byCode[unit.Code] = unit;
        if (unit.Id != 0) byId[unit.Id] = unit;
        if (unit.ParentId is null && unit.Depth == 0) Root ??= unit;
        else if (ParentOf(unit) is { } parent) AddChild(parent, unit);
    }

    /// <summary>A unit the file created has a parent object before it has a parent id.</summary>
    readonly ConditionalWeakTable<Unit, Unit> newParents = new();

    public void AddNew(Unit unit, Unit parent)
    {
        newParents.AddOrUpdate(unit, parent);
        byCode[unit.Code] = unit;
        AddChild(parent, unit);
    }

    void AddChild(Unit parent, Unit child)
    {
        if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
        list.Add(child);
        if (!childByKey.TryGetValue(parent, out var keys)) childByKey[parent] = keys = [];
        // The first of two same-named siblings keeps the name, as a search by name would find it first.
        keys.TryAdd(Names.Key(child.NameEn), child);
        keys.TryAdd(Names.Key(child.NameHi), child);
        if (childBySpelling.TryGetValue(parent, out var spellings)) AddSpellings(spellings, child);
    }

    static void AddSpellings(Dictionary<string, Unit?> spellings, Unit child)
    {
        foreach (var key in new[] { UnitNameMatch.SpellingKey(child.NameEn), UnitNameMatch.SpellingKey(child.NameHi) }.Distinct())
            // Two children with one spelling: neither is picked (null marks the key as taken twice).
            if (key.Length > 0 && !spellings.TryAdd(key, child) && !ReferenceEquals(spellings[key], child)) spellings[key] = null;
    }

    /// <summary>The one child whose name is spelled like the written one (<see cref="UnitNameMatch.SpellingKey"/>).</summary>
    public Unit? ChildSpelled(Unit parent, string written)
    {
        if (!childBySpelling.TryGetValue(parent, out var spellings))
        {
            childBySpelling[parent] = spellings = [];
            foreach (var child in ChildrenOf(parent)) AddSpellings(spellings, child);
        }
        return spellings.GetValueOrDefault(UnitNameMatch.SpellingKey(written));
    }

    /// <summary>A child by its name in either script, compared as <see cref="Names.Key"/> does.</summary>
    public Unit? ChildNamed(Unit parent, string key) =>
        childByKey.TryGetValue(parent, out var keys) ? keys.GetValueOrDefault(key) : null;

    public Unit? ParentOf(Unit unit) =>
        newParents.TryGetValue(unit, out var p) ? p : unit.ParentId is { } id && byId.TryGetValue(id, out var q) ? q : null;

    /// <summary>Called once a commit has saved new units: they are then found by id like the rest.</summary>
    public void Saved(Unit unit) => byId[unit.Id] = unit;

    public Unit? ByCode(string code) => byCode.GetValueOrDefault(code.Trim());

    public IReadOnlyList<Unit> ChildrenOf(Unit unit) => children.TryGetValue(unit, out var list) ? list : [];

    public Level? LevelAt(int depth) => Levels.FirstOrDefault(l => l.Depth == depth);

    /// <summary>The path of the nearest ancestor already in the database: what access rules judge a new unit by.</summary>
    public string SavedPathOf(Unit unit)
    {
        for (Unit? u = unit; u is not null; u = ParentOf(u))
            if (u.Id != 0) return u.Path;
        return "/";
    }
}
