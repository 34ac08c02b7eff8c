using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Messaging;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>A new confirmation link for a member who has not confirmed yet, asked for by their enroller; a few per member.</summary>
public sealed class ResendConfirmation(AppDb db, Door door, ISmsSender sms, IOptions<MembershipOptions> options, TimeProvider clock)
{
    public const int MaxLinks = 3;

    public async Task<Outcome> RunAsync(int memberId, CancellationToken ct)
    {
        // Only the member's own enroller asks: for anyone else the member does not exist.
        if (door.PersonId is not { } me) return Outcome.Missing();
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.EnrolledById == me, ct);
        if (member is null) return Outcome.Missing();
        if (member.MobileConfirmedAt is not null) return Outcome.Fail(new FieldError("", T("This member has already confirmed.")));
        if (await db.MemberConfirmations.CountAsync(c => c.MemberId == memberId, ct) >= MaxLinks)
            return Outcome.Fail(new FieldError("", T("The link was sent {0} times already; ask the member to open it.", MaxLinks)));

        var now = clock.GetUtcNow().UtcDateTime;
        var token = ConfirmationLink.NewToken();
        db.MemberConfirmations.Add(new MemberConfirmation
        {
            MemberId = memberId, TokenHash = ConfirmationLink.Hash(token), CreatedAt = now, ExpiresAt = now.AddHours(options.Value.ConfirmationHours),
        });
        await db.SaveChangesAsync(ct);
        var sent = await sms.SendAsync(new SmsMessage(member.Mobile, ConfirmationLink.Sms(options.Value, token, member.Language)), ct);
        return sent.Accepted ? Outcome.Ok(memberId) : Outcome.Fail(new FieldError("", T("The SMS could not be sent now; try again later.")));
    }
}
