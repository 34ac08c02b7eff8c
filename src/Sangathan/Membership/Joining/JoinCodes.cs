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
public sealed class JoinCodes(AppDb db, OneTimeCodes codes, SignInThrottle throttle, ISmsSender sms, IOptions<AccessOptions> access,
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
        if (member.Status != MemberStatus.Unconfirmed) return null;
        if (!await MayAskAsync(member.Mobile, ip, ct)) return false;
        await SendAsync(memberId, member.Mobile, token, ip, ct);
        return true;
    }

    /// <summary>Locked: this address failed too often to try now (the number is never locked; see <see cref="SignInThrottle"/>).</summary>
    public async Task<CodeCheck> ConfirmAsync(int memberId, string? code, string? ip, CancellationToken ct)
    {
        var mobile = await db.Members.Where(m => m.Id == memberId && m.Status == MemberStatus.Unconfirmed).Select(m => m.Mobile).FirstOrDefaultAsync(ct);
        if (mobile is null) return CodeCheck.NotWaiting;
        var key = $"join:{mobile}";
        if (await throttle.RefusesAsync(key, ip, ct)) return CodeCheck.Locked;
        if (!await codes.ClaimAsync(mobile, code, OneTimeCodes.Joining, ct))
        {
            await throttle.FailAsync(key, ip, ct);
            return CodeCheck.Wrong;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MemberLock.TakeAsync(db, memberId, ct);
        var member = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        if (member.Status != MemberStatus.Unconfirmed) return CodeCheck.Confirmed; // a second code, typed in another tab
        var now = clock.GetUtcNow().UtcDateTime;
        member.MobileConfirmedAt = now;
        // Paid in cash already (not online) goes to scrutiny; otherwise the fee is next.
        member.Status = member.Fee == FeeState.Due ? MemberStatus.AwaitingPayment : MemberStatus.Pending;
        MemberCounting.Moved(db, member, MemberStatus.Unconfirmed, DateOnly.FromDateTime(now));
        await db.MemberConfirmations.Where(c => c.MemberId == memberId && c.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedAt, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CodeCheck.Confirmed;
    }
}
