using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Messaging;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Cards;

/// <summary>A card link that opened: which link, whose card.</summary>
public sealed record OpenedLink(int Id, int MemberId);

/// <summary>
/// Sends a member a link to their own card, to the mobile on record: asked for by whoever may print the card, or by
/// the member on the public page, giving their mobile. Either way only that mobile gets the link, so having the link
/// proves the mobile is theirs, as the confirmation at enrollment did. A mobile gets a few links a day at most.
/// </summary>
public sealed class SendCardLink(AppDb db, Door door, IssueCards issue, ISmsSender sms, AuditLog audit,
    IOptions<CardOptions> options, IOptions<MembershipOptions> membership, TimeProvider clock)
{
    public async Task<Outcome> ForMemberAsync(int memberId, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Join(db.Units, m => m.BoothId, u => u.Id, (m, u) => new { m.Mobile, m.EnrolledById, u.Path }).FirstOrDefaultAsync(ct);
        var opened = await door.OpenAsync(member is null ? null : new MemberResource(memberId, member.Path, member.EnrolledById), Operations.PrintCards, ct);
        if (member is null || opened.Refused) return opened.Refusal;
        if (await issue.LiveAsync(memberId, ct) is null)
            return new Outcome(0, [new FieldError("", T("This member has no card: they are not verified, or their card was ended."))]) { Conflict = true };
        if (!await MaySendAsync(member.Mobile, ct)) return Outcome.Fail(new FieldError("", T("Enough links were sent to this mobile today; try tomorrow.")));
        return await SendAsync(memberId, member.Mobile, door.PersonId, ct)
            ? Outcome.Ok(memberId) : Outcome.Fail(new FieldError("", T("The SMS could not be sent now; try again later.")));
    }

    /// <summary>The member's own request. The answer never says whether the mobile is a member's.</summary>
    public async Task<Outcome> ForMobileAsync(string? mobileInput, CancellationToken ct)
    {
        if (PersonRules.NormalizeMobile(mobileInput) is not { } mobile)
            return Outcome.Fail(new FieldError("Mobile", T("Enter a valid Indian mobile number of 10 digits.")));
        if (!await MaySendAsync(mobile, ct)) return Outcome.Ok(0);
        var members = await db.Members.AsNoTracking().Where(m => m.Mobile == mobile && m.Status == MemberStatus.Verified)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(membership.Value.MembersPerMobile).ToListAsync(ct);
        foreach (var id in members)
            if (await issue.LiveAsync(id, ct) is not null) await SendAsync(id, mobile, null, ct);
        return Outcome.Ok(0);
    }

    async Task<bool> MaySendAsync(string mobile, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var sent = await (from l in db.CardLinks
                          join m in db.Members on l.MemberId equals m.Id
                          where m.Mobile == mobile && l.CreatedAt > since
                          select l.Id).CountAsync(ct);
        return sent < options.Value.LinksPerMobilePerDay;
    }

    async Task<bool> SendAsync(int memberId, string mobile, int? sentBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = ConfirmationLink.NewToken();
        db.CardLinks.Add(new CardLink
        {
            MemberId = memberId, TokenHash = ConfirmationLink.Hash(token), CreatedAt = now, ExpiresAt = now.AddDays(options.Value.LinkDays), SentById = sentBy,
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditDraft("card-link-sent", "Member", memberId.ToString(CultureInfo.InvariantCulture)), ct);
        var url = $"{membership.Value.PublicUrl.TrimEnd('/')}/c/{token}";
        // Both languages in one message, as the confirmation link: English and the member's language on record.
        var language = await db.Members.Where(m => m.Id == memberId).Select(m => m.Language).FirstOrDefaultAsync(ct);
        var result = await sms.SendAsync(new SmsMessage(mobile, Platform.Localization.Texts.Bilingual(language, "Your party membership card: {0}", url)), ct);
        return result.Accepted;
    }

    /// <summary>The member a link opens, while it is good.</summary>
    public async Task<int?> MemberOfAsync(string token, CancellationToken ct) => (await OpenAsync(token, ct))?.MemberId;

    /// <summary>The link itself, while it is good: its id is how the audit log names who saw the card.</summary>
    public async Task<OpenedLink?> OpenAsync(string token, CancellationToken ct)
    {
        if (!ConfirmationLink.LooksLikeToken(token)) return null;
        var hash = ConfirmationLink.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.CardLinks.AsNoTracking().Where(l => l.TokenHash == hash && l.ExpiresAt > now)
            .Select(l => new OpenedLink(l.Id, l.MemberId)).FirstOrDefaultAsync(ct);
    }
}
