using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Cards;

/// <summary>A signing key as the administrator sees it: its id, a short fingerprint of its public half, and its dates.</summary>
public sealed record CardKeyView(int Id, string Fingerprint, DateTime CreatedAt, DateTime? RetiredAt, bool Signing);

/// <summary>
/// Key rotation by key id: a new key signs every card drawn from then on, while the older ones keep verifying the cards
/// already printed until the administrator retires them (after those cards have been reprinted). A retired key leaves
/// the trust list, and the cards it signed are refused as not trusted.
/// </summary>
public sealed class CardKeys(AppDb db, Door door, CardKeyRing ring, TimeProvider clock)
{
    public async Task<IReadOnlyList<CardKeyView>?> ListAsync(CancellationToken ct)
    {
        if (!(await door.CallerAsync(ct)).CanManageCardKeys) return null;
        return await ViewsAsync(ct);
    }

    public async Task<Outcome> RotateAsync(CancellationToken ct)
    {
        if (!(await door.CallerAsync(ct)).CanManageCardKeys) return Outcome.Denied();
        return Outcome.Ok(await ring.AddKeyAsync(ct));
    }

    public async Task<Outcome> RetireAsync(int id, CancellationToken ct)
    {
        if (!(await door.CallerAsync(ct)).CanManageCardKeys) return Outcome.Denied();
        var key = await db.CardKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Outcome.Missing();
        if (key.RetiredAt is not null) return new Outcome(0, [new FieldError("", T("This key is retired already."))]) { Conflict = true };
        key.RetiredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await ring.ReloadAsync(ct);
        return Outcome.Ok(id);
    }

    /// <summary>The keys, for the command line, which runs with no caller to check.</summary>
    internal async Task<IReadOnlyList<CardKeyView>> ViewsAsync(CancellationToken ct)
    {
        var keys = await db.CardKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);
        var signing = keys.LastOrDefault(k => k.RetiredAt == null)?.Id;
        return keys.Select(k => new CardKeyView(k.Id, Convert.ToHexStringLower(SHA256.HashData(k.PublicKey))[..16], k.CreatedAt, k.RetiredAt, k.Id == signing))
            .ToList();
    }

    internal async Task<bool> RetireUncheckedAsync(int id, CancellationToken ct)
    {
        var done = await db.CardKeys.Where(k => k.Id == id && k.RetiredAt == null).ToListAsync(ct);
        foreach (var k in done) k.RetiredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await ring.ReloadAsync(ct);
        return done.Count > 0;
    }
}
