using Microsoft.AspNetCore.Authorization.Infrastructure;
using Sangathan.Organization;

namespace Sangathan.Access;

/// <summary>A part of the tree the caller holds a post in: that unit and everything under it.</summary>
public sealed record Scope(int UnitId, string Path, bool CanEdit);

/// <summary>
/// Who the caller is and where they reach, decided once per request from their session and the posts they hold now.
/// War-room roles reach the whole tree; an office bearer reaches the units under each post, and edits there only if
/// the post is an editor's. What that means for each operation on a unit is <see cref="Tops"/>: the one place that
/// says it, read both by the authorization handlers (one record) and by <see cref="Reach"/> (lists, in SQL).
/// </summary>
/// <param name="Workplaces">The units where the caller works as a worker (<see cref="Membership.Worker"/>) while a grant of
/// theirs is in force: they read there, to enroll, as a viewer does, but see no office bearer's contacts.</param>
public sealed record Access(int? PersonId, int? StaffId, IReadOnlySet<string> Roles, IReadOnlyList<Scope> Scopes,
    IReadOnlyList<string>? Workplaces = null)
{
    public static readonly Access Anonymous = new(null, null, new HashSet<string>(), []);

    public bool SignedIn => PersonId is not null || StaffId is not null;
    public bool IsStaff => StaffId is not null;
    public bool IsAdmin => Roles.Contains(StaffRoles.Admin);
    public bool ReadsAll => IsAdmin || Roles.Contains(StaffRoles.DataEntry);
    public bool EditsAll => ReadsAll;

    /// <summary>
    /// The tops of the subtrees in which the caller may do <paramref name="operation"/> to units; null for the whole tree.
    /// <list type="bullet">
    /// <item>Read: the war room (administrators and data entry) everywhere; office bearers under each post; workers under
    /// each unit they work in, while a grant of theirs is in force.</item>
    /// <item>See contacts (a person's mobile and e-mail unmasked): the war room; office bearers under each post. Not
    /// workers: they enroll members, and office bearers' numbers are not theirs to collect.</item>
    /// <item>Edit, call a meeting: the war room everywhere; office bearers under each editor's post.</item>
    /// <item>Export, message, print cards: bulk personal data leaving the app, or the party's voice. The state
    /// administrator everywhere and office bearers where they edit; data-entry operators keep records, they do neither.</item>
    /// <item>Scrutinize: verifying new members is the district's work: editors of a district or above, and the war room.</item>
    /// </list>
    /// Enrolling and granting are decided by grants instead (<see cref="UnitAuthorization"/>).
    /// </summary>
    public IReadOnlyList<string>? Tops(OperationAuthorizationRequirement operation)
    {
        var editing = Scopes.Where(s => s.CanEdit);
        if (operation == Operations.Read) return ReadsAll ? null : [.. Paths(Scopes), .. Workplaces ?? []];
        if (operation == Operations.SeeContacts) return ReadsAll ? null : Paths(Scopes);
        if (operation == Operations.Edit || operation == Operations.CallMeeting) return EditsAll ? null : Paths(editing);
        if (operation == Operations.Export || operation == Operations.Message || operation == Operations.PrintCards)
            return IsAdmin ? null : Paths(editing);
        if (operation == Operations.Scrutinize) return EditsAll ? null : Paths(editing.Where(s => UnitRules.IdsOn(s.Path).Length <= 2));
        return [];
    }

    static List<string> Paths(IEnumerable<Scope> scopes) => scopes.Select(s => s.Path).ToList();

    /// <summary>Whether the caller may do <paramref name="operation"/> at the unit with this path.</summary>
    public bool Reaches(OperationAuthorizationRequirement operation, string unitPath) =>
        Tops(operation) is not { } tops || tops.Any(top => Subtree.Holds(top, unitPath));

    /// <summary>The units the caller may do <paramref name="operation"/> at, as a filter the database applies.</summary>
    public IQueryable<Unit> Units(IQueryable<Unit> units, OperationAuthorizationRequirement operation) =>
        Tops(operation) is { } tops ? units.UnderAny(tops) : units;

    /// <summary>Whether the caller may do <paramref name="operation"/> somewhere: who sees a feature's menu and pages.</summary>
    public bool ReachesAnywhere(OperationAuthorizationRequirement operation) => Tops(operation) is not { Count: 0 };

    public bool CanReadAudit => Roles.Contains(StaffRoles.Auditor) || IsAdmin;
    public bool CanManageRepresentatives => EditsAll;

    /// <summary>Seeing a masked value in full is for the war room, with a reason that is audited.</summary>
    public bool CanReveal => IsAdmin;

    /// <summary>Making and retiring the keys cards are signed with: the state administrator only.</summary>
    public bool CanManageCardKeys => IsAdmin;

    /// <summary>The unit a caller's views start from: the top of the tree, or their highest post's unit.</summary>
    public int? HomeUnitId => Scopes.OrderBy(s => s.Path.Length).Select(s => (int?)s.UnitId).FirstOrDefault();
}
