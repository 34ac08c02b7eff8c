using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Pages.People;

public sealed class ShowModel(GetPersonPage query, EndAppointment end) : PageModel
{
    public PersonPageData Data { get; private set; } = null!;

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
        outcome.Errors.AddTo(ModelState, "");
        return outcome.Succeeded ? Redirect($"/people/{id}") : await OnGetAsync(id, ct);
    }
}
