using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Broadcasts;

/// <summary>
/// Writes a broadcast: checked, counted, and either scheduled (now or at its time) or, above the configured size,
/// left waiting for a second person's approval. Saving it is audited with every word of it.
/// </summary>
public sealed class CreateBroadcast(AppDb db, Door door, IAuditActor actor, TimeProvider clock,
    IOptions<BroadcastOptions> options, IOptions<MembershipOptions> membership)
{
    public async Task<Outcome> RunAsync(BroadcastInput input, CancellationToken ct)
    {
        var unit = await door.UnitAsync(input.UnitId, Operations.Message, ct);
        if (unit.Missing) return Outcome.Fail(new FieldError("UnitId", T("Choose a unit you may message.")));
        if (unit.Refused) return unit.Refusal;
        return await SaveAsync(input, null, null, ct);
    }

    /// <summary>
    /// A meeting's notice or reminder, to its invitees, at <paramref name="sendAt"/> (null: now). Whoever may call the
    /// meeting has it sent (the meeting's rule, checked by the caller); its words are the app's, and approval above
    /// the configured size applies as to any broadcast.
    /// </summary>
    public Task<Outcome> ForMeetingAsync(BroadcastInput input, MeetingAudience meeting, DateTime? sendAt, CancellationToken ct) =>
        SaveAsync(input with { SendAt = null }, meeting, sendAt, ct);

    async Task<Outcome> SaveAsync(BroadcastInput input, MeetingAudience? meeting, DateTime? sendAt, CancellationToken ct)
    {
        var now = Sql.Utc(clock);
        var errors = BroadcastValidation.Check(input, membership.Value.Categories.Select(c => c.Key).ToList(), now, meeting is not null);
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        var choice = input.Audience with { MeetingId = meeting?.MeetingId, ExceptDeclined = meeting?.ExceptDeclined ?? false };
        var spec = (await choice.ResolveAsync(db, ct))!;
        var count = await CountAudience.CountAsync(db, spec, now, ct);
        if (count.Reachable == 0) return Outcome.Fail(new FieldError("", T("Nobody in this audience can be reached on these channels.")));

        var broadcast = new Broadcast
        {
            MeetingId = meeting?.MeetingId, ExceptDeclined = meeting?.ExceptDeclined ?? false, WhatsAppFields = meeting?.WhatsAppFields,
            Title = input.Title!.Trim(), UnitId = input.UnitId, OfficeBearers = input.OfficeBearers, LevelKeys = Join(input.Levels),
            PostKeys = Join(input.Posts), Enrollers = input.Enrollers, Members = input.Members, Category = Clean(input.Category),
            Language = Clean(input.Language), UseSms = input.Sms, UseEmail = input.Email, UseWhatsApp = input.WhatsApp,
            TextEn = input.TextEn!.Trim(), TextHi = input.TextHi!.Trim(), SubjectEn = Clean(input.SubjectEn), SubjectHi = Clean(input.SubjectHi),
            SenderId = Clean(input.SenderId), DltTemplateId = Clean(input.DltTemplateId), WhatsAppTemplate = Clean(input.WhatsAppTemplate),
            Status = count.Reachable > options.Value.ApprovalAbove ? BroadcastStatus.AwaitingApproval : BroadcastStatus.Scheduled,
            Audience = count.Reachable, CreatedAt = now, SendAt = sendAt ?? input.SendAt?.ToUniversalTime() ?? now, CreatedBy = actor.Label,
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(broadcast.Id);
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string? Join(List<string>? keys) => keys is null || keys.Count == 0 ? null : string.Join(",", keys.Select(k => k.Trim()).Where(k => k.Length > 0));
}

/// <summary>A broadcast tied to a meeting: its invitees (less those not coming), and the WhatsApp template's parameters.</summary>
public sealed record MeetingAudience(int MeetingId, bool ExceptDeclined, string? WhatsAppFields);
