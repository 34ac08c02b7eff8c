using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Cards;

public sealed record RevokeInput(CardEnd? Reason, string? Note);

/// <summary>
/// Ends a member's card in use. A lost, damaged or outdated card is replaced in the same save by the next issue (a new
/// QR, the same number); an expelled member's card is ended for good. Either way the old card is in the revocation
/// list from now on, online at once and offline once a verifier's list is refreshed.
/// </summary>
public sealed class RevokeCard(AppDb db, Door door, IssueCards issue, TimeProvider clock)
{
    /// <returns>The outcome; on success its id is the new card's issue, or 0 when the card was ended for good.</returns>
    public async Task<Outcome> RunAsync(int memberId, RevokeInput input, CancellationToken ct)
    {
        var member = await door.MemberAsync(memberId, Operations.Read, ct);
        if (member.Refused) return member.Refusal;
        if (input.Reason is not { } reason || !Enum.IsDefined(reason))
            return Outcome.Fail(new FieldError("Reason", T("Say why the card ends: lost, damaged, details changed or expelled.")));
        var note = PersonRules.CleanOrNull(input.Note);
        if (note is { Length: > 200 }) return Outcome.Fail(new FieldError("Note", T("This is too long: at most {0} characters.", 200)));
        var forGood = reason == CardEnd.Expelled;
        // Which operation depends on the reason: a replacement is the printers', an end for good the district's.
        if (!await door.AllowsAsync(member.Resource!, forGood ? Operations.EndCard : Operations.ReplaceCard, ct)) return Outcome.Denied();

        var live = await db.Cards.FirstOrDefaultAsync(c => c.MemberId == memberId && c.RevokedAt == null, ct);
        if (live is null)
            return new Outcome(0, [new FieldError("", T("This member has no card in use."))]) { Conflict = true };
        live.RevokedAt = clock.GetUtcNow().UtcDateTime;
        live.EndReason = reason;
        live.EndNote = note;
        // One transaction: the old card is never ended without its replacement. Two saves, the old card first, so that
        // the database never sees two cards in use.
        Card? next = null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            if (!forGood)
            {
                next = issue.Next(memberId, live.Issue + 1);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome(0, [new FieldError("", T("The card was changed by someone else just now; look again."))]) { Conflict = true };
        }
        return Outcome.Ok(next?.Issue ?? 0);
    }
}
