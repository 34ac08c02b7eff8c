namespace Sangathan.Access;

/// <summary>
/// Whole features that only war-room roles use, named once; the roles behind them mirror
/// <see cref="Access.EditsAll"/> and <see cref="Access.CanReadAudit"/>. Everything inside the tree is
/// decided per unit by <see cref="Access"/> instead.
/// </summary>
public static class AccessPolicies
{
    public const string WarRoom = "war-room";

    /// <summary>The state administrator's own: levels and posts, war-room accounts, re-cuts of booths, constituency lists.</summary>
    public const string Admin = "admin";
    public const string Auditor = "auditor";
}
