namespace Sangathan.Membership;

/// <summary>A category members are counted by; the list is the party's to configure.</summary>
public sealed record MemberCategory(string Key, string NameEn, string NameHi);

/// <summary>The drive's settings ("Membership" in configuration).</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    /// <summary>The fee in paise: Rs 5.</summary>
    public int FeePaise { get; set; } = 500;

    public List<MemberCategory> Categories { get; set; } =
    [
        new("general", "General", "सामान्य"), new("obc", "OBC", "अन्य पिछड़ा वर्ग"), new("sc", "SC", "अनुसूचित जाति"),
        new("st", "ST", "अनुसूचित जनजाति"), new("minority", "Minority", "अल्पसंख्यक"),
    ];

    /// <summary>More members than this on one mobile is flagged for scrutiny (a family may share a phone).</summary>
    public int MembersPerMobile { get; set; } = 5;

    /// <summary>How long the confirmation link sent to a member's mobile stays good.</summary>
    public int ConfirmationHours { get; set; } = 72;

    /// <summary>
    /// The number members send their confirmation code to by SMS (the party's long or short code, whose replies Kannel's
    /// sms-service hands to /api/v1/sms/mo); empty when the confirmation SMS comes from a number members can reply to.
    /// </summary>
    public string ReplyNumber { get; set; } = "";

    /// <summary>The address links in SMS point to (the site as members reach it).</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    public int MinAge { get; set; } = 18;

    /// <summary>
    /// How long an enrollment whose mobile is not confirmed keeps its voter ID from others: a stranger's half-finished
    /// registration must not keep the voter out for good.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 365)]
    public int HoldUnconfirmedDays { get; set; } = 7;

    /// <summary>Registrations on the website one address may make in an hour (a shared mobile network's address serves many).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int JoinsPerAddressPerHour { get; set; } = 30;

    /// <summary>Registrations on the website for one voter ID in a day, whoever makes them.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int JoinsPerVoterIdPerDay { get; set; } = 3;
}
