using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;

namespace Sangathan.Pages.Broadcasts;

/// <summary>
/// Composing a broadcast on a phone: the unit and who, the channels, the text in Hindi and English; "Count and preview"
/// shows the live count, who cannot be reached and the text as a recipient gets it with its SMS parts, before "Send".
/// </summary>
public sealed class NewModel(AppDb db, Door door, PreviewBroadcast preview, CreateBroadcast create, IOptions<MembershipOptions> membership,
    FindTemplates templates, SaveTemplate saveTemplate) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public Unit? Unit { get; private set; }
    public IReadOnlyList<Level> Levels { get; private set; } = [];
    public IReadOnlyList<MemberCategory> Categories => membership.Value.Categories;
    public BroadcastPreview? Preview { get; private set; }
    public IReadOnlyList<TemplateView> Templates { get; private set; } = [];
    /// <summary>The template whose words fill the form, when one was chosen.</summary>
    public TemplateView? Template { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unit, int? template, CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        if (!access.ReachesAnywhere(Operations.Message)) return Forbid();
        // What a new broadcast starts with; a posted form says for itself (an unticked box is not posted).
        Input.OfficeBearers = Input.Sms = true;
        Input.UnitId = unit ?? access.HomeUnitId ?? await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (template is { } id)
        {
            var (found, forbidden) = await templates.OneAsync(id, ct);
            if (forbidden) return Forbid();
            if (found is null) return NotFound();
            Template = found;
            Input.Fill(found);
        }
        return await ShowAsync(ct);
    }

    /// <summary>Saves the words in the form as a template of the unit, then opens the form again from it.</summary>
    public async Task<IActionResult> OnPostSaveTemplateAsync(CancellationToken ct)
    {
        if (!await MessagesAnywhereAsync(ct)) return Forbid();
        var outcome = await saveTemplate.RunAsync(Input.ToTemplate(), ct);
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/broadcasts/new?unit={Input.UnitId}&template={outcome.Id}");
        outcome.Errors.AddTo(ModelState);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await MessagesAnywhereAsync(ct)) return Forbid();
        Preview = await preview.RunAsync(Input.ToInput(), ct);
        if (Preview is null) return NotFound();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await MessagesAnywhereAsync(ct)) return Forbid();
        if (!ModelState.IsValid)
        {
            FormErrors.Localize(ModelState);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(ct);
        }
        var outcome = await create.RunAsync(Input.ToInput(), ct);
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/broadcasts/{outcome.Id}");
        outcome.Errors.AddTo(ModelState);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(ct);
    }

    /// <summary>Whether the caller may message anywhere: who sees the broadcasts' pages at all.</summary>
    async Task<bool> MessagesAnywhereAsync(CancellationToken ct) => (await door.CallerAsync(ct)).ReachesAnywhere(Operations.Message);

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Input.UnitId, ct);
        var opened = await door.OpenAsync(Unit is null ? null : new UnitResource(Unit.Id, Unit.Path), Operations.Message, ct);
        if (opened.Refused) return opened.Missing ? NotFound() : Forbid();
        Levels = await db.Levels.AsNoTracking().Include(l => l.Posts).OrderBy(l => l.Depth).ToListAsync(ct);
        Templates = (await templates.ForUnitAsync(Unit!.Id, ct)).List ?? [];
        return Page();
    }

    /// <summary>The form as posted: checkboxes and text boxes, turned into the use case's input.</summary>
    public sealed class Form
    {
        public int UnitId { get; set; }
        public string? Title { get; set; }
        public bool OfficeBearers { get; set; }
        public List<string> Levels { get; set; } = [];
        public string? Posts { get; set; }
        public bool Enrollers { get; set; }
        public bool Members { get; set; }
        public string? Category { get; set; }
        public string? Language { get; set; }
        public bool Sms { get; set; }
        public bool Email { get; set; }
        public bool WhatsApp { get; set; }
        public string? TextHi { get; set; }
        public string? TextEn { get; set; }
        public string? SubjectHi { get; set; }
        public string? SubjectEn { get; set; }
        public string? SenderId { get; set; }
        public string? DltTemplateId { get; set; }
        public string? WhatsAppTemplate { get; set; }
        public DateTime? SendAt { get; set; }
        public string? TemplateName { get; set; }

        public TemplateInput ToTemplate() => new()
        {
            UnitId = UnitId, Name = TemplateName, TextHi = TextHi, TextEn = TextEn, SubjectHi = SubjectHi, SubjectEn = SubjectEn,
            SenderId = SenderId, DltTemplateId = DltTemplateId, WhatsAppTemplate = WhatsAppTemplate,
        };

        public void Fill(TemplateView t)
        {
            (TextHi, TextEn, SubjectHi, SubjectEn) = (t.TextHi, t.TextEn, t.SubjectHi, t.SubjectEn);
            (SenderId, DltTemplateId, WhatsAppTemplate, TemplateName) = (t.SenderId, t.DltTemplateId, t.WhatsAppTemplate, t.Name);
            Email = t.SubjectHi is not null;
            WhatsApp = t.WhatsAppTemplate is not null;
        }

        public BroadcastInput ToInput() => new()
        {
            UnitId = UnitId, Title = Title, OfficeBearers = OfficeBearers, Levels = Levels,
            Posts = (Posts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Enrollers = Enrollers, Members = Members, Category = Category, Language = Language, Sms = Sms, Email = Email, WhatsApp = WhatsApp,
            TextHi = TextHi, TextEn = TextEn, SubjectHi = SubjectHi, SubjectEn = SubjectEn, SenderId = SenderId, DltTemplateId = DltTemplateId,
            WhatsAppTemplate = WhatsAppTemplate,
            // The phone's clock and the form speak India's time; the broadcast keeps UTC.
            SendAt = SendAt is { } at ? DateTime.SpecifyKind(at.AddMinutes(-330), DateTimeKind.Utc) : null,
        };
    }
}
