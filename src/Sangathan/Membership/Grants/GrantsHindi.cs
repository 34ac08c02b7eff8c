namespace Sangathan.Membership;

/// <summary>Hindi for the drive's grants pages and messages.</summary>
internal static class GrantsHindi
{
    public static Dictionary<string, string> Words => new()
    {
    };
}
