using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Cards;

/// <summary>A card ready to draw: what it shows and its QR's text, signed just now.</summary>
public sealed record PrintedCard(CardFace Face, string Code);

/// <summary>A unit's batch ready to stream: its cards come as they are read and signed.</summary>
public sealed record PrintedBatch(string UnitCode, int Count, IAsyncEnumerable<PrintedCard> Cards);

/// <summary>
/// Hands out cards to those the door lets print them (<see cref="Operations.PrintCards"/>): one member's, or every
/// card of a unit, issuing what is missing first. Each download is written to the audit log before its first byte, with who, whose and how.
/// </summary>
public sealed class PrintCards(AppDb db, Door door, IssueCards issue, CardFaces faces, CardKeyRing keys, AuditLog audit)
{
    public async Task<(Outcome Outcome, PrintedCard? Card)> OneAsync(int memberId, string format, CancellationToken ct)
    {
        var member = await door.MemberAsync(memberId, Operations.PrintCards, ct);
        if (member.Refused) return (member.Refusal, null);
        if (await issue.LiveAsync(memberId, ct) is null) return (NoCard(), null);
        var face = (await faces.OfMemberAsync(memberId, ct))!;
        await audit.RecordAsync(new AuditDraft("card-print", "Member", memberId.ToString(CultureInfo.InvariantCulture),
            After: JsonSerializer.Serialize(new { card = CardIds.Of(face.Number, face.Issue), format })), ct);
        return (Outcome.Ok(memberId), await SignAsync(face, ct));
    }

    /// <summary>The card of the member a link was sent to, for the member themself; the link stood for the access check.</summary>
    public async Task<PrintedCard?> OwnAsync(OpenedLink link, string format, CancellationToken ct)
    {
        var memberId = link.MemberId;
        if (await issue.LiveAsync(memberId, ct) is null || await faces.OfMemberAsync(memberId, ct) is not { } face) return null;
        // The card bears the member's photo, and a link can be forwarded: the entry names the link it came through.
        await audit.RecordAsync(new AuditDraft("card-own", "Member", memberId.ToString(CultureInfo.InvariantCulture),
            After: JsonSerializer.Serialize(new { card = CardIds.Of(face.Number, face.Issue), format, link = link.Id })), ct, @as: "member by card link");
        return await SignAsync(face, ct);
    }

    public async Task<(Outcome Outcome, PrintedBatch? Batch)> BatchAsync(int unitId, BatchLayout layout, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Code, u.Path }).FirstOrDefaultAsync(ct);
        var opened = await door.OpenAsync(unit is null ? null : new UnitResource(unitId, unit.Path), Operations.PrintCards, ct);
        if (unit is null || opened.Refused) return (opened.Refusal, null);
        await issue.IssueMissingAsync(unit.Path, ct);
        var count = await faces.CountAsync(unit.Path, ct);
        await audit.RecordAsync(new AuditDraft("card-batch", "Unit", unitId.ToString(CultureInfo.InvariantCulture),
            After: JsonSerializer.Serialize(new { unit = unit.Code, layout = layout.ToString(), cards = count })), ct);
        var (keyId, key) = await keys.SigningKeyAsync(ct);
        return (Outcome.Ok(unitId), new PrintedBatch(unit.Code, count, Sign(faces.OfUnitAsync(unit.Path, ct), keyId, key, ct)));
    }

    async Task<PrintedCard> SignAsync(CardFace face, CancellationToken ct)
    {
        var (keyId, key) = await keys.SigningKeyAsync(ct);
        return new PrintedCard(face, CardCode.Write(face.Statement(keyId), key));
    }

    static async IAsyncEnumerable<PrintedCard> Sign(IAsyncEnumerable<CardFace> faces, int keyId, System.Security.Cryptography.ECDsa key,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var face in faces.WithCancellation(ct)) yield return new PrintedCard(face, CardCode.Write(face.Statement(keyId), key));
    }

    static Outcome NoCard() =>
        new(0, [new FieldError("", T("This member has no card: they are not verified, or their card was ended."))]) { Conflict = true };
}
