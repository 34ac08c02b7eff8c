using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Broadcasts;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Messaging;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

/// <summary>The meeting a check-in QR names, and whether it checks people in now.</summary>
public sealed record CheckInMeeting(int Id, string Title, DateTime StartsAt, DateTime EndsAt, string? Place, string UnitEn, string UnitHi, CheckInWindow Window,
    bool Cancelled)
{
    public bool Open => Window == CheckInWindow.Open && !Cancelled;

    /// <summary>Why the QR does not check anyone in now, in the reader's language; null while it does.</summary>
    public string? Refusal => Cancelled ? T("This meeting was cancelled.")
        : Window == CheckInWindow.TooEarly ? T("Check-in for this meeting has not opened yet: it opens shortly before the start.")
        : Window == CheckInWindow.Over ? T("This meeting is over: its QR code no longer checks anyone in.")
        : null;
}

/// <summary>Someone the mobile could check in, shown only once the code was right.</summary>
public sealed record CheckInChoice(string Kind, int Id, string Name);

public enum CheckInState { CheckedIn, Choose, Wrong, Locked, Closed, Invalid }

public sealed record CheckInResult(CheckInState State, string Message, IReadOnlyList<CheckInChoice> Choices, string? Proof, bool Late = false);

/// <summary>
/// An attendee checks themselves in: the meeting's QR (valid only while the meeting is on) opens the page, they give
/// their mobile, and the code sent to it proves the phone is theirs, as at sign-in and joining (the same codes, limits
/// and lockout). Invitees are found by that mobile; an office bearer or verified member who was not invited is marked as
/// having come uninvited. Whether a number is on record never shows before the code is right.
/// </summary>
public sealed class CheckIn(AppDb db, MeetingTokens tokens, OneTimeCodes codes, SignInThrottle throttle, ISmsSender sms, Attendance attendance,
    IOptions<MeetingOptions> options, IOptions<AccessOptions> access, TimeProvider clock)
{
    public async Task<CheckInMeeting?> MeetingAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadCheckIn(token) is not { } id) return null;
        var m = await (from x in db.Meetings.AsNoTracking()
                       join u in db.Units on x.UnitId equals u.Id
                       where x.Id == id
                       select new { x, u.NameEn, u.NameHi }).FirstOrDefaultAsync(ct);
        if (m is null) return null;
        var window = MeetingRules.Window(m.x.StartsAt, m.x.EndsAt, clock.GetUtcNow().UtcDateTime, options.Value);
        return new CheckInMeeting(id, m.x.Title, m.x.StartsAt, m.x.EndsAt, m.x.Place, m.NameEn, m.NameHi, window, m.x.Status == MeetingStatus.Cancelled);
    }

    /// <summary>Sends a code when the meeting is on; the answer is the same whether or not the number is anyone's.</summary>
    public async Task<CheckInResult> SendCodeAsync(string? token, string? mobileInput, string? ip, CancellationToken ct)
    {
        if (await MeetingAsync(token, ct) is not { } meeting) return Invalid();
        if (!meeting.Open) return Closed(meeting);
        if (PersonRules.NormalizeMobile(mobileInput) is not { } mobile)
            return new(CheckInState.Wrong, T("Enter a valid Indian mobile number of 10 digits."), [], null);
        if (!await throttle.MayAskForCodeAsync(mobile, ip, ct))
            return new(CheckInState.Wrong, T("Too many codes were asked for. Try again later."), [], null);
        var known = (await CandidatesAsync(meeting.Id, mobile, ct)).Count > 0;
        var code = await codes.IssueAsync(mobile, ip, OneTimeCodes.MeetingCheckIn, known, ct);
        if (known)
            await sms.SendAsync(new SmsMessage(mobile, T("{0} is your code to check in at the meeting. It expires in {1} minutes.",
                code, (int)access.Value.CodeLifetime.TotalMinutes)), ct);
        return new(CheckInState.Choose, T("If this mobile is on the meeting's list, a code was sent to it by SMS."), [], null);
    }

    /// <summary>Checks the code (or, choosing among several on one phone, the proof it was right) and marks the attendee.</summary>
    public async Task<CheckInResult> ConfirmAsync(string? token, string? mobileInput, string? code, string? proof, string? chosen, string? ip, CancellationToken ct)
    {
        if (await MeetingAsync(token, ct) is not { } meeting) return Invalid();
        if (!meeting.Open) return Closed(meeting);
        if (PersonRules.NormalizeMobile(mobileInput) is not { } mobile) return new(CheckInState.Wrong, T("The code is wrong or has expired."), [], null);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!tokens.ReadProof(proof, meeting.Id, mobile, now))
        {
            // Refused per address, never per number (see SignInThrottle): guesses from elsewhere cannot shut the attendee out.
            if (await throttle.RefusesAsync(Key(mobile), ip, ct)) return new(CheckInState.Locked, T("Too many wrong codes: try again in a while."), [], null);
            if (!await codes.ClaimAsync(mobile, code, OneTimeCodes.MeetingCheckIn, ct))
            {
                await throttle.FailAsync(Key(mobile), ip, ct);
                return new(CheckInState.Wrong, T("The code is wrong or has expired."), [], null);
            }
            proof = tokens.Proof(meeting.Id, mobile, now.AddMinutes(10));
        }
        var candidates = await CandidatesAsync(meeting.Id, mobile, ct);
        var pick = candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(c => $"{c.Kind}:{c.Id}" == chosen);
        if (pick is null)
            return candidates.Count == 0 ? new(CheckInState.Wrong, T("The code is wrong or has expired."), [], null)
                : new(CheckInState.Choose, T("Several people share this mobile: who is checking in?"), candidates, proof);

        var m = await db.Meetings.AsNoTracking().FirstAsync(x => x.Id == meeting.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var kind = pick.Kind == "person" ? RecipientKind.Person : RecipientKind.Member;
        var mark = await attendance.MarkAsync(m, kind, pick.Id, MarkedHow.CheckIn, null, now, $"{pick.Kind}:{pick.Id}", ct);
        await tx.CommitAsync(ct);
        var said = !mark.Now ? T("{0}: you were already marked present.", pick.Name)
            : mark.Late ? T("{0}: you are marked present (late).", pick.Name) : T("{0}: you are marked present.", pick.Name);
        return new(CheckInState.CheckedIn, said, [], null, mark.Late);
    }

    /// <summary>
    /// Who this mobile may check in: its invitees; failing those, the office bearer holding a post with it, or the verified
    /// members on it (up to the few a family may share), who come uninvited.
    /// </summary>
    async Task<List<CheckInChoice>> CandidatesAsync(int meetingId, string mobile, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.Mobile == mobile && db.Appointments.Any(a => a.PersonId == p.Id && a.Until == null))
            .Select(p => new { p.Id, p.NameEn, p.NameHi, Invited = db.MeetingInvitees.Any(i => i.MeetingId == meetingId && i.Kind == RecipientKind.Person && i.RecipientId == p.Id && i.Invited) })
            .ToListAsync(ct);
        var invitedPeople = await db.MeetingInvitees.AsNoTracking()
            .Where(i => i.MeetingId == meetingId && i.Kind == RecipientKind.Person && i.Invited)
            .Join(db.People.Where(p => p.Mobile == mobile), i => i.RecipientId, p => p.Id, (i, p) => new { p.Id, p.NameEn, p.NameHi }).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().Where(m => m.Mobile == mobile && m.Status == MemberStatus.Verified).OrderBy(m => m.Id).Take(10)
            .Select(m => new { m.Id, m.NameEn, m.NameHi, Invited = db.MeetingInvitees.Any(i => i.MeetingId == meetingId && i.Kind == RecipientKind.Member && i.RecipientId == m.Id && i.Invited) })
            .ToListAsync(ct);
        var all = invitedPeople.Select(p => (Invited: true, Choice: new CheckInChoice("person", p.Id, Name(p.NameEn, p.NameHi))))
            .Concat(people.Where(p => !invitedPeople.Any(x => x.Id == p.Id)).Select(p => (p.Invited, Choice: new CheckInChoice("person", p.Id, Name(p.NameEn, p.NameHi)))))
            .Concat(members.Select(m => (m.Invited, Choice: new CheckInChoice("member", m.Id, Name(m.NameEn, m.NameHi))))).ToList();
        var invited = all.Where(a => a.Invited).Select(a => a.Choice).ToList();
        return invited.Count > 0 ? invited : all.Select(a => a.Choice).ToList();
    }

    static CheckInResult Invalid() => new(CheckInState.Invalid, T("This is not a meeting's check-in code."), [], null);

    static CheckInResult Closed(CheckInMeeting m) => new(CheckInState.Closed, m.Refusal!, [], null);

    static string Key(string mobile) => $"meeting:{mobile}";
}
