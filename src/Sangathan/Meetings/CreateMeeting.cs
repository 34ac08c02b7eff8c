using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>
/// Calls a meeting at a unit: checked, its invitees recorded (the groups by one INSERT ... SELECT, the named one by
/// one), its notice queued in the broadcasts' outbox and its reminder scheduled, all in one transaction: a meeting is
/// never saved without its invitees, nor a notice sent for a meeting that was not saved.
/// </summary>
public sealed class CreateMeeting(AppDb db, Door door, IAuditActor actor, AuditLog audit, MeetingNotices notices, MeetingZone zone,
    TimeProvider clock, IOptions<MembershipOptions> membership)
{
    public async Task<Outcome> RunAsync(MeetingInput input, CancellationToken ct)
    {
        var unit = await door.UnitAsync(input.UnitId, Operations.CallMeeting, ct);
        if (unit.Missing) return Outcome.Fail(new FieldError("UnitId", T("Choose a unit where you may call a meeting.")));
        if (unit.Refused) return unit.Refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = MeetingValidation.Details(input.Title, input.Agenda, input.StartsAt, input.Minutes, input.Place, input.VideoLink, now, null);
        if (!string.IsNullOrWhiteSpace(input.Category) && !membership.Value.Categories.Any(c => c.Key == input.Category.Trim()))
            errors.Add(new("Category", T("This is not a member category.")));
        var named = await Invitees.ResolveAsync(await door.ReachAsync(ct), input.PersonIds, input.MemberIds, input.Mobiles, ct);
        errors.AddRange(named.Errors);
        if (!input.OfficeBearers && !input.Members && named.Who.Count == 0 && named.Errors.Count == 0)
            errors.Add(new("OfficeBearers", T("Choose who is invited: office bearers, members, or people by name.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        var starts = input.StartsAt!.Value.UtcDateTime;
        var meeting = new Meeting
        {
            UnitId = input.UnitId, Title = input.Title!.Trim(), Agenda = MeetingValidation.Clean(input.Agenda), StartsAt = starts,
            EndsAt = starts.AddMinutes(input.Minutes ?? 120), Month = zone.MonthOf(starts), Place = MeetingValidation.Clean(input.Place),
            VideoLink = MeetingValidation.Clean(input.VideoLink), OfficeBearers = input.OfficeBearers, LevelKeys = Join(input.Levels),
            PostKeys = Join(input.Posts), Members = input.Members, Category = MeetingValidation.Clean(input.Category),
            UseSms = input.Sms, UseEmail = input.Email, UseWhatsApp = input.WhatsApp, Status = MeetingStatus.Scheduled,
            CreatedBy = actor.Label, CreatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        var choice = new AudienceChoice(meeting.UnitId, meeting.OfficeBearers, AudienceSpec.Split(meeting.LevelKeys), AudienceSpec.Split(meeting.PostKeys),
            Members: meeting.Members, Category: meeting.Category, Sms: false);
        await Invitees.InsertGroupsAsync(db, audit, meeting, (await choice.ResolveAsync(db, ct))!, now, ct);
        await Invitees.AddNamedAsync(db, meeting.Id, named.Who, ct);
        await Invitees.RecountAsync(db, meeting.Id, ct);
        var wrong = await notices.AnnounceAsync(meeting, NoticeKind.Notice, ct);
        if (wrong.Count > 0) return Outcome.Fail([.. wrong]); // the transaction is not committed: nothing was saved
        await tx.CommitAsync(ct);
        return Outcome.Ok(meeting.Id);
    }

    static string? Join(List<string>? keys) =>
        keys is null || keys.Count == 0 ? null : string.Join(",", keys.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct());
}
