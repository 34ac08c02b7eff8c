namespace Sangathan.Access;

/// <summary>The "Access" section: what each post may do, and the sign-in limits.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Posts (by key) whose holders may edit in their jurisdiction; every other post may view.</summary>
    public List<string> EditorPosts { get; set; } = ["president", "general-secretary"];

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
    public int CodesPerNumber { get; set; } = 3;
    public int CodesPerAddress { get; set; } = 10;
    public TimeSpan CodeWindow { get; set; } = TimeSpan.FromMinutes(15);
    public int FailuresBeforeLock { get; set; } = 10;
    public TimeSpan LockFor { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan OfficeBearerSession { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan StaffSession { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Secret that keys the hash of one-time codes; set in production, generated per start if empty.</summary>
    public string CodeKey { get; set; } = "";
}
