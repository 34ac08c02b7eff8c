using Sangathan.Organization;

namespace Sangathan.Import;

/// <summary>Finds a unit among siblings by a spelling that is close but not equal (placeholder until fuzzy matching lands).</summary>
internal static class UnitNameMatch
{
    public static Unit? Find(IReadOnlyList<Unit> siblings, string written) => null;
}
