namespace Sangathan.Membership;

/// <summary>Hindi for the drive's scrutiny pages and messages.</summary>
internal static class ScrutinyHindi
{
    public static Dictionary<string, string> Words => new()
    {
    };
}
