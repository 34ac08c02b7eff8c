using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;
using Sangathan.People;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Membership;

/// <summary>
/// Enrollment in the field: the enroller goes down their grants to a booth (remembered for next time), then fills one
/// member after another. Each form carries its own request key, so a double tap or a resent form never enrolls twice.
/// A refusal shows the form again as it was, the photo too, each message at its field.
/// </summary>
public sealed class EnrollModel(EnrollmentUnits units, EnrollMember enroll) : PageModel
{
    public sealed class MemberForm
    {
        public string? VoterId { get; set; }
        /// <summary>One name, as the enroller writes it: kept as the Hindi name when in Devanagari, else as the English.</summary>
        public string? Name { get; set; }
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
        /// <summary>"hi" or "en": the member's, for their SMS.</summary>
        public string? Language { get; set; }
        /// <summary>The photo a refused form already carried, shrunk (base64 JPEG): sent back with the form, never retaken.</summary>
        public string? PhotoKept { get; set; }

        public (string? En, string? Hi) Names() =>
            string.IsNullOrWhiteSpace(Name) ? (NameEn, NameHi)
            // Letters of any Indian script (Devanagari to Malayalam) make it the Indian form: Gujarati is held as Hindi is.
            : Name.Any(c => c is >= '\u0900' and <= '\u0DFF') ? (null, Name) : (Name, null);
    }

    [BindProperty] public MemberForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    public EnrollmentUnit? Unit { get; private set; }
    public IReadOnlyList<EnrollmentUnit> Children { get; private set; } = [];
    public EnrolledMember? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken ct)
    {
        if (!await LoadAsync(unit, ct)) return unit is null ? Forbid() : NotFound();
        Input = new MemberForm { RequestKey = NewKey(), CashPaid = true, Language = IsHindi ? "hi" : "en" };
        Remember();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        if (!await LoadAsync(unit, ct) || Unit is not { IsBooth: true }) return NotFound();
        var i = Input;
        var photo = await MemberPhoto.ReadUploadAsync(Photo, ct) ?? Kept(i.PhotoKept);
        var (nameEn, nameHi) = i.Names();
        var result = await enroll.RunAsync(new MemberInput(i.VoterId, nameEn, nameHi, i.Mobile, i.Category, i.Gender, i.Age,
            i.Village, i.Address, unit, i.Consent, i.RequestKey, null, null, i.CashPaid, i.Language), photo, ct);
        if (result.Outcome.Forbidden) return Forbid();
        if (!result.Outcome.Succeeded)
        {
            foreach (var e in result.Outcome.Errors) ModelState.AddModelError(e.Field.Length == 0 ? "" : $"Input.{FormField(e.Field)}", e.Message);
            // The photo stays with the form, shrunk as it will be kept: the member is still there, but need not pose again.
            if (photo is not null && MemberPhoto.Check(photo).Photo is { } kept) i.PhotoKept = Convert.ToBase64String(kept.Jpeg);
            return this.Refused();
        }
        // A fresh form for the next member, with the one just enrolled shown masked above it; their booth's choices kept.
        Done = result.Member;
        ModelState.Clear();
        Input = new MemberForm { RequestKey = NewKey(), CashPaid = i.CashPaid, Category = i.Category, Language = i.Language };
        Remember();
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

    /// <summary>The use case speaks of the member's two names; the form has one field for both.</summary>
    public static string FormField(string field) => field is "NameEn" or "NameHi" ? "Name" : field;

    static string NewKey() => Guid.NewGuid().ToString("N");

    static byte[]? Kept(string? base64)
    {
        if (string.IsNullOrEmpty(base64) || base64.Length > MemberPhoto.MaxUploadBytes * 4 / 3 + 4) return null;
        var bytes = new byte[base64.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(base64, bytes, out var n) ? bytes[..n] : null;
    }

    /// <summary>The booth of this form is where the home page's "Enroll a member" leads next time.</summary>
    void Remember()
    {
        if (Unit is { IsBooth: true } booth)
            Response.Cookies.Append(EnrollerDay.LastBoothCookie, booth.Id.ToString(),
                new CookieOptions { MaxAge = TimeSpan.FromDays(90), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = Request.IsHttps });
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
