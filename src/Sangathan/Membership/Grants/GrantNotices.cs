using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using Sangathan.Messaging;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>
/// Tells a person by SMS, in their own language, that they were authorized to enroll (with where to sign in) or that an
/// authorization of theirs was revoked. Sent after the change is committed; a message the gateway refuses changes
/// nothing of the grant, and is logged by the grant's number only.
/// </summary>
public sealed partial class GrantNotices(AppDb db, ISmsSender sms, IOptions<MembershipOptions> options, ILogger<GrantNotices> log)
{
    public async Task GrantedAsync(int grantId, CancellationToken ct)
    {
        foreach (var g in await HoldersAsync([grantId], ct))
            await SendAsync(g.GrantId, g.Mobile, In(g.Language, "You may now enroll party members in {0}. Sign in with this mobile number: {1}",
                g.Language == "en" ? g.UnitEn : g.UnitHi, $"{options.Value.PublicUrl.TrimEnd('/')}/sign-in"), ct);
    }

    /// <summary>One message to each person whose authorization at a unit ended, however many of theirs a cascade ended there.</summary>
    public async Task RevokedAsync(IReadOnlyCollection<int> grantIds, CancellationToken ct)
    {
        foreach (var g in (await HoldersAsync(grantIds, ct)).DistinctBy(g => (g.Mobile, g.UnitEn)))
            await SendAsync(g.GrantId, g.Mobile, In(g.Language, "Your authorization to enroll party members in {0} has been revoked.",
                g.Language == "en" ? g.UnitEn : g.UnitHi), ct);
    }

    sealed record Holder(int GrantId, string Mobile, string Language, string UnitEn, string UnitHi);

    async Task<List<Holder>> HoldersAsync(IReadOnlyCollection<int> grantIds, CancellationToken ct)
    {
        var ids = grantIds.ToList();
        return await (from g in db.Grants.AsNoTracking()
                      where EF.Parameter(ids).Contains(g.Id)
                      join p in db.People on g.PersonId equals p.Id
                      join u in db.Units on g.UnitId equals u.Id
                      where p.Mobile != null
                      select new Holder(g.Id, p.Mobile!, p.Language, u.NameEn, u.NameHi)).ToListAsync(ct);
    }

    async Task SendAsync(int grantId, string mobile, string text, CancellationToken ct)
    {
        var result = await sms.SendAsync(new SmsMessage(mobile, text), ct);
        if (!result.Accepted) NotSent(log, grantId);
    }

    [LoggerMessage(LogLevel.Warning, "The SMS about grant {GrantId} was not accepted by the gateway")]
    static partial void NotSent(ILogger logger, int grantId);
}
