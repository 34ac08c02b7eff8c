namespace Sangathan.Access;

/// <summary>
/// Whole features that only war-room roles use, named once; the roles behind them mirror
/// <see cref="Access.EditsAll"/> and <see cref="Access.CanReadAudit"/>. Everything inside the tree is
/// decided per unit by <see cref="Access"/> instead.
/// </summary>
public static class AccessPolicies
{
    public const string WarRoom = "war-room";
    public const string Auditor = "auditor";
}
