using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Membership;

namespace Sangathan.Pages.Membership;

/// <summary>
/// Correcting a member: their enroller, once scrutiny sent them back (which sends them to scrutiny again), or the
/// district and the war room, with a reason. Fields left empty keep what is on record.
/// </summary>
public sealed class CorrectModel(CorrectMember correct) : PageModel
{
    [BindProperty] public EnrollModel.MemberForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public CorrectionView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var v = View!;
        Input = new EnrollModel.MemberForm
        {
            Name = Name(v.Member.NameEn, v.Member.NameHi), Category = v.Member.Category, Gender = v.Gender, Age = v.Age, Village = v.Village,
            Address = v.Address, Language = v.Language, Consent = true,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var i = Input;
        var (nameEn, nameHi) = i.Names();
        var photo = await MemberPhoto.ReadUploadAsync(Photo, ct) ?? (i.PhotoKept is { Length: > 0 } k ? Convert.FromBase64String(k) : null);
        var (outcome, _) = await correct.RunAsync(id, new MemberCorrection(i.VoterId, nameEn, nameHi, i.Mobile, i.Category, i.Gender, i.Age,
            i.Village, i.Address, null, Reason, i.Language), photo, ct);
        if (this.Refusal(outcome) is { } no) return no;
        if (outcome.Succeeded) return Redirect(View!.District && View.Member.Status != MemberStatus.SentBack ? "/membership/scrutiny" : $"/membership/mine?status=scrutiny");
        foreach (var e in outcome.Errors)
            ModelState.AddModelError(e.Field is "" ? "" : e.Field == "Reason" ? "Reason" : $"Input.{EnrollModel.FormField(e.Field)}", e.Message);
        if (outcome.Conflict) Response.StatusCode = StatusCodes.Status409Conflict;
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (outcome, view) = await correct.ViewAsync(id, ct);
        if (this.Refusal(outcome) is { } refused) return refused;
        View = view;
        ViewData["VoterIdOnRecord"] = view!.Member.VoterId;
        ViewData["MobileOnRecord"] = view.Member.Mobile;
        if (view.HasPhoto) ViewData["PhotoOnRecord"] = $"/members/{id}/photo?size=thumb";
        return null;
    }

    static string Name(string en, string hi) => hi.Any(c => c is >= '\u0900' and <= '\u097F') ? hi : en;
}
