using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Pages.People;

/// <summary>Adds a person (at /people/new) or edits one, photo included.</summary>
public sealed class EditModel(AppDb db, SavePerson save, Door door, AuditLog audit) : PageModel
{
    public sealed class PersonForm
    {
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
        public string? Mobile { get; set; }
        public string? Email { get; set; }
        public string? Village { get; set; }
        public string? Jurisdiction { get; set; }
        public string? Facebook { get; set; }
        public string? X { get; set; }
        public string? Instagram { get; set; }
        public string? YouTube { get; set; }
        public string? WhatsApp { get; set; }
        public Gender Gender { get; set; }
        public DateOnly? DateOfBirth { get; set; }

        /// <summary>Never filled in from the record (it would show it unmasked); left empty, the one on record stays.</summary>
        public string? VoterId { get; set; }
    }

    /// <summary>The voter ID on record, masked, as the empty field's hint.</summary>
    public string? VoterIdOnRecord { get; private set; }

    /// <summary>
    /// The mobile, e-mail and WhatsApp on record as the reader sees them: when masked, the fields are left empty with
    /// these as hints (left empty, what is on record stays), as the person page shows them.
    /// </summary>
    public ContactsView OnRecord { get; private set; } = ContactsView.None;

    [BindProperty] public PersonForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (await RefuseAsync(id, ct) is { } refusal) return refusal;
        if (id is null) return Page();
        var p = await db.People.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var person = (await door.PersonAsync(p.Id, Operations.Read, ct)).Resource!;
        OnRecord = ContactsView.Of(p, await door.AllowsAsync(person, Operations.SeeContacts, ct));
        var shown = OnRecord.Masked ? ContactsView.None : OnRecord;
        Input = new PersonForm
        {
            NameEn = p.NameEn, NameHi = p.NameHi, Mobile = shown.Mobile, Email = shown.Email, Village = p.Village,
            Jurisdiction = p.Jurisdiction, Facebook = p.Facebook, X = p.X, Instagram = p.Instagram, YouTube = p.YouTube,
            WhatsApp = shown.WhatsApp, Gender = p.Gender, DateOfBirth = p.DateOfBirth,
        };
        VoterIdOnRecord = p.VoterId is null ? null : PersonRules.MaskVoterId(p.VoterId);
        // A form filled in with someone's contacts is a read of them, as the reveal is: it goes to the audit log.
        if (!OnRecord.Masked && (p.Mobile ?? p.Email ?? p.WhatsApp) is not null)
            await audit.RecordAsync(new AuditDraft("view-contacts", "Person", p.Id.ToString(), Reason: "edit form"), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (await RefuseAsync(id, ct) is { } refusal) return refusal;
        FormErrors.Localize(ModelState);
        var (photo, photoError) = await PhotoUpload.Read(Photo, ct);
        if (photoError is not null) ModelState.AddModelError(nameof(Photo), photoError);
        if (!ModelState.IsValid) return this.Refused();

        var i = Input;
        var input = new PersonInput(i.NameEn, i.NameHi, i.Mobile, i.Email, i.Village, i.Jurisdiction, i.Facebook, i.X,
            i.Instagram, i.YouTube, i.WhatsApp, i.Gender, i.DateOfBirth, i.VoterId);
        var outcome = id is { } personId ? await save.UpdateAsync(personId, input, photo, ct) : await save.CreateAsync(input, photo, ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/people/{outcome.Id}");
        outcome.Errors.AddTo(ModelState);
        return this.Refused();
    }

    /// <summary>
    /// Decided before anything else, so a form posted about someone out of reach echoes nothing back:
    /// 404 for a person the caller may not see, 403 where they may look but not edit.
    /// </summary>
    async Task<IActionResult?> RefuseAsync(int? id, CancellationToken ct)
    {
        if (id is not { } personId) return (await door.CallerAsync(ct)).ReachesAnywhere(Operations.Edit) ? null : Forbid();
        var opened = await door.PersonAsync(personId, Operations.Edit, ct);
        return opened.Refused ? this.Refusal(opened) : null;
    }
}
