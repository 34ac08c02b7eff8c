using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;
using Sangathan.People;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Membership;

/// <summary>
/// Enrollment in the field: the enroller goes down their grants to a booth, then fills one member after another.
/// Each form carries its own request key, so a double tap or a resent form never enrolls twice.
/// </summary>
public sealed class EnrollModel(EnrollmentUnits units, EnrollMember enroll) : PageModel
{
    public sealed class MemberForm
    {
        public string? VoterId { get; set; }
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
        public string? Mobile { get; set; }
        public string? Category { get; set; }
        public Gender Gender { get; set; }
        public int? Age { get; set; }
        public string? Village { get; set; }
        public string? Address { get; set; }
        public bool Consent { get; set; }
        public bool CashPaid { get; set; }
        public string? RequestKey { get; set; }
    }

    [BindProperty] public MemberForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    public EnrollmentUnit? Unit { get; private set; }
    public IReadOnlyList<EnrollmentUnit> Children { get; private set; } = [];
    public EnrolledMember? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken ct)
    {
        if (!await LoadAsync(unit, ct)) return unit is null ? Forbid() : NotFound();
        Input = new MemberForm { RequestKey = Guid.NewGuid().ToString("N"), CashPaid = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        if (!await LoadAsync(unit, ct) || Unit is not { IsBooth: true }) return NotFound();
        var photo = await MemberPhoto.ReadUploadAsync(Photo, ct);

        var i = Input;
        var result = await enroll.RunAsync(new MemberInput(i.VoterId, i.NameEn, i.NameHi, i.Mobile, i.Category, i.Gender, i.Age,
            i.Village, i.Address, unit, i.Consent, i.RequestKey, null, null, i.CashPaid), photo, ct);
        if (result.Outcome.Forbidden) return Forbid();
        if (!result.Outcome.Succeeded)
        {
            foreach (var e in result.Outcome.Errors) ModelState.AddModelError(e.Field.Length == 0 ? "" : $"Input.{e.Field}", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // A fresh form for the next member, with the one just enrolled shown masked above it.
        Done = result.Member;
        ModelState.Clear();
        Input = new MemberForm { RequestKey = Guid.NewGuid().ToString("N"), CashPaid = i.CashPaid, Category = i.Category };
        return Page();
    }

    /// <summary>
    /// The phone's outbox sends here what it kept while offline: the API's JSON, but with the page's session cookie
    /// and antiforgery token (the API itself takes only bearer tokens). Answers as the API does.
    /// </summary>
    public async Task<IActionResult> OnPostQueueAsync([FromBody] MemberInput? input, CancellationToken ct)
    {
        // A page handler runs even when its body could not be read (not JSON, or none): that is the sender's fault.
        if (input is null) return BadRequest(new ProblemDetails { Status = 400, Detail = T("The request could not be understood. Please check what you entered.") });
        var result = await enroll.RunAsync(input, null, ct);
        if (result.Outcome.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (!result.Outcome.Succeeded)
            return BadRequest(new ValidationProblemDetails(result.Outcome.Errors.GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())));
        return StatusCode(result.Replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created, result.Member!);
    }

    async Task<bool> LoadAsync(int? unit, CancellationToken ct)
    {
        if (unit is { } id)
        {
            Unit = await units.FindAsync(id, ct);
            if (Unit is null) return false;
        }
        if (Unit is { IsBooth: true }) return true;
        var children = await units.ListAsync(unit, ct);
        if (children is null) return false;
        Children = children;
        return true;
    }
}
