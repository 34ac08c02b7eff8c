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
/// </summary>
public sealed class JoinOnline(AppDb db, ConsentNotices consents, BoothLevel boothLevel, JoinCodes codes, IOptions<MembershipOptions> options,
    TimeProvider clock)
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

        var clashes = await db.Members.AsNoTracking().Where(m => m.RequestKey == key || m.VoterId == member.VoterId)
            .Select(m => new { m.Id, m.RequestKey, m.Source }).ToListAsync(ct);
        if (clashes.FirstOrDefault(c => c.RequestKey == key) is { } earlier) return await ReplayAsync(earlier.Id, earlier.Source, ct);
        if (clashes.Count > 0) errors.Add(new("VoterId", T("This voter ID is already a member.")));
        if (input.BoothId is { } boothId && !await IsBoothAsync(boothId, ct)) errors.Add(new("BoothId", T("Choose a booth.")));
        if (errors.Count > 0) return new(Outcome.Fail([.. errors]), null);
        // Each registration sends a code: the code limits bound how many one number or one address can make.
        if (!await codes.MayAskAsync(member.Mobile, ip, ct))
            return new(Outcome.Fail(new FieldError("", T("Too many codes were asked for. Please wait a few minutes and try again."))), null, TooMany: true);

        var now = clock.GetUtcNow().UtcDateTime;
        member.RequestKey = key;
        member.Source = MemberSource.Online;
        member.Status = MemberStatus.Unconfirmed;
        member.Fee = FeeState.Due;
        member.PhotoHash = checkedPhoto!.Hash;
        member.ConsentNoticeId = await consents.CurrentIdAsync(ct);
        member.ConsentAt = now;
        member.CreatedAt = now;
        var token = ConfirmationLink.NewToken();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                member.PhotoId = await PhotoStore.SaveAsync(db, new PhotoUpload(checkedPhoto.Jpeg, "image/jpeg"), ct);
                db.Members.Add(member);
                MemberCounting.Joined(db, member, DateOnly.FromDateTime(now));
                await db.SaveChangesAsync(ct);
                db.MemberConfirmations.Add(Link(member.Id, token, now));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request won the race: the same registration sent twice (its key), or the same voter (their ID).
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var winner = await db.Members.AsNoTracking().Where(m => m.RequestKey == key).Select(m => new { m.Id, m.Source }).FirstOrDefaultAsync(ct);
                return winner is null ? Refuse("VoterId", T("This voter ID is already a member.")) : await ReplayAsync(winner.Id, winner.Source, ct);
            }
        }
        await codes.SendAsync(member.Id, member.Mobile, token, ip, ct);
        return new(Outcome.Ok(member.Id), token);
    }

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
}
