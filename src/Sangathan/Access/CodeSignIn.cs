using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Messaging;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Access;

public enum CodeRequestResult { Sent, InvalidNumber, TooMany }

public sealed record SignedIn(string Token, DateTime ExpiresAt);

/// <summary>
/// Office bearers, and workers while a grant lets them enroll (issue 20), sign in with their mobile number and a code sent to it. Whether a number is on record
/// never shows: an unknown number gets the same answer, and counts against the same limits, as a known one.
/// </summary>
public sealed class CodeSignIn(AppDb db, ISmsSender sms, SignInThrottle throttle, OneTimeCodes codes, Sessions sessions, AuditLog audit,
    TimeProvider clock, IOptions<AccessOptions> options)
{
    public async Task<CodeRequestResult> RequestAsync(string? input, string? ip, CancellationToken ct = default)
    {
        var mobile = PersonRules.NormalizeMobile(input);
        if (mobile is null) return CodeRequestResult.InvalidNumber;
        if (!await throttle.MayAskForCodeAsync(mobile, ip, ct)) return CodeRequestResult.TooMany;

        var known = await SignerAsync(mobile, ct) is not null;
        // An unknown number gets a row too, with a hash no code matches, so the per-number limit treats both alike.
        var code = await codes.IssueAsync(mobile, ip, OneTimeCodes.SignIn, known, ct);
        if (known)
            await sms.SendAsync(new SmsMessage(mobile, T("{0} is your Sangathan sign-in code. It expires in {1} minutes. Never share it with anyone.",
                code, (int)options.Value.CodeLifetime.TotalMinutes)), ct);
        return CodeRequestResult.Sent;
    }

    /// <summary>
    /// Checks a code; null means wrong, expired or used, or (Refused) that this address has failed too often to try now.
    /// The number itself is never locked: guesses against it from elsewhere only slow it, and its owner is told.
    /// </summary>
    public async Task<(SignedIn? Session, bool Refused)> VerifyAsync(string? input, string? code, string? ip, CancellationToken ct = default)
    {
        var mobile = PersonRules.NormalizeMobile(input);
        if (mobile is null) return (null, false);
        if (await throttle.RefusesAsync(Key(mobile), ip, ct)) return (null, true);

        var now = clock.GetUtcNow().UtcDateTime;
        var personId = await SignerAsync(mobile, ct);
        var claimed = personId is not null && await codes.ClaimAsync(mobile, code, OneTimeCodes.SignIn, ct);
        if (!claimed)
        {
            var warn = await throttle.FailAsync(Key(mobile), ip, ct);
            await audit.RecordAsync(new AuditDraft("sign-in-failed", "Mobile", PersonRules.Mask(mobile)), ct);
            if (warn) await WarnAsync(mobile, ct);
            return (null, false);
        }
        var expires = now + options.Value.OfficeBearerSession;
        var token = await sessions.OpenAsync(personId, null, options.Value.OfficeBearerSession, ip, ct);
        await audit.RecordAsync(new AuditDraft("sign-in", "Person", personId.ToString()), ct, $"person:{personId}");
        return (new SignedIn(token, expires), false);
    }

    /// <summary>
    /// Tells the owner that someone keeps guessing codes for their number (once in a while, see <see cref="SignInThrottle"/>),
    /// in their own language; the war room sees it in the audit log. An unknown number gets no SMS.
    /// </summary>
    async Task WarnAsync(string mobile, CancellationToken ct)
    {
        await audit.RecordAsync(new AuditDraft("sign-in-warning", "Mobile", PersonRules.Mask(mobile)), ct);
        var owner = await Signers(mobile).Select(p => new { p.Language }).FirstOrDefaultAsync(ct);
        if (owner is null) return;
        await sms.SendAsync(new SmsMessage(mobile, In(owner.Language, () => T(
            "Someone has entered many wrong Sangathan sign-in codes for your number. You can still sign in as usual. Never share a code with anyone."))), ct);
    }

    /// <summary>
    /// Those who may sign in with a code: people holding a post today, and workers (no post) while a grant of theirs is live,
    /// as their reach is (<see cref="Jurisdiction"/>): the last grant revoked, suspended or expired, the sign-in ends with it.
    /// </summary>
    IQueryable<Person> Signers(string mobile)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.People.Where(p => p.Mobile == mobile && (db.Appointments.Any(a => a.PersonId == p.Id && a.Until == null)
            || (db.Workers.Any(w => w.PersonId == p.Id) && db.Grants.Any(g => g.PersonId == p.Id && g.RevokedAt == null && g.SuspendedAt == null
                && (g.ExpiresAt == null || g.ExpiresAt > now)))));
    }

    async Task<int?> SignerAsync(string mobile, CancellationToken ct) =>
        await Signers(mobile).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    static string Key(string mobile) => $"mobile:{mobile}";
}

/// <summary>
/// Codes are kept as keyed hashes: six digits alone would be found from a plain hash in a moment. The key is the same
/// on every server (a code sent by one is checked by whichever the next request reaches): Access:CodeKey, or else
/// the database's shared secret.
/// </summary>
public sealed class CodeHasher(IOptions<AccessOptions> options, SharedSecrets secrets)
{
    readonly byte[] key = options.Value.CodeKey is { Length: > 0 } k ? Encoding.UTF8.GetBytes(k)
        : secrets.Key("", "Access:CodeKey", "sign-in-codes", "sangathan sign-in codes v1");

    public string Hash(string mobile, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{mobile}:{code}")));
}
