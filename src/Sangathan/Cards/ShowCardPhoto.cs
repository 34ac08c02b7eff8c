using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Cards;

/// <summary>A member's photo shown to someone checking their card.</summary>
public sealed record CardPhoto(byte[] Content, string ContentType);

/// <summary>
/// The photo of a genuine card's member, for whoever shows its QR (the verification page compares it with the face in
/// front of it). Anyone holding the card, or a picture of it, may ask, signed in or not, so each showing is audited:
/// which card, whose photo, from which address. Once per card and address a day: a verifier at a meeting scans
/// the same card again and again, and an entry each time would tell nothing new while letting anyone with one card
/// grow the hash-chained log at will; a new address, or a new day, is a new entry.
/// </summary>
public sealed class ShowCardPhoto(AppDb db, VerifyCard verify, AuditLog audit, IAuditActor actor, TimeProvider clock)
{
    public const string Action = "card-photo";

    public async Task<(Verification Verification, CardPhoto? Photo)> RunAsync(string? code, CancellationToken ct)
    {
        var v = await verify.RunAsync(code, ct);
        if (v.Verdict != CardVerdict.Genuine || v.PhotoId is not { } photoId || v.MemberId is not { } memberId) return (v, null);
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new CardPhoto(p.Content, p.ContentType)).FirstOrDefaultAsync(ct);
        if (photo is null) return (v, null);

        var member = memberId.ToString(CultureInfo.InvariantCulture);
        var after = JsonSerializer.Serialize(new { card = CardIds.Of(long.Parse(v.Card!.Number, CultureInfo.InvariantCulture), v.Card.Issue) });
        var ip = actor.Ip;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        // Two first showings at the same moment may both write: a rare second entry, never a missing one.
        var seen = await db.AuditEntries.AnyAsync(e => e.Entity == "Member" && e.EntityId == member && e.Action == Action
            && e.After == after && e.Ip == ip && e.At > since, ct);
        if (!seen) await audit.RecordAsync(new AuditDraft(Action, "Member", member, After: after), ct);
        return (v, photo);
    }
}
