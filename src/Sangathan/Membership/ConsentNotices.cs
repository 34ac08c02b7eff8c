using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>
/// The consent text shown on every enrollment form, in the reader's language. Each wording is stored once and each
/// member points at the exact one they agreed to, so a changed text never rewrites what someone consented to.
/// </summary>
public sealed class ConsentNotices(AppDb db, TimeProvider clock, ConsentNotices.Known known)
{
    /// <summary>Ids of the wordings already stored, by hash: a wording, once stored, never changes.</summary>
    public sealed class Known : System.Collections.Concurrent.ConcurrentDictionary<string, int>;

    public const string English =
        "I want to join the party. I agree that the party keeps my name, voter ID, mobile number, photo, category, age and " +
        "address to manage its membership and to contact me for party work and elections. It will not share them outside " +
        "the party. I can ask for them to be corrected or deleted.";

    public static string Text => T(English);

    /// <summary>The stored notice for the text shown now, added the first time it is used.</summary>
    public async Task<int> CurrentIdAsync(CancellationToken ct)
    {
        var text = Text;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (known.TryGetValue(hash, out var cached)) return cached;
        return known[hash] = await StoredIdAsync(text, hash, ct);
    }

    async Task<int> StoredIdAsync(string text, string hash, CancellationToken ct)
    {
        var id = await db.ConsentNotices.Where(c => c.Sha256 == hash).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (id is { } known) return known;
        var notice = new ConsentNotice { Language = IsHindi ? "hi" : "en", Text = text, Sha256 = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ConsentNotices.Add(notice);
        try
        {
            await db.SaveChangesAsync(ct);
            return notice.Id;
        }
        catch (DbUpdateException)
        {
            // Another request stored the same text first.
            db.Entry(notice).State = EntityState.Detached;
            return await db.ConsentNotices.Where(c => c.Sha256 == hash).Select(c => c.Id).FirstAsync(ct);
        }
    }
}
