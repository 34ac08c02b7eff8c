using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Import;

/// <summary>
/// Works out what each row would do, row after row, remembering what earlier rows of the same file created
/// or used (so a person twice in the file is one person, and a new mandal is found by the booths under it).
/// A check and a commit plan the same way; only the commit then saves (<see cref="ChunkWriter"/>).
/// </summary>
internal sealed partial class RowPlanner(AppDb db, ImportTree tree, Access.Reach reach, DateOnly today)
{
    /// <summary>People on record whom the uploader may not see: a row naming one is refused, naming nobody, changing nothing.</summary>
    readonly HashSet<int> outOfReach = [];
    readonly Dictionary<string, Person> peopleByMobile = [];
    readonly Dictionary<string, (int Row, string NameKey)> mobilesSeen = [];
    readonly Dictionary<string, Person> peopleByVoterId = [];
    readonly Dictionary<string, (int Row, string NameKey)> voterIdsSeen = [];
    readonly Dictionary<(Unit, int, string), int> holdersSeen = [];
    readonly Dictionary<int, List<(int PostId, int PersonId, string NameKey)>> holdersInDb = [];
    readonly Dictionary<Unit, List<(int PostId, Person Person)>> holdersPlanned = new(ReferenceEqualityComparer.Instance);
    /// <summary>Every change to a unit or person already in the database, with the value it had, for the audit's "before".</summary>
    public List<(object Entity, string Property, object? Before, object? After)> Changes { get; } = [];

    /// <summary>Plans a chunk of rows: units first (in memory), then one query each for the people and holders they name.</summary>
    public async Task<List<RowPlan>> PlanAsync(IReadOnlyList<ImportRecord> records, IReadOnlySet<int> included, CancellationToken ct)
    {
        var plans = records.Select(r => new RowPlan(r)).ToList();
        foreach (var plan in plans) ResolveUnit(plan);
        await LoadPeopleAsync(plans, ct);
        await LoadHoldersAsync(plans, ct);
        foreach (var plan in plans.Where(p => p.Problems.Count == 0)) ResolvePerson(plan, included.Contains(plan.Record.Number));
        return plans;
    }

    void ResolveUnit(RowPlan plan)
    {
        var r = plan.Record;
        var unit = tree.Root;
        if (unit is null) { plan.Problem("", "The tree has no state unit yet: add it before importing."); return; }
        if (r[Fields.ParentCode] is { } parentCode)
        {
            unit = tree.ByCode(parentCode);
            if (unit is null) { plan.Problem(Fields.ParentCode, "No unit has the code {0}.", parentCode); return; }
        }
        // Down the levels the row names, one column per level (district, block, ...), creating what is missing.
        foreach (var level in tree.Levels.Where(l => l.Depth > unit.Depth))
        {
            if (r[level.Key] is not { } written) continue;
            if (level.Depth != unit.Depth + 1)
            {
                plan.Problem(level.Key, "The row skips the level above this one.");
                return;
            }
            var found = FindChild(unit, written, level);
            if (found is null)
            {
                if (level.Depth == 1) { plan.Problem(level.Key, "No {0} is called {1}.", level, written); return; }
                var deepest = !tree.Levels.Any(l => l.Depth > level.Depth && r[l.Key] is not null);
                found = NewUnit(plan, unit, level, written, deepest ? r[Fields.UnitCode] : null);
            }
            unit = found;
        }
        if (r[Fields.UnitCode] is { } code && !string.Equals(unit.Code, code, StringComparison.OrdinalIgnoreCase))
        {
            var byCode = tree.ByCode(code);
            if (byCode is not null) unit = byCode;
            else if (tree.LevelAt(unit.Depth + 1) is { } below && (r[Fields.UnitNameEn] ?? r[Fields.UnitNameHi]) is { } name)
                unit = NewUnit(plan, unit, below, name, code);
            else { plan.Problem(Fields.UnitCode, "No unit has the code {0}.", code); return; }
        }
        if (unit == tree.Root && r[Fields.UnitCode] is null && plan.NewUnits.Count == 0 && r[Fields.Post] is not null
            && !tree.Levels.Any(l => r[l.Key] is not null))
        {
            plan.Problem("", "The row does not say which unit it is about.");
            return;
        }
        if (!reach.Access.Reaches(Access.Operations.Edit, tree.SavedPathOf(unit)))
        {
            plan.Problem("", "This unit is outside your jurisdiction.");
            return;
        }
        plan.Unit = unit;
        UpdateUnit(plan, unit);
    }

