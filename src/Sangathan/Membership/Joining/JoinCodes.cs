using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Messaging;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

public enum CodeCheck { Confirmed, Wrong, Locked, NotWaiting }

/// <summary>
/// A person joining online confirms their own mobile with a code sent to it: it is their own phone, so the code they
/// type is proof enough. The sign-in's codes, limits and lockout, under a key of their own.
/// </summary>
public sealed class JoinCodes(AppDb db, OneTimeCodes codes, SignInThrottle throttle, VoterIdHolds holds, ISmsSender sms, IOptions<AccessOptions> access,
    IOptions<MembershipOptions> options, TimeProvider clock, ILogger<JoinCodes> log)
{
    public Task<bool> MayAskAsync(string mobile, string? ip, CancellationToken ct) => throttle.MayAskForCodeAsync(mobile, ip, ct);

    /// <summary>Sends a code, and the link to the member's own page so that they can come back to it.</summary>
    public async Task SendAsync(int memberId, string mobile, string token, string? ip, CancellationToken ct)
    {
        var code = await codes.IssueAsync(mobile, ip, OneTimeCodes.Joining, usable: true, ct);
        var url = $"{options.Value.PublicUrl.TrimEnd('/')}/join/{token}";
        var sent = await sms.SendAsync(new SmsMessage(mobile, T("{0} is your code to join. It expires in {1} minutes. Your page: {2}",
            code, (int)access.Value.CodeLifetime.TotalMinutes, url)), ct);
        if (!sent.Accepted) log.LogWarning("Joining code for member {MemberId} not accepted by the SMS gateway", memberId);
    }

    /// <summary>A new code for a member still confirming, within the same limits as the first.</summary>
    public async Task<bool?> ResendAsync(int memberId, string token, string? ip, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == memberId, ct);
        if (member.Status != MemberStatus.Unconfirmed || member.MobileConfirmedAt is not null) return null;
        if (!await MayAskAsync(member.Mobile, ip, ct)) return false;
        await SendAsync(memberId, member.Mobile, token, ip, ct);
        return true;
    }

    /// <summary>Locked: this address failed too often to try now (the number is never locked; see <see cref="SignInThrottle"/>).</summary>
    public async Task<CodeCheck> ConfirmAsync(int memberId, string? code, string? ip, CancellationToken ct)
    {
        var waiting = await db.Members.Where(m => m.Id == memberId && m.Status == MemberStatus.Unconfirmed && m.MobileConfirmedAt == null)
            .Select(m => new { m.Mobile, m.VoterId, m.Hold }).FirstOrDefaultAsync(ct);
        if (waiting is null) return CodeCheck.NotWaiting;
        var mobile = waiting.Mobile;
        var key = $"join:{mobile}";
        if (await throttle.RefusesAsync(key, ip, ct)) return CodeCheck.Locked;
        if (!await codes.ClaimAsync(mobile, code, OneTimeCodes.Joining, ct))
        {
            await throttle.FailAsync(key, ip, ct);
            return CodeCheck.Wrong;
        }
        // Only now, the mobile proven, is it found whether another enrollment holds the voter ID (or still does).
        if (waiting.Hold != VoterIdHold.Holding) await holds.TakeAsync(memberId, waiting.VoterId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MemberLock.TakeAsync(db, memberId, ct);
        var member = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        if (member.Status != MemberStatus.Unconfirmed || member.MobileConfirmedAt is not null) return CodeCheck.Confirmed; // a second code, typed in another tab
        var now = clock.GetUtcNow().UtcDateTime;
        member.MobileConfirmedAt = now;
        // Held by another: the member's own page now offers the claim (ClaimVoterId), and nothing moves until it is made.
        // Otherwise, paid in cash already (not online) goes to scrutiny, and unpaid to the fee.
        if (member.Hold == VoterIdHold.Holding)
        {
            member.Status = member.Fee == FeeState.Due ? MemberStatus.AwaitingPayment : MemberStatus.Pending;
            MemberCounting.Moved(db, member, MemberStatus.Unconfirmed, DateOnly.FromDateTime(now));
        }
        await db.MemberConfirmations.Where(c => c.MemberId == memberId && c.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedAt, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CodeCheck.Confirmed;
    }
}
