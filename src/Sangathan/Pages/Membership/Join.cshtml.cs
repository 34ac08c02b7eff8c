using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using Sangathan.Membership;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Membership;

/// <summary>
/// Joining on the website, open to anyone: first the booth (down the tree, or by constituency and part number), then
/// the person's own details. On success their own page takes over (the code sent to their mobile, then the fee).
/// </summary>
[AllowAnonymous]
public sealed class JoinModel(JoiningBooths booths, JoinOnline join) : PageModel
{
    [BindProperty] public EnrollModel.MemberForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    public JoinUnit? Booth { get; private set; }
    public IReadOnlyList<JoinUnit> Path { get; private set; } = [];
    public IReadOnlyList<JoinUnit> Children { get; private set; } = [];
    public IReadOnlyList<JoinConstituency> Constituencies { get; private set; } = [];
    public int? Constituency { get; private set; }
    public int? Part { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unit, int? ac, int? part, CancellationToken ct)
    {
        if (ac is { } number && part is { } p)
        {
            (Constituency, Part) = (number, p);
            var found = await booths.ByPartAsync(number, p, ct);
            if (found is null)
            {
                ModelState.AddModelError("", T("No booth has this part number in this constituency. Check your voter slip, or find the booth below."));
                Response.StatusCode = StatusCodes.Status404NotFound;
                return await TreeAsync(null, ct);
            }
            unit = found.Id;
        }
        return await TreeAsync(unit, ct);
    }

    public async Task<IActionResult> OnPostAsync(int booth, CancellationToken ct)
    {
        if (await LoadBoothAsync(booth, ct) is not null) return NotFound();
        var i = Input;
        var started = await join.RunAsync(new MemberInput(i.VoterId, i.NameEn, i.NameHi, i.Mobile, i.Category, i.Gender, i.Age,
            i.Village, i.Address, booth, i.Consent, i.RequestKey), await MemberPhoto.ReadUploadAsync(Photo, ct), AuthApi.Ip(HttpContext), ct);
        if (!started.Outcome.Succeeded)
        {
            FormErrors.Localize(ModelState);
            started.Outcome.Errors.AddTo(ModelState);
            Response.StatusCode = started.TooMany ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/join/{started.Token}");
    }

    async Task<IActionResult> TreeAsync(int? unit, CancellationToken ct)
    {
        if (unit is { } id)
        {
            if (await LoadBoothAsync(id, ct) is { } missing) return missing;
            if (Booth is not null)
            {
                Input = new EnrollModel.MemberForm { RequestKey = Guid.NewGuid().ToString("N") };
                return Page();
            }
        }
        if (await booths.ChildrenAsync(unit, ct) is not { } children) return NotFound();
        Children = children;
        if (unit is null) Constituencies = await booths.ConstituenciesAsync(ct);
        return Page();
    }

    /// <summary>The unit and the path to it; the booth when it is one. A result only when there is no such unit.</summary>
    async Task<IActionResult?> LoadBoothAsync(int id, CancellationToken ct)
    {
        Path = await booths.PathAsync(id, ct);
        if (Path.Count == 0) return NotFound();
        Booth = Path[^1].IsBooth ? Path[^1] : null;
        return Request.Method == HttpMethods.Post && Booth is null ? NotFound() : null;
    }
}
