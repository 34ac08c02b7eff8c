using Sangathan.Membership;
using Sangathan.People;

namespace Sangathan.Dashboards;

/// <summary>The small rules the dashboards share: how many days a chart shows, names of statuses and genders, ranking.</summary>
public static class DashboardRules
{
    /// <summary>A booth counts as covered by members with this many verified, until the war room says otherwise.</summary>
    public const int DefaultVerifiedPerBooth = 10;

    public const int MaxTarget = 100_000_000;

    /// <summary>Charts show the last 30 days, or 90 when asked.</summary>
    public static int Days(int asked) => asked >= 90 ? 90 : 30;

    static readonly MemberStatus[] Order =
        [MemberStatus.Verified, MemberStatus.Pending, MemberStatus.Unconfirmed, MemberStatus.AwaitingPayment, MemberStatus.SentBack, MemberStatus.Rejected];

    public static int StatusOrder(MemberStatus s) => Array.IndexOf(Order, s);

    public static (string En, string Hi) StatusName(MemberStatus s) => s switch
    {
        MemberStatus.Unconfirmed => ("Mobile not confirmed yet", "मोबाइल की पुष्टि बाक़ी"),
        MemberStatus.AwaitingPayment => ("Fee not paid yet", "शुल्क बाक़ी"),
        MemberStatus.Pending => ("Awaiting scrutiny", "जाँच की प्रतीक्षा में"),
        MemberStatus.Verified => ("Verified", "सत्यापित"),
        MemberStatus.Rejected => ("Turned down", "अस्वीकृत"),
        MemberStatus.SentBack => ("Sent back for correction", "सुधार के लिए लौटाए गए"),
        _ => (s.ToString(), s.ToString()),
    };

    public static KeyCount StatusCount(MemberStatus s, long count)
    {
        var (en, hi) = StatusName(s);
        return new KeyCount(s.ToString().ToLowerInvariant(), en, hi, count, s == MemberStatus.Verified ? count : 0);
    }

    public static KeyCount GenderCount(Gender g, long count, long verified)
    {
        var (en, hi) = g switch
        {
            Gender.Female => ("Women", "महिलाएँ"),
            Gender.Male => ("Men", "पुरुष"),
            Gender.Other => ("Other", "अन्य"),
            _ => ("Not stated", "नहीं बताया"),
        };
        return new KeyCount(g.ToString().ToLowerInvariant(), en, hi, count, verified);
    }

    /// <summary>Units with a target first, the furthest ahead of it first; then the rest by members.</summary>
    public static IReadOnlyList<BelowRow> Ranked(IEnumerable<BelowRow> rows) =>
        rows.OrderByDescending(r => r.Percent.HasValue).ThenByDescending(r => r.Percent ?? 0)
            .ThenByDescending(r => r.Figures.Members).ThenBy(r => r.NameEn, StringComparer.Ordinal).ToList();
}
