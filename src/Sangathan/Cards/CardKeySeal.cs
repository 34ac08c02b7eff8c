using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sangathan.Data;
using Sangathan.Platform;

namespace Sangathan.Cards;

/// <summary>
/// Seals a signing key's private half with AES-256-GCM under a key derived from the configured secret, bound to its
/// public half: a copy of the database alone cannot sign cards, and a sealed key cannot be moved to another public key.
/// The keys live in the database rather than in a file so that every app server signs with the same keys and a backup
/// carries them; the secret lives in configuration, apart from the database.
/// </summary>
public sealed class CardKeySeal
{
    const int NonceBytes = 12, TagBytes = 16;
    readonly byte[] key;

    public CardKeySeal(IOptions<CardOptions> options, SharedSecrets secrets, ILogger<CardKeySeal> logger)
    {
        if (options.Value.KeySecret.Length == 0) logger.LogWarning(
            "Cards:KeySecret is not set: the card keys are sealed with a secret kept in the same database, so a copy of it could sign cards; set it, the same on every server");
        key = secrets.Key(options.Value.KeySecret, "Cards:KeySecret", "card-keys", "sangathan card keys v1");
    }

    public byte[] Seal(byte[] privateKey, byte[] publicKey)
    {
        var sealedKey = new byte[NonceBytes + TagBytes + privateKey.Length];
        var nonce = sealedKey.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, privateKey, sealedKey.AsSpan(NonceBytes + TagBytes), sealedKey.AsSpan(NonceBytes, TagBytes), publicKey);
        return sealedKey;
    }

    /// <summary>The private key (PKCS#8), or an error that says the secret changed.</summary>
    public byte[] Open(byte[] sealedKey, byte[] publicKey)
    {
        var plain = new byte[sealedKey.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(sealedKey.AsSpan(0, NonceBytes), sealedKey.AsSpan(NonceBytes + TagBytes), sealedKey.AsSpan(NonceBytes, TagBytes), plain, publicKey);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidOperationException("A card signing key cannot be opened: Cards:KeySecret is not the one it was sealed with.", e);
        }
        return plain;
    }
}
