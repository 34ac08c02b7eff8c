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
public sealed class EnrollMember(AppDb db, Jurisdiction jurisdiction, EnrollmentRights rights, ConsentNotices consents,
    BoothLevel boothLevel, ISmsSender sms, IOptions<MembershipOptions> options, TimeProvider clock, ILogger<EnrollMember> logger)
{
    public async Task<Enrolled> RunAsync(MemberInput input, byte[]? photo, CancellationToken ct)
    {
        // Who enrolls is all that is needed of the caller: their rights here are their grants, not their posts.
        if (jurisdiction.PersonId is not { } enrollerId) return new(Outcome.Denied(), null, false);
        if (!MemberValidation.IsRequestKey(input.RequestKey))
            return Refuse("RequestKey", T("Each enrollment needs its own request key (8 to 64 letters, digits, '-' or '_')."));
        var key = input.RequestKey!;
        var (member, errors) = MemberValidation.Check(input, options.Value);
        var checkedPhoto = CheckPhoto(input, photo, errors);

        // One look for both: this request done before (a retry), and the voter already a member.
        var clashes = await db.Members.AsNoTracking().Where(m => m.RequestKey == key || m.VoterId == member.VoterId)
            .Select(m => m.RequestKey).ToListAsync(ct);
        if (clashes.Contains(key) && await ReplayAsync(key, enrollerId, ct) is { } replay) return replay;
        if (clashes.Count > 0) errors.Add(new("VoterId", T("This voter ID is already a member.")));

        var grants = await rights.ActiveAsync(enrollerId, ct);
        if (grants.Count == 0) return new(Outcome.Denied(), null, false);
        var booth = input.BoothId is { } boothId ? await BoothAsync(boothId, ct) : null;
        var grant = booth is null ? null : EnrollmentRights.Covering(grants, booth.Value.Path);
        if (input.BoothId is not null && grant is null)
            errors.Add(new("BoothId", booth is null ? T("Choose a booth.") : T("Your authorization does not cover this booth, or its quota is used up.")));
        if (errors.Count > 0) return new(Outcome.Fail([.. errors]), null, false);

        var now = clock.GetUtcNow().UtcDateTime;
        member.RequestKey = input.RequestKey!;
        member.Source = MemberSource.Field;
        member.Status = MemberStatus.Unconfirmed;
        member.Fee = input.CashPaid ? FeeState.Cash : FeeState.Due;
        member.EnrolledById = enrollerId;
        member.GrantId = grant!.Id;
        member.PhotoHash = checkedPhoto!.Hash;
        member.ConsentNoticeId = await consents.CurrentIdAsync(ct);
        member.ConsentAt = now;
        member.CreatedAt = now;
        var token = ConfirmationLink.NewToken();
        var confirmation = new MemberConfirmation
        {
            Member = member, TokenHash = ConfirmationLink.Hash(token), CreatedAt = now,
            ExpiresAt = now.AddHours(options.Value.ConfirmationHours),
        };

        // Two tries: the second only if the first clashed on a photo that another request stored meanwhile.
        for (var attempt = 1; ; attempt++)
        {
            var saved = await SaveAsync(member, confirmation, grant.Id, checkedPhoto.Jpeg, now, ct);
            if (saved is { } refused) return refused;
            if (member.Id != 0) break;
            db.ChangeTracker.Clear();
            if (await ReplayAsync(key, enrollerId, ct) is { } retried) return retried;
            if (attempt == 2 || await db.Members.AnyAsync(m => m.VoterId == member.VoterId, ct))
                return Refuse("VoterId", T("This voter ID is already a member."));
            member.Photo = null;
            member.PhotoId = null;
        }
        await SendLinkAsync(member, token, ct);
        return new(Outcome.Ok(member.Id), EnrolledMember.Of(member), false);
    }

    /// <summary>
    /// The member, their photo if new, count change and confirmation link go to the database in one batch, the audit
    /// entry in a second, both in one transaction. No savepoints: a clash (the same retry or voter at once, or the same
    /// new photo) fails the whole transaction, and the caller looks at why. Null when saved or clashed (Id stays 0).
    /// </summary>
    async Task<Enrolled?> SaveAsync(Member member, MemberConfirmation confirmation, int grantId, byte[] jpeg, DateTime now, CancellationToken ct)
    {
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await rights.SpendAsync(grantId, ct))
            return Refuse("BoothId", T("Your authorization does not cover this booth, or its quota is used up."));
        (member.PhotoId, member.Photo) = await PhotoStore.FindOrMakeAsync(db, new PhotoUpload(jpeg, "image/jpeg"), ct);
        db.Members.Add(member);
        db.MemberConfirmations.Add(confirmation);
        MemberCounting.Joined(db, member, DateOnly.FromDateTime(now));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            member.Id = 0;
        }
        return null;
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
        var result = await sms.SendAsync(new SmsMessage(member.Mobile, ConfirmationLink.Sms(ConfirmationLink.Url(options.Value, token))), ct);
        // The member is saved either way; the enroller can send the link again from their list.
        if (!result.Accepted) logger.LogWarning("Confirmation link for member {MemberId} not accepted by the SMS gateway", member.Id);
    }

    static Enrolled Refuse(string field, string message) => new(Outcome.Fail(new FieldError(field, message)), null, false);
}
