using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Messaging;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>
/// A correction of a member's details: any field left empty keeps what is on record (the enroller sees the voter ID and
/// mobile only masked), a photo only if a new one is sent. <see cref="Reason"/> is required of the district and the war
/// room, and written to the audit log.
/// </summary>
public sealed record MemberCorrection(
    string? VoterId = null, string? NameEn = null, string? NameHi = null, string? Mobile = null, string? Category = null,
    Gender? Gender = null, int? Age = null, string? Village = null, string? Address = null, byte[]? PhotoBase64 = null,
    string? Reason = null, string? Language = null);

/// <summary>What the correction form shows of a member; <see cref="District"/>: the caller corrects as the district or war room.</summary>
public sealed record CorrectionView(EnrolledMember Member, Gender Gender, int Age, string? Village, string? Address, string Language,
    bool HasPhoto, string BoothEn, string BoothHi, bool District);

/// <summary>
/// Corrects a member, and sends them back to scrutiny. Their enroller corrects a member scrutiny sent back to them (and
/// that resubmits it); the district and the war room, who scrutinize there, correct any member not rejected, for a
/// reason. Each correction is audited: the changes, by whom, why. A new mobile must be confirmed by its owner: a new
/// link and code go to it, and the member waits for them again.
/// </summary>
public sealed class CorrectMember(AppDb db, Door door, VoterIdHolds holds, AuditLog audit, ISmsSender sms, IOptions<MembershipOptions> options, TimeProvider clock)
{
    /// <summary>The member as the correction form shows them (voter ID and mobile masked), if the caller may correct them.</summary>
    public async Task<(Outcome Outcome, CorrectionView? View)> ViewAsync(int memberId, CancellationToken ct)
    {
        var (refusal, district) = await MayCorrectAsync(memberId, ct);
        if (refusal is not null) return (refusal, null);
        var view = await (from m in db.Members.AsNoTracking()
                          where m.Id == memberId
                          join u in db.Units on m.BoothId equals u.Id
                          select new { m, u.NameEn, u.NameHi }).FirstAsync(ct);
        return (Outcome.Ok(memberId), new CorrectionView(EnrolledMember.Of(view.m), view.m.Gender, view.m.Age, view.m.Village, view.m.Address,
            view.m.Language, view.m.PhotoId is not null, view.NameEn, view.NameHi, district));
    }

    /// <summary>Null and whether the caller corrects as the district, or why they may not correct this member.</summary>
    async Task<(Outcome? Refusal, bool District)> MayCorrectAsync(int memberId, CancellationToken ct)
    {
        var opened = await door.MemberAsync(memberId, Operations.Read, ct);
        if (opened.Refused) return (opened.Refusal, false);
        var district = await door.AllowsAsync(opened.Resource!, Operations.Scrutinize, ct);
        var mine = opened.Resource!.EnrolledById is { } by && by == door.PersonId;
        return district || mine ? (null, district) : (Outcome.Denied(), false);
    }

