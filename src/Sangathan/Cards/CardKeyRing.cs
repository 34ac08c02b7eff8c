using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Cards;

/// <summary>
/// The signing keys as this process holds them: every key not retired, to verify, and the newest, to sign. Read
/// from the database at most once a minute (another server may have rotated them) and at once after a rotation
/// here; a QR naming a key not held makes one early reload, at most every ten seconds, so forged key ids cost nothing.
/// Keys replaced in a reload are left to the garbage collector rather than disposed: a request may still use them.
/// </summary>
public sealed class CardKeyRing(IServiceScopeFactory scopes, CardKeySeal seal, TimeProvider clock)
{
    static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1), UnknownKeyPause = TimeSpan.FromSeconds(10);

    sealed record Held(DateTime At, IReadOnlyDictionary<int, ECDsa> Verifying, int SigningId, ECDsa? Signing)
    {
        /// <summary>Made once a reload, not once a verification.</summary>
        public Func<int, ECDsa?> Lookup { get; } = id => Verifying.GetValueOrDefault(id);
    }

    readonly SemaphoreSlim loading = new(1, 1);
    Held? held;

    /// <summary>The key new cards are signed with, made on first use.</summary>
    public async Task<(int Id, ECDsa Key)> SigningKeyAsync(CancellationToken ct)
    {
        var h = await HeldAsync(false, ct);
        if (h.Signing is null)
        {
            await AddKeyAsync(ct);
            h = await HeldAsync(true, ct);
        }
        return (h.SigningId, h.Signing!);
    }

    /// <summary>Looks a key up by id for <see cref="CardCode.Read"/>: null for a key unknown or retired.</summary>
    public async Task<Func<int, ECDsa?>> VerifierAsync(CancellationToken ct)
    {
        return (await HeldAsync(false, ct)).Lookup;
    }

    /// <summary>
    /// Reloads after a QR named a key not held (it may have been made on another server), unless the keys were read
    /// less than ten seconds ago; whether anything was reloaded.
    /// </summary>
    public async Task<bool> ReloadForUnknownKeyAsync(CancellationToken ct)
    {
        var h = await HeldAsync(false, ct);
        if (clock.GetUtcNow().UtcDateTime - h.At < UnknownKeyPause) return false;
        await HeldAsync(true, ct);
        return true;
    }

    /// <summary>A new signing key; the ones before it keep verifying until they are retired.</summary>
    public async Task<int> AddKeyAsync(CancellationToken ct)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = ec.ExportSubjectPublicKeyInfo();
        var key = new CardKey
        {
            PublicKey = publicKey, SealedPrivateKey = seal.Seal(ec.ExportPkcs8PrivateKey(), publicKey), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.CardKeys.Add(key);
            await db.SaveChangesAsync(ct);
        }
        await HeldAsync(true, ct);
        return key.Id;
    }

    /// <summary>Forgets what is held, after a key was retired here.</summary>
    public Task ReloadAsync(CancellationToken ct) => HeldAsync(true, ct);

    async Task<Held> HeldAsync(bool reload, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var h = held;
        if (!reload && h is not null && now - h.At < Fresh) return h;
        await loading.WaitAsync(ct);
        try
        {
            if (!reload && held is { } other && other != h && now - other.At < Fresh) return other;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var keys = await db.CardKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderBy(k => k.Id).ToListAsync(ct);
            var verifying = new Dictionary<int, ECDsa>();
            foreach (var k in keys)
            {
                var ec = h?.Verifying.GetValueOrDefault(k.Id);
                if (ec is null)
                {
                    ec = ECDsa.Create();
                    ec.ImportSubjectPublicKeyInfo(k.PublicKey, out _);
                }
                verifying[k.Id] = ec;
            }
            var newest = keys.LastOrDefault();
            ECDsa? signing = null;
            if (newest is not null)
            {
                signing = h?.SigningId == newest.Id ? h.Signing : null;
                if (signing is null)
                {
                    signing = ECDsa.Create();
                    signing.ImportPkcs8PrivateKey(seal.Open(newest.SealedPrivateKey, newest.PublicKey), out _);
                }
            }
            return held = new Held(now, verifying, newest?.Id ?? 0, signing);
        }
        finally
        {
            loading.Release();
        }
    }
}
