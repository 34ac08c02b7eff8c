using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sangathan.Audit;

/// <summary>How an entry's hash is made: SHA-256 over its fields and the previous entry's hash.</summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(AuditEntry e)
    {
        // Fields are length-prefixed so that no shifting of text between fields gives the same input.
        var sb = new StringBuilder();
        foreach (var field in new[]
                 {
                     e.Seq?.ToString(CultureInfo.InvariantCulture), e.At.Ticks.ToString(CultureInfo.InvariantCulture),
                     e.Actor, e.Ip, e.Action, e.Entity, e.EntityId, e.Before, e.After, e.Reason, e.PrevHash,
                 })
        {
            var value = field ?? "\0";
            sb.Append(value.Length).Append(':').Append(value).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Both databases keep microseconds at best; the hash is taken over what will be read back.</summary>
    public static DateTime Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