    public async Task<(Outcome Outcome, EnrolledMember? Member)> RunAsync(int memberId, MemberCorrection input, byte[]? photo, CancellationToken ct)
    {
        var (refusal, district) = await MayCorrectAsync(memberId, ct);
        if (refusal is not null) return (refusal, null);
        var member = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        var mine = member.EnrolledById is { } by && by == door.PersonId;
        if (member.Status == MemberStatus.Rejected || (!district && member.Status != MemberStatus.SentBack))
            return (Conflict(T("Only a member sent back for correction can be corrected by their enroller.")), null);
        var reason = PersonRules.CleanOrNull(input.Reason);
        if (district && !mine && reason is not { Length: >= 5 and <= 500 })
            return (Outcome.Fail(new FieldError("Reason", T("Give a reason of 5 to 500 characters for the correction."))), null);

        var (corrected, errors) = MemberValidation.Check(Merged(member, input), options.Value);
        var newPhoto = photo ?? input.PhotoBase64;
        CheckedPhoto? checkedPhoto = null;
        if (newPhoto is { Length: > 0 })
        {
            (checkedPhoto, var error) = MemberPhoto.Check(newPhoto);
            if (error is not null) errors.Add(new("Photo", error));
        }
        // As at enrollment: a voter ID another enrollment holds is refused; its owner claims it by confirming their mobile.
        if (corrected.VoterId != member.VoterId && corrected.VoterId.Length > 0 && await holds.HolderAsync(corrected.VoterId, ct) is { } holder && holder != memberId)
            errors.Add(new("VoterId", T("This voter ID is already enrolled. If it is the member's own, they can claim it on the website's join page by confirming their mobile.")));
        if (errors.Count > 0) return (Outcome.Fail([.. errors]), null);

        var now = clock.GetUtcNow().UtcDateTime;
        var (beforeStatus, beforeCategory, beforeGender) = (member.Status, member.Category, member.Gender);
        // One transaction for the photo, the member, the new link and the entry saying why.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = Apply(member, corrected);
        if (checkedPhoto is not null)
        {
            member.PhotoId = await PhotoStore.SaveAsync(db, new PhotoUpload(checkedPhoto.Jpeg, "image/jpeg"), ct);
            member.PhotoHash = checkedPhoto.Hash;
            changed.Add(nameof(Member.PhotoId));
        }
        if (changed.Count == 0 && member.Status != MemberStatus.SentBack)
            return (Outcome.Fail(new FieldError("", T("Nothing was changed."))), null);

        var newMobile = changed.Contains(nameof(Member.Mobile));
        string? token = null;
        if (newMobile)
        {
            token = ConfirmationLink.NewToken();
            member.MobileConfirmedAt = null;
            db.MemberConfirmations.Add(new MemberConfirmation
            {
                MemberId = member.Id, TokenHash = ConfirmationLink.Hash(token), CreatedAt = now, ExpiresAt = now.AddHours(options.Value.ConfirmationHours),
            });
        }
        // Sent back and corrected, the member goes before scrutiny again: once the new mobile is confirmed, if it changed.
        if (member.Status == MemberStatus.SentBack || (newMobile && member.Status is MemberStatus.Pending))
        {
            member.Status = newMobile ? MemberStatus.Unconfirmed : MemberStatus.Pending;
            member.DecidedAt = null;
        }
        // The note stays, the record of why it was sent back; the audit keeps the correction.
        MemberCounting.Moved(db, member, beforeStatus, beforeCategory, beforeGender, DateOnly.FromDateTime(now));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditDraft("member-correct", nameof(Member), member.Id.ToString(), Reason: reason ?? "corrected by the enroller",
            After: JsonSerializer.Serialize(new { fields = changed, by = mine ? "enroller" : "district", status = member.Status.ToString() })), ct);
        await tx.CommitAsync(ct);
        if (token is not null)
            await sms.SendAsync(new SmsMessage(member.Mobile, ConfirmationLink.Sms(options.Value, token, member.Language)), ct);
        return (Outcome.Ok(member.Id), EnrolledMember.Of(member));
    }

    static Outcome Conflict(string message) => new(0, [new FieldError("", message)]) { Conflict = true };

    /// <summary>The member as they would be: what was sent, and what is on record for every field left empty.</summary>
    static MemberInput Merged(Member m, MemberCorrection c)
    {
        static string? Or(string? given, string? kept) => string.IsNullOrWhiteSpace(given) ? kept : given;
        return new MemberInput(Or(c.VoterId, m.VoterId), Or(c.NameEn, m.NameEn), Or(c.NameHi, m.NameHi), Or(c.Mobile, m.Mobile),
            Or(c.Category, m.Category), c.Gender ?? m.Gender, c.Age ?? m.Age, Or(c.Village, m.Village), Or(c.Address, m.Address), m.BoothId,
            Consent: true, Language: c.Language ?? m.Language);
    }

    /// <summary>Copies the corrected fields onto the member; the names of those that changed.</summary>
    static List<string> Apply(Member m, Member c)
    {
        var changed = new List<string>();
        void Set<T>(string name, T before, T after, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(before, after)) return;
            set(after);
            changed.Add(name);
        }
        Set(nameof(m.VoterId), m.VoterId, c.VoterId, v => m.VoterId = v);
        Set(nameof(m.NameEn), m.NameEn, c.NameEn, v => m.NameEn = v);
        Set(nameof(m.NameHi), m.NameHi, c.NameHi, v => m.NameHi = v);
        Set(nameof(m.Mobile), m.Mobile, c.Mobile, v => m.Mobile = v);
        Set(nameof(m.Category), m.Category, c.Category, v => m.Category = v);
        Set(nameof(m.Gender), m.Gender, c.Gender, v => m.Gender = v);
        Set(nameof(m.Age), m.Age, c.Age, v => m.Age = v);
        Set(nameof(m.Village), m.Village, c.Village, v => m.Village = v);
        Set(nameof(m.Address), m.Address, c.Address, v => m.Address = v);
        Set(nameof(m.Language), m.Language, c.Language, v => m.Language = v);
        return changed;
    }
}
