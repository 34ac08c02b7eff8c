using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Messaging;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>The answer to an enrollment: the member (new, or the one a retry already made) or why not.</summary>
public sealed record Enrolled(Outcome Outcome, EnrolledMember? Member, bool Replayed);

/// <summary>
/// Enrolls one member in the field under the enroller's grant. The same request key always answers with the same
/// member, so a phone that retries after a lost answer never makes a second one. The member then confirms their
/// own mobile through a link sent to it; the enroller never handles a code.
/// </summary>
public sealed class EnrollMember(AppDb db, Door door, EnrollmentRights rights, ConsentNotices consents,
    BoothLevel boothLevel, SaveEnrollment save, VoterIdHolds holds, ISmsSender sms, IOptions<MembershipOptions> options,
    TimeProvider clock, ILogger<EnrollMember> logger)
{
    public async Task<Enrolled> RunAsync(MemberInput input, byte[]? photo, CancellationToken ct)
    {
        // Who enrolls is all that is needed of the caller: their rights here are their grants, not their posts.
        if (door.PersonId is not { } enrollerId) return new(Outcome.Denied(), null, false);
        if (!MemberValidation.IsRequestKey(input.RequestKey))
            return Refuse("RequestKey", T("Each enrollment needs its own request key (8 to 64 letters, digits, '-' or '_')."));
        var (member, errors) = MemberValidation.Check(input, options.Value);
        var checkedPhoto = CheckPhoto(input, photo, errors);

        // At the surge nearly every enrollment is right: it is saved first, in one go, and only one that was not saved
        // pays for the queries that say why (a retry, a voter ID held by another enrollment, a booth outside the grants).
        for (var attempt = 1; errors.Count == 0 && attempt <= 2; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            Fill(member, input, enrollerId, checkedPhoto!, await consents.CurrentIdAsync(ct), now);
            var token = ConfirmationLink.NewToken();
            var confirmation = new MemberConfirmation
            {
                TokenHash = ConfirmationLink.Hash(token), CreatedAt = now, ExpiresAt = now.AddHours(options.Value.ConfirmationHours),
            };
            if (await save.TryAsync(member, confirmation, checkedPhoto!.Jpeg, ct))
            {
                await SendLinkAsync(member, token, ct);
                return new(Outcome.Ok(member.Id), EnrolledMember.Of(member), false);
            }
            if (await WhyNotAsync(member, input.RequestKey!, enrollerId, errors, ct) is { } answer) return answer;
        }
        // Invalid as sent (every reason is told at once), or refused twice for a reason gone by the time it was looked for.
        return await WhyNotAsync(member, input.RequestKey!, enrollerId, errors, ct)
            ?? Refuse("RequestKey", T("The enrollment could not be saved just now. Send it again."));
    }

    static void Fill(Member member, MemberInput input, int enrollerId, CheckedPhoto photo, int consentId, DateTime now)
    {
        member.RequestKey = input.RequestKey!;
        member.Source = MemberSource.Field;
        member.Status = MemberStatus.Unconfirmed;
        member.Fee = input.CashPaid ? FeeState.Cash : FeeState.Due;
        member.EnrolledById = enrollerId;
        member.PhotoHash = photo.Hash;
        member.ConsentNoticeId = consentId;
        member.ConsentAt = now;
        member.CreatedAt = now;
    }

    /// <summary>
    /// Why an enrollment cannot be saved, looked up only when it was not: the answer for a retried request key, or the
    /// reasons added to <paramref name="errors"/>. Null with no errors when nothing is wrong any more (a race that
    /// the next try wins).
    /// </summary>
    async Task<Enrolled?> WhyNotAsync(Member member, string key, int enrollerId, List<FieldError> errors, CancellationToken ct)
    {
        if (await ReplayAsync(key, enrollerId, ct) is { } replay) return replay;
        // A hold that has run out (rejected, or unconfirmed too long) is released here, and the next try takes it.
        if (member.VoterId.Length > 0 && await holds.HolderAsync(member.VoterId, ct) is not null)
            errors.Add(new("VoterId", T("This voter ID is already enrolled. If it is the member's own, they can claim it on the website's join page by confirming their mobile.")));

        var grants = await rights.ActiveAsync(enrollerId, ct);
        if (grants.Count == 0) return new(Outcome.Denied(), null, false);
        var booth = member.BoothId != 0 ? await BoothAsync(member.BoothId, ct) : null;
        if (member.BoothId != 0 && (booth is null || !await door.AllowsAsync(new UnitResource(booth.Value.Id, booth.Value.Path), Operations.Enroll, ct)))
            errors.Add(new("BoothId", booth is null ? T("Choose a booth.") : T("Your authorization does not cover this booth, or its quota is used up.")));
        return errors.Count > 0 ? new(Outcome.Fail([.. errors]), null, false) : null;
    }

    async Task<Enrolled?> ReplayAsync(string requestKey, int enrollerId, CancellationToken ct)
    {
        var earlier = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.RequestKey == requestKey, ct);
        if (earlier is null) return null;
        // A key is the enrolling phone's own; someone else's key is answered as if unknown rather than revealing it.
        if (earlier.EnrolledById != enrollerId) return Refuse("RequestKey", T("This request key was already used for another enrollment."));
        return new(Outcome.Ok(earlier.Id), EnrolledMember.Of(earlier), true);
    }

    async Task<(int Id, string Path)?> BoothAsync(int unitId, CancellationToken ct)
    {
        var deepest = await boothLevel.DepthAsync(db, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId && u.Depth == deepest)
            .Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
        return unit is null ? null : (unit.Id, unit.Path);
    }

    static CheckedPhoto? CheckPhoto(MemberInput input, byte[]? photo, List<FieldError> errors)
    {
        var (checkedPhoto, error) = MemberPhoto.Check(photo ?? input.PhotoBase64 ?? []);
        if (error is not null) errors.Add(new("Photo", error));
        return checkedPhoto;
    }

    async Task SendLinkAsync(Member member, string token, CancellationToken ct)
    {
        var result = await sms.SendAsync(new SmsMessage(member.Mobile, ConfirmationLink.Sms(options.Value, token, member.Language)), ct);
        // The member is saved either way; the enroller can send the link again from their list.
        if (!result.Accepted) logger.LogWarning("Confirmation link for member {MemberId} not accepted by the SMS gateway", member.Id);
    }

    static Enrolled Refuse(string field, string message) => new(Outcome.Fail(new FieldError(field, message)), null, false);
}
