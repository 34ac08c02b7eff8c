using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>The answer to a registration: the token of the person's own page, or why not (TooMany: wait, 429).</summary>
public sealed record JoinStarted(Outcome Outcome, string? Token, bool TooMany = false);

/// <summary>
/// Anyone registers themselves on the website with the same details as in the field (the same rules check them). The
/// member is saved unconfirmed, a code goes to their mobile, and they get a page of their own (its token) to type the
/// code, pay the fee and follow scrutiny. Nobody enrolled them: there is no grant and no enroller.
/// Whether another enrollment holds the voter ID is not told here, to anyone: every registration is answered alike,
/// and one for a held voter ID waits as a claim, told and offered only once the mobile is confirmed.
/// </summary>
public sealed class JoinOnline(AppDb db, ConsentNotices consents, BoothLevel boothLevel, JoinCodes codes, JoinLimits limits,
    VoterIdHolds holds, IOptions<MembershipOptions> options, TimeProvider clock)
{
    /// <summary>Pages made for one registration by retrying it (a double tap, a lost answer): each makes a new token.</summary>
    const int MaxTokens = 5;

    public async Task<JoinStarted> RunAsync(MemberInput input, byte[]? photo, string? ip, CancellationToken ct)
    {
        if (!MemberValidation.IsRequestKey(input.RequestKey))
            return Refuse("RequestKey", T("Each enrollment needs its own request key (8 to 64 letters, digits, '-' or '_')."));
        var key = input.RequestKey!;
        var (member, errors) = MemberValidation.Check(input, options.Value);
        var (checkedPhoto, photoError) = MemberPhoto.Check(photo ?? input.PhotoBase64 ?? []);
        if (photoError is not null) errors.Add(new("Photo", photoError));

        if (await EarlierAsync(key, ct) is { } earlier) return await ReplayAsync(earlier.Id, earlier.Source, ct);
        if (input.BoothId is { } boothId && !await IsBoothAsync(boothId, ct)) errors.Add(new("BoothId", T("Choose a booth.")));
        if (errors.Count > 0) return new(Outcome.Fail([.. errors]), null);
        if (!await limits.MayJoinAsync(ip, member.VoterId, ct))
            return TooMany(T("Too many registrations were made from here or for this voter ID. Please try again later."));
        // Each registration sends a code: the code limits bound how many one number or one address can make.
        if (!await codes.MayAskAsync(member.Mobile, ip, ct))
            return TooMany(T("Too many codes were asked for. Please wait a few minutes and try again."));
        await limits.CountAsync(ip, member.VoterId, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var consent = await consents.CurrentIdAsync(ct);
        var token = ConfirmationLink.NewToken();
        var hold = await holds.HolderAsync(member.VoterId, ct) is null ? VoterIdHold.Holding : VoterIdHold.Claiming;
        while (true)
        {
            try
            {
                await SaveAsync(Fill(member, key, checkedPhoto!, consent, hold, now), checkedPhoto!, token, now, ct);
                break;
            }
            catch (DbUpdateException)
            {
                // Another request won the race: the same registration sent twice (its key), or the same voter (their ID).
                db.ChangeTracker.Clear();
                if (await EarlierAsync(key, ct) is { } winner) return await ReplayAsync(winner.Id, winner.Source, ct);
                if (hold == VoterIdHold.Claiming) throw;
                // The voter ID was taken at this moment: this one waits behind it, as any later one would.
                hold = VoterIdHold.Claiming;
                member = MemberValidation.Check(input, options.Value).Member;
            }
        }
        await codes.SendAsync(member.Id, member.Mobile, token, ip, ct);
        return new(Outcome.Ok(member.Id), token);
    }

    static Member Fill(Member member, string key, CheckedPhoto photo, int consentId, VoterIdHold hold, DateTime now)
    {
        member.RequestKey = key;
        member.Source = MemberSource.Online;
        member.Status = MemberStatus.Unconfirmed;
        member.Hold = hold;
        member.Fee = FeeState.Due;
        member.PhotoHash = photo.Hash;
        member.ConsentNoticeId = consentId;
        member.ConsentAt = now;
        member.CreatedAt = now;
        return member;
    }

    async Task SaveAsync(Member member, CheckedPhoto photo, string token, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        member.PhotoId = await PhotoStore.SaveAsync(db, new PhotoUpload(photo.Jpeg, "image/jpeg"), ct);
        db.Members.Add(member);
        MemberCounting.Joined(db, member, DateOnly.FromDateTime(now));
        await db.SaveChangesAsync(ct);
        db.MemberConfirmations.Add(Link(member.Id, token, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    Task<Earlier?> EarlierAsync(string key, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.RequestKey == key).Select(m => new Earlier(m.Id, m.Source)).FirstOrDefaultAsync(ct);

    sealed record Earlier(int Id, MemberSource Source);

    /// <summary>
    /// The same registration again: a new token for the same member (the first token is only a hash now). A key is a
    /// browser's own; a field enrollment's key is answered as if unknown rather than reached through.
    /// </summary>
    async Task<JoinStarted> ReplayAsync(int memberId, MemberSource source, CancellationToken ct)
    {
        if (source != MemberSource.Online || await db.MemberConfirmations.CountAsync(c => c.MemberId == memberId, ct) >= MaxTokens)
            return Refuse("RequestKey", T("This request key was already used for another enrollment."));
        var token = ConfirmationLink.NewToken();
        db.MemberConfirmations.Add(Link(memberId, token, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok(memberId), token);
    }

    MemberConfirmation Link(int memberId, string token, DateTime now) => new()
    {
        MemberId = memberId, TokenHash = ConfirmationLink.Hash(token), CreatedAt = now, ExpiresAt = now.AddHours(options.Value.ConfirmationHours),
    };

    async Task<bool> IsBoothAsync(int unitId, CancellationToken ct)
    {
        var deepest = await boothLevel.DepthAsync(db, ct);
        return await db.Units.AnyAsync(u => u.Id == unitId && u.Depth == deepest, ct);
    }

    static JoinStarted Refuse(string field, string message) => new(Outcome.Fail(new FieldError(field, message)), null);

    static JoinStarted TooMany(string message) => new(Outcome.Fail(new FieldError("", message)), null, TooMany: true);
}
