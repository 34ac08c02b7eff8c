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
internal sealed partial class RowPlanner(AppDb db, ImportTree tree, Access.Reach reach, DateOnly today,
    IReadOnlyDictionary<string, UnitChoice> choices, bool committing)
{
    /// <summary>Each row's cells as compared (<see cref="Names.Key"/>), to the first row that had them: a row repeated is a duplicate.</summary>
    readonly Dictionary<string, int> rowsSeen = [];
    /// <summary>New units and unknown posts the file names, by <see cref="ImportProposal.Key"/>, with the rows naming them.</summary>
    public Dictionary<string, ImportProposal> Proposals { get; } = [];
    readonly Dictionary<Unit, string> proposedUnits = new(ReferenceEqualityComparer.Instance);
    /// <summary>People on record whom the uploader may not see: a row naming one is refused, naming nobody, changing nothing.</summary>
    readonly HashSet<int> outOfReach = [];
    readonly Dictionary<string, Person> peopleByMobile = [];
    readonly Dictionary<string, (int Row, string NameKey)> mobilesSeen = [];
    readonly Dictionary<string, Person> peopleByVoterId = [];
    readonly Dictionary<string, (int Row, string NameKey)> voterIdsSeen = [];
    readonly Dictionary<(Unit, int, string), int> holdersSeen = [];
    /// <summary>Each (unit, post, person) a row of the file names, to the first row naming it: a second is its duplicate.</summary>
    readonly Dictionary<(Unit, int, Person), int> heldSeen = [];
    readonly Dictionary<int, List<(int PostId, Person Person)>> holdersInDb = [];
    readonly Dictionary<Unit, List<(int PostId, Person Person)>> holdersPlanned = new(ReferenceEqualityComparer.Instance);
    /// <summary>One object a person on record, however many look-ups bring them (by mobile, by voter ID, as a holder).</summary>
    readonly Dictionary<int, Person> peopleById = [];
    /// <summary>The row whose details a person got in this file: a later row does not change them again (see UpdatePerson).</summary>
    readonly Dictionary<Person, int> detailsFrom = new(ReferenceEqualityComparer.Instance);
    /// <summary>Every change to a unit or person already in the database, with the value it had, for the audit's "before".</summary>
    public List<(object Entity, string Property, object? Before, object? After)> Changes { get; } = [];

    /// <summary>Plans a chunk of rows: units first (in memory), then one query each for the people and holders they name.</summary>
    public async Task<List<RowPlan>> PlanAsync(IReadOnlyList<ImportRecord> records, IReadOnlySet<int> included, CancellationToken ct)
    {
        var plans = records.Select(r => new RowPlan(r)).ToList();
        // People an earlier chunk of a commit created have their ids now, and are found by them like the rest.
        foreach (var person in detailsFrom.Keys.Where(p => p.Id != 0)) peopleById.TryAdd(person.Id, person);
        foreach (var plan in plans)
            if (!Repeats(plan)) ResolveUnit(plan);
        await LoadPeopleAsync(plans, ct);
        await LoadHoldersAsync(plans, ct);
        foreach (var plan in plans.Where(p => !p.Stopped)) ResolvePerson(plan, included.Contains(plan.Record.Number));
        return plans;
    }

    /// <summary>A row with the same cells as an earlier one (however spaced or cased) is reported as its duplicate and changes nothing.</summary>
    bool Repeats(RowPlan plan)
    {
        var cells = string.Join("\u001f", plan.Record.Values.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => v.Key + "=" + Names.Key(v.Value)));
        if (rowsSeen.TryAdd(cells, plan.Record.Number)) return false;
        plan.IsDuplicate = true;
        plan.Problem("", "This row repeats row {0}.", rowsSeen[cells].ToString(CultureInfo.InvariantCulture));
        return true;
    }

    void ResolveUnit(RowPlan plan)
    {
        var r = plan.Record;
        var unit = tree.Root;
        if (unit is null) { plan.Problem("", "The tree has no state unit yet: add it before importing."); return; }
        // The names leading to each unit as the row writes them: the same new unit in every check and commit of the file.
        var chain = new StringBuilder();
        if (r[Fields.ParentCode] is { } parentCode)
        {
            unit = tree.ByCode(parentCode);
            if (unit is null) { plan.Problem(Fields.ParentCode, "No unit has the code {0}.", parentCode); return; }
            chain.Append("code:").Append(unit.Code);
        }
        // Down the levels the row names, one column per level (district, block, ...), proposing what is missing.
        foreach (var level in tree.Levels.Where(l => l.Depth > unit.Depth))
        {
            if (r[level.Key] is not { } written) continue;
            if (level.Depth != unit.Depth + 1)
            {
                plan.Problem(level.Key, "The row skips the level above this one.");
                return;
            }
            chain.Append('/').Append(level.Key).Append(':').Append(Names.Key(written));
            var found = FindChild(unit, written, level);
            if (found is null)
            {
                if (level.Depth == 1) { plan.Problem(level.Key, "No {0} is called {1}.", level, written); return; }
                var deepest = !tree.Levels.Any(l => l.Depth > level.Depth && r[l.Key] is not null);
                found = NewOrNear(plan, ProposalKey(chain), unit, level, written, deepest ? r[Fields.UnitCode] : null);
                if (found is null) return;
            }
            else if (!Decided(plan, found)) return;
            unit = found;
        }
        if (r[Fields.UnitCode] is { } code && !string.Equals(unit.Code, code, StringComparison.OrdinalIgnoreCase))
        {
            var byCode = tree.ByCode(code);
            if (byCode is not null) { if (!Decided(plan, byCode)) return; unit = byCode; }
            else if (tree.LevelAt(unit.Depth + 1) is { } below && (r[Fields.UnitNameEn] ?? r[Fields.UnitNameHi]) is { } name)
            {
                var made = NewOrNear(plan, ProposalKey(chain.Append("/code:").Append(code.Trim().ToUpperInvariant())), unit, below, name, code, near: false);
                if (made is null) return;
                unit = made;
            }
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

    /// <summary>
    /// A unit the tree lacks. When a sibling on record is a letter away ("चोमू शहर" for "चौमूं शहर"), the row is read as
    /// that sibling unless the uploader chose to make a new unit; otherwise the new unit is planned, and a commit makes it
    /// only when the uploader chose to. Null when the row stops here.
    /// </summary>
    Unit? NewOrNear(RowPlan plan, string key, Unit parent, Level level, string written, string? code, bool near = true)
    {
        var close = near ? UnitNameMatch.Near(tree.ChildrenOf(parent).Where(u => u.Id != 0).ToList(), written) : null;
        var choice = choices.TryGetValue(key, out var c) ? c : close is null ? UnitChoice.Undecided : UnitChoice.UseNear;
        var proposal = Propose(plan, key, ProposalKind.NewUnit, level, written, parent, close);
        if (close is not null && choice != UnitChoice.Make)
        {
            proposal.Choice = UnitChoice.UseNear;
            plan.Note(level.Key, "{1} is read as {2}, the {0} on record with a name a letter away; if it is another {0}, choose to make it.",
                level, PersonRules.Clean(written), close.NameHi == close.NameEn ? close.NameEn : $"{close.NameHi} ({close.NameEn})");
            return close;
        }
        proposal.Choice = choice == UnitChoice.Make ? UnitChoice.Make : UnitChoice.Undecided;
        if (!Decided(plan, proposal, level)) return null;
        var unit = NewUnit(plan, parent, level, written, code);
        proposedUnits[unit] = key;
        return unit;
    }

    /// <summary>A unit this file makes, met again in a later row: counted, and held to the same choice.</summary>
    bool Decided(RowPlan plan, Unit unit)
    {
        if (!proposedUnits.TryGetValue(unit, out var key)) return true;
        var proposal = Proposals[key];
        proposal.Rows++;
        return Decided(plan, proposal, tree.Levels.First(l => l.Id == unit.LevelId));
    }

    bool Decided(RowPlan plan, ImportProposal proposal, Level level)
    {
        if (proposal.Choice == UnitChoice.Make) return true;
        var field = level.Key;
        // A check plans the row as the commit would once the unit is made, and says so; a commit without the choice stops it.
        // Said once, of the highest unit waiting: the units under it wait with it, and the list of new units names them all.
        if (!committing)
        {
            if (!plan.WaitsForAChoice)
                plan.Note(field, "{1} is a new {0}: it is made only if you choose to make it.", level, proposal.Written, "");
            plan.WaitsForAChoice = true;
            return true;
        }
        plan.Problem(field, "{1} is a new {0}, not made: nobody chose to make it.", level, proposal.Written);
        return false;
    }

    ImportProposal Propose(RowPlan plan, string key, ProposalKind kind, Level level, string written, Unit? parent, Unit? near)
    {
        if (Proposals.TryGetValue(key, out var known)) { known.Rows++; return known; }
        var proposal = new ImportProposal
        {
            Key = key, Kind = kind, LevelId = level.Id, Written = Cut(PersonRules.Clean(written)), Under = parent is null ? null : Cut(Both(parent.NameEn, parent.NameHi)),
            NearUnitId = near?.Id, NearName = near is null ? null : Cut(Both(near.NameEn, near.NameHi)), FirstRow = plan.Record.Number, Rows = 1,
        };
        Proposals[key] = proposal;
        return proposal;
    }

    static string Both(string en, string hi) => en == hi ? en : $"{hi} · {en}";

    static string Cut(string text) => text.Length > 200 ? text[..200] : text;

    static string ProposalKey(StringBuilder chain) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chain.ToString())));

    Unit? FindChild(Unit parent, string written, Level level)
    {
        if (tree.ByCode(written) is { } coded && tree.ParentOf(coded) == parent) return coded;
        if (tree.ChildNamed(parent, Names.Key(written)) is { } named) return named;
        var siblings = tree.ChildrenOf(parent);
        if (Whole(written) is { } part && siblings.FirstOrDefault(u => u.PartNumber == part) is { } numbered) return numbered;
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
        var number = Whole(cleanWritten) ?? 0;
        var numbered = number is >= 1 and <= 9999;
        if (nameEn is null && nameHi is null)
        {
            if (numbered) (nameEn, nameHi) = ($"{level.NameEn} {number}", $"{level.NameHi} {number}");
            else if (NameScripts.IsIndic(cleanWritten)) nameHi = cleanWritten;
            else nameEn = cleanWritten;
        }
        // The other script generated when the file gives one.
        (nameEn, nameHi) = NameScripts.Complete(nameEn, nameHi);
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
            if (Whole(partText) is { } part and >= 1 and <= 9999) unit.PartNumber = part;
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

    /// <summary>A whole number however the sheet wrote it ("12", "१२", "12.0", "1.2E+01"); null for anything else.</summary>
    static int? Whole(string? text) =>
        Platform.Numerals.Whole(text) is { Digits: { Length: <= 9 } digits } ? int.Parse(digits, CultureInfo.InvariantCulture) : null;

    /// <summary>The same name under the same parent always gets the same code, so a file imported twice finds its own units.</summary>
    static string GeneratedCode(Unit parent, Level level, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{parent.Code}/{Names.Key(name)}"));
        return $"{level.Key[..1].ToUpperInvariant()}{Convert.ToHexString(hash)[..9]}";
    }

    int? FindConstituency(string written)
    {
        if (Whole(written) is { } number)
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
        if (unit.LevelId == tree.BoothLevelId && r[Fields.PartNumber] is { } p && Whole(p) is { } part && part != unit.PartNumber && part is >= 1 and <= 9999)
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
