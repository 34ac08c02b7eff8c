using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;
using Sangathan.Platform;

namespace Sangathan.Pages.Broadcasts;

/// <summary>
/// Composing a broadcast on a phone: the unit and who, the channels, the text in Hindi and English; "Count and preview"
/// shows the live count, who cannot be reached and the text as a recipient gets it with its SMS parts, before "Send".
/// </summary>
public sealed class NewModel(AppDb db, Door door, PreviewBroadcast preview, CreateBroadcast create, IOptions<MembershipOptions> membership,
    FindTemplates templates, SaveTemplate saveTemplate, PartyTime time) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public Unit? Unit { get; private set; }
    public IReadOnlyList<Level> Levels { get; private set; } = [];
    public IReadOnlyList<MemberCategory> Categories => membership.Value.Categories;
    public BroadcastPreview? Preview { get; private set; }
    public IReadOnlyList<TemplateView> Templates { get; private set; } = [];
    /// <summary>The template whose words fill the form, when one was chosen.</summary>
    public TemplateView? Template { get; private set; }
    /// <summary>The posts of the levels from the unit down, one per key (a district's and a booth's president are both "president").</summary>
    public IReadOnlyList<Post> PostChoices { get; private set; } = [];
    /// <summary>The unit picker: the words searched for, and the units the caller may message whose name holds them.</summary>
    public string? Find { get; private set; }
    public IReadOnlyList<UnitChoice>? Found { get; private set; }

    public const int UnitsFound = 20;

    public sealed record UnitChoice(int Id, string NameEn, string NameHi, string LevelEn, string LevelHi);

    public async Task<IActionResult> OnGetAsync(int? unit, int? template, string? find, CancellationToken ct)
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
        if (!string.IsNullOrWhiteSpace(find)) await FindUnitsAsync(find.Trim(), ct);
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
        Preview = await preview.RunAsync(Input.ToInput(time), ct);
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
        var outcome = await create.RunAsync(Input.ToInput(time), ct);
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded) return Redirect($"/broadcasts/{outcome.Id}");
        outcome.Errors.AddTo(ModelState);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(ct);
    }

    /// <summary>
    /// Units the caller may message whose English or Hindi name holds the words (in any case), the highest first: a war
    /// room picks "Jodhpur" by name, not by its id.
    /// </summary>
    async Task FindUnitsAsync(string find, CancellationToken ct)
    {
        Find = find.Length > 100 ? find[..100] : find;
        var lower = Find.ToLowerInvariant();
        var reach = await door.ReachAsync(ct);
        Found = await (from u in reach.UnitsTo(Operations.Message)
                       join l in db.Levels on u.LevelId equals l.Id
                       where u.NameEn.ToLower().Contains(lower) || u.NameHi.Contains(Find)
                       orderby u.Depth, u.NameEn
                       select new UnitChoice(u.Id, u.NameEn, u.NameHi, l.NameEn, l.NameHi)).Take(UnitsFound).ToListAsync(ct);
    }

    /// <summary>Whether the caller may message anywhere: who sees the broadcasts' pages at all.</summary>
    async Task<bool> MessagesAnywhereAsync(CancellationToken ct) => (await door.CallerAsync(ct)).ReachesAnywhere(Operations.Message);

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Input.UnitId, ct);
        var opened = await door.OpenAsync(Unit is null ? null : new UnitResource(Unit.Id, Unit.Path), Operations.Message, ct);
        if (opened.Refused) return opened.Missing ? NotFound() : Forbid();
        Levels = await db.Levels.AsNoTracking().Include(l => l.Posts).OrderBy(l => l.Depth).ToListAsync(ct);
        PostChoices = Levels.Where(l => l.Depth >= Unit!.Depth).SelectMany(l => l.Posts).OrderBy(p => p.Rank)
            .DistinctBy(p => p.Key).ToList();
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
        /// <summary>Post keys ticked by name (a key list typed as "a, b" is read too).</summary>
        public List<string> Posts { get; set; } = [];
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

        public BroadcastInput ToInput(PartyTime time) => new()
        {
            UnitId = UnitId, Title = Title, OfficeBearers = OfficeBearers, Levels = Levels,
            Posts = Posts.SelectMany(p => (p ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList(),
            Enrollers = Enrollers, Members = Members, Category = Category, Language = Language, Sms = Sms, Email = Email, WhatsApp = WhatsApp,
            TextHi = TextHi, TextEn = TextEn, SubjectHi = SubjectHi, SubjectEn = SubjectEn, SenderId = SenderId, DltTemplateId = DltTemplateId,
            WhatsAppTemplate = WhatsAppTemplate,
            // The phone's clock and the form speak the party's time; the broadcast keeps UTC.
            SendAt = SendAt is { } at ? DateTime.SpecifyKind(time.Utc(at), DateTimeKind.Utc) : null,
        };
    }
}