    Unit? FindChild(Unit parent, string written, Level level)
    {
        if (tree.ByCode(written) is { } coded && tree.ParentOf(coded) == parent) return coded;
        if (tree.ChildNamed(parent, Names.Key(written)) is { } named) return named;
        var siblings = tree.ChildrenOf(parent);
        if (int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var part)
            && siblings.FirstOrDefault(u => u.PartNumber == part) is { } numbered) return numbered;
        // A unit this import made earlier from the same words, though a name column then named it otherwise.
        if (tree.ByCode(GeneratedCode(parent, level, PersonRules.Clean(written))) is { } made && tree.ParentOf(made) == parent) return made;
        return tree.ChildSpelled(parent, written) ?? (level.Depth == 1 ? UnitNameMatch.Near(siblings, written) : null);
    }

    Unit NewUnit(RowPlan plan, Unit parent, Level level, string written, string? code)
    {
        var r = plan.Record;
        var deepest = !tree.Levels.Any(l => l.Depth > level.Depth && r[l.Key] is not null);
        var nameEn = deepest ? r[Fields.UnitNameEn] : null;
        var nameHi = deepest ? r[Fields.UnitNameHi] : null;
        var cleanWritten = PersonRules.Clean(written);
        // A booth written as its number ("12") is its part number, named "Booth 12" unless the row names it.
        var numbered = int.TryParse(cleanWritten, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 9999;
        if (numbered)
        {
            nameEn ??= nameHi is null ? $"{level.NameEn} {number}" : null;
            nameHi ??= $"{level.NameHi} {number}";
            nameEn ??= nameHi;
        }
        nameEn ??= Names.IsDevanagari(cleanWritten) ? nameHi ?? cleanWritten : cleanWritten;
        nameHi ??= Names.IsDevanagari(cleanWritten) ? cleanWritten : nameEn;
        var unit = new Unit
        {
            Code = (code ?? GeneratedCode(parent, level, cleanWritten)).ToUpperInvariant(),
            NameEn = PersonRules.Clean(nameEn), NameHi = PersonRules.Clean(nameHi), NameKey = PersonRules.KeyOf(nameEn),
            LevelId = level.Id, Depth = level.Depth, ParentId = parent.Id == 0 ? null : parent.Id,
        };
        if (unit.Code.Length > UnitRules.MaxCode || !unit.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            plan.Problem(Fields.UnitCode, "A code may hold only letters A-Z, digits, '-' and '_'.");
        // A part number and a constituency are the polling booth's, whatever levels lie above or below it.
        var booth = level.Id == tree.BoothLevelId;
        if (numbered && booth) unit.PartNumber = number;
        if (booth && r[Fields.PartNumber] is { } partText)
        {
            if (int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out var part) && part is >= 1 and <= 9999) unit.PartNumber = part;
            else plan.Problem(Fields.PartNumber, "The part number must be between 1 and 9999.");
        }
        if (booth && r[Fields.Constituency] is { } ac)
        {
            if (FindConstituency(ac) is { } id) unit.AssemblyConstituencyId = id;
            else plan.Problem(Fields.Constituency, "No assembly constituency is called {0}.", ac);
        }
        tree.AddNew(unit, parent);
        plan.NewUnits.Add((unit, parent));
        return unit;
    }

    /// <summary>The same name under the same parent always gets the same code, so a file imported twice finds its own units.</summary>
    static string GeneratedCode(Unit parent, Level level, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{parent.Code}/{Names.Key(name)}"));
        return $"{level.Key[..1].ToUpperInvariant()}{Convert.ToHexString(hash)[..9]}";
    }

    int? FindConstituency(string written)
    {
        if (int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return tree.Assemblies.FirstOrDefault(c => c.Number == number)?.Id;
        var key = Names.Key(written);
        return tree.Assemblies.FirstOrDefault(c => Names.Key(c.NameEn) == key || Names.Key(c.NameHi) == key)?.Id;
    }

    void UpdateUnit(RowPlan plan, Unit unit)
    {
        if (unit.Id == 0 && plan.NewUnits.Any(n => n.Unit == unit)) return;
        var r = plan.Record;
        if (r[Fields.UnitNameEn] is { } en && PersonRules.Clean(en) != unit.NameEn) Change(plan, unit, nameof(Unit.NameEn), PersonRules.Clean(en));
        if (r[Fields.UnitNameHi] is { } hi && PersonRules.Clean(hi) != unit.NameHi) Change(plan, unit, nameof(Unit.NameHi), PersonRules.Clean(hi));
        if (unit.LevelId == tree.BoothLevelId && r[Fields.PartNumber] is { } p && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var part) && part != unit.PartNumber
            && part is >= 1 and <= 9999)
            Change(plan, unit, nameof(Unit.PartNumber), (int?)part);
    }

    void Change(RowPlan plan, object entity, string property, object? value)
    {
        var field = entity.GetType().GetProperty(property)!;
        Changes.Add((entity, property, field.GetValue(entity), value));
        // Later rows of the file see the change at once; a commit saves it through EF (ChunkWriter).
        field.SetValue(entity, value);
        if (entity is Unit u) { if (!plan.ChangedUnits.Contains(u)) plan.ChangedUnits.Add(u); }
        else plan.PersonChanged = true;
    }
}
