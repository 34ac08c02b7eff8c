using System.Linq.Expressions;
using Sangathan.Organization;

namespace Sangathan.Access;

/// <summary>A part of the tree the caller holds a post in: that unit and everything under it.</summary>
public sealed record Scope(int UnitId, string Path, bool CanEdit);

/// <summary>
/// The one rule that decides what a caller may see and do. War-room roles reach the whole tree; an
/// office bearer reaches the units under each post they hold, and edits there only if the post is an
/// editor's. Pages, API endpoints, search, lists and exports all ask this; none decides for itself.
/// </summary>
public sealed record Access(int? PersonId, int? StaffId, IReadOnlySet<string> Roles, IReadOnlyList<Scope> Scopes)
{
    public static readonly Access Anonymous = new(null, null, new HashSet<string>(), []);

    public bool SignedIn => PersonId is not null || StaffId is not null;
    public bool IsStaff => StaffId is not null;
    public bool ReadsAll => Roles.Contains(StaffRoles.Admin) || Roles.Contains(StaffRoles.DataEntry);
    public bool EditsAll => ReadsAll;

    /// <summary>Whether the caller may edit anything at all: who may open the forms that add units and people.</summary>
    public bool EditsAnywhere => EditsAll || Scopes.Any(s => s.CanEdit);
    /// <summary>
    /// Downloading a unit's subtree in bulk: the state administrator anywhere, an office bearer where they edit.
    /// Data-entry operators edit but do not export; auditors read the log only.
    /// </summary>
    public bool CanExport(string unitPath) => AdministersOrEdits(unitPath);

    /// <summary>The state administrator, or an office bearer who edits this part of the tree (not data-entry, not auditors).</summary>
    bool AdministersOrEdits(string unitPath) =>
        Roles.Contains(StaffRoles.Admin) || Scopes.Any(s => s.CanEdit && UnitRules.IsWithin(unitPath, s.Path));
    /// <summary>
    /// Verifying new members is the district's work: whoever edits the member's district (or the whole tree) decides,
    /// and sees the voter ID and mobile they must check. Editors of units below the district do not.
    /// </summary>
    public bool CanScrutinize(string districtPath) => CanEdit(districtPath);

    /// <summary>The parts of the tree whose new members the caller verifies: the scopes they edit at district level or above.</summary>
    public IReadOnlyList<string>? ScrutinyPaths => EditsAll ? null
        : Scopes.Where(s => s.CanEdit && UnitRules.IdsOn(s.Path).Length <= 2).Select(s => s.Path).ToList();

    /// <summary>
    /// Messaging a unit's subtree (its office bearers, enrollers, members): the state administrator anywhere, an office
    /// bearer where they edit. Data-entry operators keep records; they do not speak for the party. The same people
    /// follow and cancel the broadcasts sent there, and a second of them approves a large one.
    /// </summary>
    public bool CanBroadcast(string unitPath) => AdministersOrEdits(unitPath);

    /// <summary>Whether the caller may broadcast anywhere at all: who sees the broadcasts pages.</summary>
    public bool BroadcastsAnywhere => Roles.Contains(StaffRoles.Admin) || Scopes.Any(s => s.CanEdit);

    /// <summary>
    /// Member cards show a member's photo, name and booth: printing them, one or a batch, is exporting personal data, so
    /// it is for those who export the unit (the state administrator and office bearers who edit there), and for the
    /// member's own enroller, who took the photo and hands the card over.
    /// </summary>
    public bool CanPrintCards(string unitPath) => CanExport(unitPath);
    public bool CanPrintCard(string boothPath, int? enrolledById) => CanPrintCards(boothPath) || (PersonId is { } me && me == enrolledById);

    /// <summary>
    /// A lost, damaged or outdated card is replaced by those who print the booth's cards; ending a membership's card for
    /// good (expulsion) is a decision on membership, the district's, as scrutiny is.
    /// </summary>
    public bool CanEndCard(string boothPath, bool forGood) => forGood ? CanScrutinize(UnitRules.RegionPathOf(boothPath)) : CanPrintCards(boothPath);

    /// <summary>Making and retiring the keys cards are signed with: the state administrator only.</summary>
    public bool CanManageCardKeys => Roles.Contains(StaffRoles.Admin);

    /// <summary>
    /// Calling a meeting at a unit (and changing or cancelling it): office bearers who edit there, and the war room. Its
    /// notices are the app's own words sent to its invitees, so this does not need <see cref="CanBroadcast"/>.
    /// </summary>
    public bool CanCallMeeting(string unitPath) => CanEdit(unitPath);

    /// <summary>Whether the caller may call meetings anywhere at all: who sees the button.</summary>
    public bool CallsMeetingsAnywhere => EditsAnywhere;

    /// <summary>
    /// Keeping a meeting's record, its attendance and minutes: those who may call it, and the office bearers of the
    /// meeting's own unit whatever their post (the secretary keeps the register even where a secretary only views).
    /// </summary>
    public bool CanRecordMeeting(string unitPath, int unitId) => CanCallMeeting(unitPath) || Scopes.Any(s => s.UnitId == unitId);

    /// <summary>A unit's meetings, their attendance and the reports on them: whoever may read the unit.</summary>
    public bool CanReadMeetings(string unitPath) => CanRead(unitPath);

    public bool CanReadAudit => Roles.Contains(StaffRoles.Auditor) || Roles.Contains(StaffRoles.Admin);
    public bool CanManageRepresentatives => EditsAll;

    /// <summary>Seeing a masked value in full is for the war room, with a reason that is audited.</summary>
    public bool CanReveal => Roles.Contains(StaffRoles.Admin);

    public bool CanRead(string unitPath) => ReadsAll || Scopes.Any(s => UnitRules.IsWithin(unitPath, s.Path));

    public bool CanEdit(string unitPath) => EditsAll || Scopes.Any(s => s.CanEdit && UnitRules.IsWithin(unitPath, s.Path));

    /// <summary>The units the caller may read, as a filter the database applies (index ranges on the path).</summary>
    public IQueryable<Unit> Units(IQueryable<Unit> units) => ReadsAll ? units : Within(units, Scopes);

    /// <summary>The units the caller may message (<see cref="CanBroadcast"/>), as a filter the database applies.</summary>
    public IQueryable<Unit> BroadcastUnits(IQueryable<Unit> units) =>
        Roles.Contains(StaffRoles.Admin) ? units : Within(units, Scopes.Where(s => s.CanEdit).ToList());

    static IQueryable<Unit> Within(IQueryable<Unit> units, IReadOnlyList<Scope> scopes)
    {
        if (scopes.Count == 0) return units.Where(u => false);
        var u = Expression.Parameter(typeof(Unit), "u");
        var path = Expression.Property(u, nameof(Unit.Path));
        var compare = typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!;
        Expression? any = null;
        foreach (var s in scopes)
        {
            var from = Expression.GreaterThanOrEqual(Expression.Call(path, compare, Expression.Constant(s.Path)), Expression.Constant(0));
            var to = Expression.LessThan(Expression.Call(path, compare, Expression.Constant(s.Path + "\uffff")), Expression.Constant(0));
            var range = Expression.AndAlso(from, to);
            any = any is null ? range : Expression.OrElse(any, range);
        }
        return units.Where(Expression.Lambda<Func<Unit, bool>>(any!, u));
    }

    /// <summary>The unit a caller's views start from: the top of the tree, or their highest post's unit.</summary>
    public int? HomeUnitId => Scopes.OrderBy(s => s.Path.Length).Select(s => (int?)s.UnitId).FirstOrDefault();
}
