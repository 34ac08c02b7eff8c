using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Import;

/// <summary>What one row asks for, worked out against the tree and the rows before it; nothing saved yet.</summary>
internal sealed class RowPlan(ImportRecord record)
{
    public ImportRecord Record { get; } = record;
    public List<RowProblem> Problems { get; } = [];
    public bool IsDuplicate { get; set; }

    /// <summary>The row is under a new unit nobody has chosen to make yet (a check says so once per row).</summary>
    public bool WaitsForAChoice { get; set; }
    public Unit? Unit { get; set; }
    public List<(Unit Unit, Unit Parent)> NewUnits { get; } = [];
    public List<Unit> ChangedUnits { get; } = [];
    public Person? Person { get; set; }
    public bool NewPerson { get; set; }
    public bool PersonChanged { get; set; }
    public Post? Post { get; set; }
    public bool NewAppointment { get; set; }
    public DateOnly From { get; set; }

    /// <summary>The problems as the report lists them: what stops the row first, then the notes.</summary>
    public List<RowProblem> Reported() => [.. Problems.Where(p => !p.Note), .. Problems.Where(p => p.Note)];

    /// <summary>A problem that stops the row; notes (what the import read, or chose for it) do not.</summary>
    public bool Stopped => Problems.Any(p => !p.Note);

    public RowOutcome Outcome =>
        Stopped ? (IsDuplicate ? RowOutcome.Duplicate : RowOutcome.Reject)
        : NewUnits.Count > 0 || NewPerson || NewAppointment ? RowOutcome.Create
        : ChangedUnits.Count > 0 || PersonChanged ? RowOutcome.Update
        : RowOutcome.Unchanged;

    public void Problem(string field, string message, params string[] args) =>
        Problems.Add(new RowProblem(Record.Column(field), field.Length == 0 ? null : Record[field], message, args.Length == 0 ? null : args));

    /// <summary>A problem naming a level: the tree's own name for it in each language ("district", "जिला").</summary>
    public void Problem(string field, string message, Level level, string written) =>
        Problems.Add(new RowProblem(Record.Column(field), Record[field], message, [level.NameEn, written], [level.NameHi, written]));

    /// <summary>Something the row's reader should know that does not stop it (a unit read as one on record).</summary>
    public void Note(string field, string message, params string[] args) =>
        Problems.Add(new RowProblem(Record.Column(field), field.Length == 0 ? null : Record[field], message, args.Length == 0 ? null : args, Note: true));

    /// <summary>A note naming a level and two names, each level name in its language.</summary>
    public void Note(string field, string message, Level level, string first, string second) =>
        Problems.Add(new RowProblem(Record.Column(field), Record[field], message, [level.NameEn, first, second], [level.NameHi, first, second], Note: true));

    /// <summary>A line for the report: the unit, and who goes into which post.</summary>
    public string Summary()
    {
        var unit = Unit is null ? "" : $"{Unit.NameEn} ({Unit.Code})";
        var who = Person is null ? "" : $"{Person.NameEn}" + (Post is null ? "" : $": {Post.NameEn}");
        var text = string.Join(" · ", new[] { unit, who }.Where(s => s.Length > 0));
        return text.Length > 500 ? text[..500] : text;
    }
}
