using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>What an invitee sees of the meeting they answer: no one else's details.</summary>
public sealed record Invitation(int MeetingId, string Title, string? Agenda, DateTime StartsAt, DateTime EndsAt, string? Place, string? VideoLink,
    string UnitEn, string UnitHi, bool Cancelled, bool Over, Answer? Answer, string Name);

/// <summary>
/// An invitee's answer, coming or not coming: by the signed link in their notice (no sign-in: the link names them),
/// or in the app by a signed-in office bearer about their own invitation. They may change it until the meeting ends.
/// </summary>
public sealed class AnswerMeeting(AppDb db, Door door, MeetingTokens tokens, TimeProvider clock)
{
    public async Task<Invitation?> ShowAsync(string token, CancellationToken ct) =>
        tokens.ReadAnswer(token) is var (meeting, kind, id) ? await InvitationAsync(meeting, kind, id, ct) : null;

    public async Task<Outcome> ByLinkAsync(string token, Answer? answer, CancellationToken ct) =>
        tokens.ReadAnswer(token) is var (meeting, kind, id) ? await SaveAsync(meeting, kind, id, answer, ct) : Outcome.Missing();

    public async Task<Outcome> MineAsync(int meetingId, Answer? answer, CancellationToken ct) =>
        (await door.CallerAsync(ct)).PersonId is { } me ? await SaveAsync(meetingId, RecipientKind.Person, me, answer, ct) : Outcome.Missing();

    async Task<Outcome> SaveAsync(int meetingId, RecipientKind kind, int id, Answer? answer, CancellationToken ct)
    {
        var invitation = await InvitationAsync(meetingId, kind, id, ct);
        if (invitation is null) return Outcome.Missing();
        if (answer is not (Answer.Coming or Answer.NotComing)) return Outcome.Fail(new FieldError("Answer", T("Answer coming or not coming.")));
        if (invitation.Cancelled) return new Outcome(0, [new FieldError("", T("This meeting was cancelled."))]) { Conflict = true };
        if (invitation.Over) return new Outcome(0, [new FieldError("", T("This meeting is over."))]) { Conflict = true };
        var row = await db.MeetingInvitees.FirstAsync(i => i.MeetingId == meetingId && i.Kind == kind && i.RecipientId == id, ct);
        row.Answer = answer;
        row.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(meetingId);
    }

    async Task<Invitation?> InvitationAsync(int meetingId, RecipientKind kind, int id, CancellationToken ct)
    {
        var row = await (from i in db.MeetingInvitees.AsNoTracking()
                         join mt in db.Meetings on i.MeetingId equals mt.Id
                         join u in db.Units on mt.UnitId equals u.Id
                         where i.MeetingId == meetingId && i.Kind == kind && i.RecipientId == id && i.Invited
                         select new { mt, u.NameEn, u.NameHi, i.Answer }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var name = kind == RecipientKind.Person
            ? await db.People.Where(p => p.Id == id).Select(p => Texts(p.NameEn, p.NameHi)).FirstAsync(ct)
            : await db.Members.Where(p => p.Id == id).Select(p => Texts(p.NameEn, p.NameHi)).FirstAsync(ct);
        var m = row.mt;
        return new Invitation(m.Id, m.Title, m.Agenda, m.StartsAt, m.EndsAt, m.Place, m.VideoLink, row.NameEn, row.NameHi,
            m.Status == MeetingStatus.Cancelled, m.EndsAt < clock.GetUtcNow().UtcDateTime, row.Answer, name);
    }

    static string Texts(string en, string hi) => Sangathan.Platform.Localization.Texts.Name(en, hi);
}
