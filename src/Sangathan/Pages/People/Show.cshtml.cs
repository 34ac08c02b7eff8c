using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Organization;
using Sangathan.People;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.People;

public sealed class ShowModel(GetPersonPage query, EndAppointment end, RevealContacts reveal, TimeProvider clock) : PageModel
{
    public PersonPageData Data { get; private set; } = null!;
    public Contacts? Revealed { get; private set; }

    /// <summary>What the last change did, said back after it was saved.</summary>
    public string? Done { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public bool Undoable(PostHeld post) => post.EndedAt is { } at && clock.GetUtcNow().UtcDateTime <= end.UndoableUntil(at);

    /// <summary>The full contacts are shown in this one answer only; they never go into a URL.</summary>
    public async Task<IActionResult> OnPostRevealAsync(int id, string? reason, CancellationToken ct)
    {
        var (outcome, contacts) = await reveal.RunAsync(id, new RevealInput(reason), ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        outcome.Errors.AddTo(ModelState, "");
        Revealed = contacts;
        return await OnGetAsync(id, null, null, ct);
    }

    public async Task<IActionResult> OnGetAsync(int id, int? ended, int? restored, CancellationToken ct)
    {
        var data = await query.RunAsync(id, ct);
        if (data is null) return NotFound();
        Data = data;
        if (data.Posts.FirstOrDefault(p => p.AppointmentId == (ended ?? restored)) is { } post)
        {
            var what = $"{Name(post.PostEn, post.PostHi)}, {Name(post.UnitEn, post.UnitHi)}";
            Done = ended is not null && post.Until is { } last && post.EndedAt is { } at
                ? T("Ended: {0}, last day {1}. Why: {2}. This can be undone until {3}.", what, last.ToString("d MMM yyyy"),
                    post.EndReason ?? "", TimeZoneInfo.ConvertTimeFromUtc(end.UndoableUntil(at), clock.LocalTimeZone).ToString("d MMM yyyy HH:mm"))
                : restored is not null && post.Current ? T("Put back: {0}. The appointment stands as before.", what) : null;
        }
        return Page();
    }

    /// <summary>Ends one of this person's appointments, on the day and for the reason the form gives.</summary>
    public async Task<IActionResult> OnPostEndAsync(int id, int appointmentId, string? reason, DateOnly? until, CancellationToken ct)
    {
        var outcome = await end.RunAsync(appointmentId, until, reason, ct);
        if (this.Refusal(outcome) is { } refused) return refused;
        outcome.Errors.AddTo(ModelState, "");
        return outcome.Succeeded ? Redirect($"/people/{id}?ended={appointmentId}") : await Again(id, ct);
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, int appointmentId, CancellationToken ct)
    {
        var outcome = await end.UndoAsync(appointmentId, ct);
        if (this.Refusal(outcome) is { } refused) return refused;
        outcome.Errors.AddTo(ModelState, "");
        return outcome.Succeeded ? Redirect($"/people/{id}?restored={appointmentId}") : await Again(id, ct);
    }

    async Task<IActionResult> Again(int id, CancellationToken ct)
    {
        var page = await OnGetAsync(id, null, null, ct);
        return page is PageResult ? this.Refused() : page;
    }
}
