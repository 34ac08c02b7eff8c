using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Pages.People;

public sealed class ShowModel(GetPersonPage query, EndAppointment end, RevealContacts reveal) : PageModel
{
    public PersonPageData Data { get; private set; } = null!;
    public Contacts? Revealed { get; private set; }

    /// <summary>The full contacts are shown in this one answer only; they never go into a URL.</summary>
    public async Task<IActionResult> OnPostRevealAsync(int id, string? reason, CancellationToken ct)
    {
        var (outcome, contacts) = await reveal.RunAsync(id, new RevealInput(reason), ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        outcome.Errors.AddTo(ModelState, "");
        Revealed = contacts;
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var data = await query.RunAsync(id, ct);
        if (data is null) return NotFound();
        Data = data;
        return Page();
    }

    /// <summary>Ends one of this person's appointments today (the form's only button).</summary>
    public async Task<IActionResult> OnPostEndAsync(int id, int appointmentId, CancellationToken ct)
    {
        var outcome = await end.RunAsync(appointmentId, null, ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        outcome.Errors.AddTo(ModelState, "");
        return outcome.Succeeded ? Redirect($"/people/{id}") : await OnGetAsync(id, ct);
    }
}
