namespace Sangathan.Access;

/// <summary>A unit as the door decides on it: where it sits in the tree.</summary>
public sealed record UnitResource(int Id, string Path);

/// <summary>A person, with the units of the posts they hold now and held before, and of their worker records: all that
/// decides who may see them.</summary>
public sealed record PersonResource(int Id, IReadOnlyList<string> CurrentPosts, IReadOnlyList<string> PastPosts,
    IReadOnlyList<string>? WorkUnits = null);

/// <summary>A member, with their booth and who enrolled them.</summary>
public sealed record MemberResource(int Id, string BoothPath, int? EnrolledById);

/// <summary>A meeting, with the unit it is held at.</summary>
public sealed record MeetingResource(int Id, int UnitId, string UnitPath);

/// <summary>A broadcast, with the unit whose subtree it speaks to.</summary>
public sealed record BroadcastResource(int Id, string UnitPath);

/// <summary>A grant of enrollment rights, with its unit and the grant it was made under.</summary>
public sealed record GrantResource(int Id, string UnitPath, int? ParentId);
