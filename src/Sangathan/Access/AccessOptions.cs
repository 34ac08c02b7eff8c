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

    /// <summary>How long a failed sign-in counts against the address it came from and the number or account tried.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failures from one address (a /64 for IPv6), whatever was tried, before it may not sign in until they age out.</summary>
    public int FailuresPerAddress { get; set; } = 30;

    /// <summary>Failures from one address against one number or account before that address may not try it again.</summary>
    public int FailuresPerAccountFromAddress { get; set; } = 5;

    /// <summary>
    /// Failures against one number or account, from anywhere, after which every answer about it waits <see cref="SlowStep"/>
    /// more per failure, up to <see cref="SlowestAnswer"/>. It only slows: the owner with the right code still gets in.
    /// </summary>
    public int SlowAfter { get; set; } = 5;
    public TimeSpan SlowStep { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan SlowestAnswer { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failures against one number or account that tell its owner (an SMS to the mobile, an audit entry), at most once per <see cref="WarnEvery"/>.</summary>
    public int WarnAfter { get; set; } = 10;
    public TimeSpan WarnEvery { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan OfficeBearerSession { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan StaffSession { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Secret that keys the hash of one-time codes; set in production, generated per start if empty.</summary>
    public string CodeKey { get; set; } = "";
}
