using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Pages.People;

/// <summary>Adds a person (at /people/new) or edits one, photo included.</summary>
public sealed class EditModel(AppDb db, SavePerson save, Jurisdiction jurisdiction) : PageModel
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
    }

    [BindProperty] public PersonForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) return Page();
        var access = await jurisdiction.GetAsync(ct);
        var p = await PersonRead.Visible(db, access, db.People.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound();
        if (!await PersonRead.EditableAsync(db, access, p.Id, ct)) return Forbid();
        Input = new PersonForm
        {
            NameEn = p.NameEn, NameHi = p.NameHi, Mobile = p.Mobile, Email = p.Email, Village = p.Village,
            Jurisdiction = p.Jurisdiction, Facebook = p.Facebook, X = p.X, Instagram = p.Instagram, YouTube = p.YouTube,
            WhatsApp = p.WhatsApp, Gender = p.Gender, DateOfBirth = p.DateOfBirth,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        FormErrors.Localize(ModelState);
        var (photo, photoError) = await PhotoUpload.Read(Photo, ct);
        if (photoError is not null) ModelState.AddModelError(nameof(Photo), photoError);
        if (!ModelState.IsValid) return Page();

        var i = Input;
        var input = new PersonInput(i.NameEn, i.NameHi, i.Mobile, i.Email, i.Village, i.Jurisdiction, i.Facebook, i.X,
            i.Instagram, i.YouTube, i.WhatsApp, i.Gender, i.DateOfBirth);
        var outcome = id is { } personId ? await save.UpdateAsync(personId, input, photo, ct) : await save.CreateAsync(input, photo, ct);
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/people/{outcome.Id}");
        outcome.Errors.AddTo(ModelState);
        return Page();
    }
}
