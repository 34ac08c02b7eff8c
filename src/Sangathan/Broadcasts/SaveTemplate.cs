using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Broadcasts;

/// <summary>A template as the compose page and the API send it.</summary>
public sealed record TemplateInput
{
    public int UnitId { get; init; }
    public string? Name { get; init; }
    public string? TextHi { get; init; }
    public string? TextEn { get; init; }
    public string? SubjectHi { get; init; }
    public string? SubjectEn { get; init; }
    public string? SenderId { get; init; }
    public string? DltTemplateId { get; init; }
    public string? WhatsAppTemplate { get; init; }
}

/// <summary>
/// Saves a broadcast's words as a named template of a unit (the same name again replaces its words), or deletes one:
/// by whoever may message the unit. The interceptor audits both.
/// </summary>
public sealed class SaveTemplate(AppDb db, Door door, IAuditActor actor, TimeProvider clock)
{
    public async Task<Outcome> RunAsync(TemplateInput input, CancellationToken ct)
    {
        var unit = await door.UnitAsync(input.UnitId, Operations.Message, ct);
        if (unit.Missing) return Outcome.Fail(new FieldError("UnitId", T("Choose a unit you may message.")));
        if (unit.Refused) return unit.Refusal;
        var errors = new List<FieldError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new("TemplateName", T("Give the template a name.")));
        else if (name.Length > TemplateRules.MaxName) errors.Add(new("TemplateName", T("This is too long: at most {0} characters.", TemplateRules.MaxName)));
        BroadcastValidation.Words(errors, input.TextHi, input.TextEn, sms: !string.IsNullOrWhiteSpace(input.DltTemplateId));
        BroadcastValidation.Registrations(errors, new(input.SenderId, input.DltTemplateId, input.WhatsAppTemplate, input.SubjectHi, input.SubjectEn),
            needSms: false, needEmail: false, needWhatsApp: false);
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.UnitId == input.UnitId && t.Name == name, ct);
        if (template is null)
        {
            template = new MessageTemplate { UnitId = input.UnitId, Name = name!, TextEn = "", TextHi = "", CreatedBy = actor.Label };
            db.MessageTemplates.Add(template);
        }
        template.TextEn = input.TextEn!.Trim();
        template.TextHi = input.TextHi!.Trim();
        template.SubjectEn = Clean(input.SubjectEn);
        template.SubjectHi = Clean(input.SubjectHi);
        template.SenderId = Clean(input.SenderId);
        template.DltTemplateId = Clean(input.DltTemplateId);
        template.WhatsAppTemplate = Clean(input.WhatsAppTemplate);
        template.CreatedAt = Sql.Utc(clock);
        template.CreatedBy = actor.Label;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(template.Id);
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken ct)
    {
        var found = await db.MessageTemplates.Where(t => t.Id == id).Join(db.Units, t => t.UnitId, u => u.Id, (t, u) => new { t, u.Path }).FirstOrDefaultAsync(ct);
        var opened = await door.OpenAsync(found is null ? null : new UnitResource(found.t.UnitId, found.Path), Operations.Message, ct);
        if (opened.Refused) return opened.Refusal;
        db.MessageTemplates.Remove(found!.t);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(id);
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
