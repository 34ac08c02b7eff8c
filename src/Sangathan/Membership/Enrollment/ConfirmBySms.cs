using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Messaging;
using Sangathan.People;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>
/// A member with a feature phone, or no data, confirms by sending back the code their SMS carries (Kannel's
/// sms-service hands the reply on, as it does STOP). It counts only from the mobile the member was enrolled with, for
/// a link still waiting there; the member is thanked by SMS in their language. Anything else is left unanswered:
/// a reply to a stray message must not start an exchange of SMS.
/// </summary>
public sealed partial class ConfirmBySms(AppDb db, VoterIdHolds holds, ISmsSender sms, TimeProvider clock, ILogger<ConfirmBySms> log)
{
    /// <summary>How many members the reply confirmed (two on one shared phone may have drawn the same code).</summary>
    public async Task<int> RunAsync(string? from, string? text, CancellationToken ct)
    {
        if (MobileOf(from) is not { } mobile || CodeIn(text) is not { } code) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await (from m in db.Members
                             where m.Mobile == mobile && m.MobileConfirmedAt == null && m.Source == MemberSource.Field
                             join c in db.MemberConfirmations on m.Id equals c.MemberId
                             where c.ConfirmedAt == null && c.ExpiresAt > now
                             select new { Member = m, Link = c }).ToListAsync(ct);
        var matched = waiting.Where(w => ConfirmationLink.ReplyCode(w.Link.TokenHash) == code).DistinctBy(w => w.Member.Id).ToList();
        if (matched.Count == 0) return 0;
        foreach (var w in matched) await ConfirmMember.SettleAsync(db, holds, w.Link, w.Member, now, ct);
        await db.SaveChangesAsync(ct);
        var language = matched[0].Member.Language;
        var result = await sms.SendAsync(new SmsMessage(mobile, In(language,
            "Thank you: your party membership is confirmed. You will be told by SMS after the district's check.")), ct);
        if (!result.Accepted) NotThanked(log, matched[0].Member.Id);
        return matched.Count;
    }

    /// <summary>The sender as operators write it (digits, country code first, no plus) or as E.164.</summary>
    static string? MobileOf(string? from) =>
        PersonRules.NormalizeMobile(from is { Length: 12 } f && f.StartsWith("91") && f.All(char.IsAsciiDigit) ? "+" + f : from);

    /// <summary>The first four digits in a row, in Latin or Devanagari figures (a Hindi keypad writes ०-९), alone as a word.</summary>
    static string? CodeIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 160) return null;
        var digits = new string(text.Select(c => c is >= '०' and <= '९' ? (char)('0' + (c - '०')) : c).ToArray());
        var match = System.Text.RegularExpressions.Regex.Match(digits, @"(?<![0-9])[0-9]{4}(?![0-9])");
        return match.Success ? match.Value : null;
    }

    [LoggerMessage(LogLevel.Warning, "The thanks for member {MemberId}'s SMS confirmation was not accepted by the gateway")]
    static partial void NotThanked(ILogger logger, int memberId);
}
