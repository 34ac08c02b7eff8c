namespace Sangathan.Membership;

/// <summary>Hindi for the drive's joining pages and messages.</summary>
internal static class JoiningHindi
{
    public static Dictionary<string, string> Words => new()
    {
    };
}
