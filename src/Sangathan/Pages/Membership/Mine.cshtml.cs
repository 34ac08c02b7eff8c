using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;

namespace Sangathan.Pages.Membership;

/// <summary>
/// An enroller's own members, newest first, by where each stands: waiting for the member (with the confirmation SMS
/// sent again, a few times at most), waiting for scrutiny, verified, sent back with the reason and a way to correct, rejected.
/// </summary>
public sealed class MineModel(MyEnrollments mine, EnrollerDay day, ResendConfirmation resend) : PageModel
{
    /// <summary>The filters, by the name the address carries, and the statuses each holds.</summary>
    public static readonly (string Key, MemberStatus[] Statuses)[] Filters =
    [
        ("waiting", [MemberStatus.Unconfirmed, MemberStatus.AwaitingPayment]), ("scrutiny", [MemberStatus.Pending]),
        ("verified", [MemberStatus.Verified]), ("sent-back", [MemberStatus.SentBack]), ("rejected", [MemberStatus.Rejected]),
    ];

    public EnrollmentPage List { get; private set; } = new([], null);
    public EnrollerCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, null);
    public Dictionary<int, int> LinksSent { get; private set; } = [];
    public string? Filter { get; private set; }
    public int? Resent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? before, string? status, int? resent, CancellationToken ct)
    {
        var statuses = Filters.FirstOrDefault(f => f.Key == status).Statuses;
        Filter = statuses is null ? null : status;
        if (await mine.ListAsync(before, ct, statuses) is not { } list || await day.CountsAsync(ct) is not { } counts) return Forbid();
        (List, Counts, Resent) = (list, counts, resent);
        LinksSent = await mine.LinksSentAsync(list.Members.Where(m => m.Status == MemberStatus.Unconfirmed).Select(m => m.Id).ToList(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(int memberId, string? status, CancellationToken ct)
    {
        var outcome = await resend.RunAsync(memberId, ct);
        if (this.Refusal(outcome) is { } refused) return refused;
        if (outcome.Succeeded) return Redirect($"/membership/mine?resent={memberId}{(status is null ? "" : $"&status={Uri.EscapeDataString(status)}")}");
        outcome.Errors.AddTo(ModelState);
        await OnGetAsync(null, status, null, ct);
        return this.Refused();
    }

    public int Of(string filter) => filter switch
    {
        "waiting" => Counts.WaitingForMember, "scrutiny" => Counts.WaitingForScrutiny, "verified" => Counts.Verified,
        "sent-back" => Counts.SentBack, _ => Counts.Rejected,
    };

    public static string Words(string filter) => filter switch
    {
        "waiting" => Platform.Localization.Texts.T("Waiting for the member to confirm"),
        "scrutiny" => Platform.Localization.Texts.T("Waiting for scrutiny"),
        "verified" => Platform.Localization.Texts.T("Verified"),
        "sent-back" => Platform.Localization.Texts.T("Sent back for correction"),
        _ => Platform.Localization.Texts.T("Rejected"),
    };
}
