using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Access;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Staff;

/// <summary>The war room's accounts: add one, disable and enable, a new authenticator for a lost phone, roles; last sign-in.</summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class IndexModel(ListStaff list, ChangeStaff change, AddStaff add, TimeProvider clock) : PageModel
{
    public sealed class NewForm
    {
        public string? Username { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty] public NewForm Input { get; set; } = new();
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    /// <summary>A secret to set up now, shown in this answer only.</summary>
    public NewAuthenticator? Secret { get; private set; }
    public string? Done { get; private set; }

    public string When(DateTime? utc) => utc is { } at
        ? TimeZoneInfo.ConvertTimeFromUtc(at, clock.LocalTimeZone).ToString("d MMM yyyy HH:mm") : T("never");

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await list.RunAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        FormErrors.Localize(ModelState);
        var (outcome, secret) = await add.RunAsync(new NewStaff((Input.Username ?? "").Trim(), Input.DisplayName ?? "", Input.Password ?? "", [.. Input.Roles]), ct);
        if (!outcome.Succeeded) return await Again(outcome.Errors, "Input", ct);
        var username = (Input.Username ?? "").Trim().ToLowerInvariant();
        Secret = new NewAuthenticator(outcome.Id, username, secret!);
        Done = T("Added: {0}. Set up the authenticator now; the secret is not shown again.", username);
        Input = new();
        ModelState.Clear();
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(int staffId, CancellationToken ct) =>
        await After(await change.DisableAsync(staffId, ct), staffId, "Disabled: {0}. Their sessions have ended.", ct);

    public async Task<IActionResult> OnPostEnableAsync(int staffId, CancellationToken ct) =>
        await After(await change.EnableAsync(staffId, ct), staffId, "Enabled: {0} may sign in again.", ct);

    public async Task<IActionResult> OnPostRolesAsync(int staffId, List<string> roles, CancellationToken ct) =>
        await After(await change.ChangeRolesAsync(staffId, roles, ct), staffId, "Roles saved for {0}.", ct);

    public async Task<IActionResult> OnPostResetAsync(int staffId, string? password, CancellationToken ct)
    {
        var (outcome, secret) = await change.ResetAuthenticatorAsync(staffId, password, ct);
        if (this.Refusal(outcome) is { } refused) return refused;
        if (!outcome.Succeeded) return await Again(outcome.Errors, "", ct);
        Secret = secret;
        Done = T("New authenticator for {0}: the old one no longer signs in, and their sessions have ended. Set it up now; the secret is not shown again.", secret!.Username);
        await OnGetAsync(ct);
        return Page();
    }

    async Task<IActionResult> After(Platform.Outcome outcome, int staffId, string said, CancellationToken ct)
    {
        if (this.Refusal(outcome) is { } refused) return refused;
        if (!outcome.Succeeded) return await Again(outcome.Errors, "", ct);
        await OnGetAsync(ct);
        Done = T(said, Accounts.First(a => a.Id == staffId).Username);
        return Page();
    }

    async Task<IActionResult> Again(IEnumerable<Platform.FieldError> errors, string prefix, CancellationToken ct)
    {
        errors.AddTo(ModelState, prefix);
        await OnGetAsync(ct);
        return this.Refused();
    }
}
