using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>The compose page's preview: the live count, and the text filled in for the audience's first recipient, with its SMS parts.</summary>
public sealed class PreviewBroadcast(AppDb db, Door door, TimeProvider clock)
{
    public async Task<BroadcastPreview?> RunAsync(BroadcastInput input, CancellationToken ct)
    {
        if ((await door.UnitAsync(input.UnitId, Operations.Message, ct)).Refused) return null;
        if (await input.Audience.ResolveAsync(db, ct) is not { } spec) return null;
        var now = Sql.Utc(clock);
        var count = await CountAudience.CountAsync(db, spec, now, ct);
        var (name, unit, post) = await SampleAsync(spec, now, ct);
        return new BroadcastPreview(count, Text(input.TextHi, name.Hi, unit.Hi, post.Hi), Text(input.TextEn, name.En, unit.En, post.En));
    }

    static PreviewText Text(string? template, string name, string? unit, string? post)
    {
        var text = MessageText.Render(template ?? "", name, unit, post);
        var (segments, unicode, length) = SmsSegments.Count(text);
        return new PreviewText(text, text.Length == 0 ? 0 : segments, unicode, length);
    }

    /// <summary>The first reachable recipient's fields, or examples when the audience is empty.</summary>
    async Task<((string Hi, string En) Name, (string Hi, string? En) Unit, (string? Hi, string? En) Post)> SampleAsync(AudienceSpec spec, DateTime now, CancellationToken ct)
    {
        await using var command = await Sql.CommandAsync(db,
            $"SELECT q.kind, q.rid, q.name, q.unit_name, q.post_name FROM ({AudienceSql.Recipients(spec)}) q WHERE q.channel IS NOT NULL ORDER BY q.kind, q.rid LIMIT 1", ct);
        AudienceSql.Bind(command, spec, now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (("रमेश कुमार", "Ramesh Kumar"), ("जयपुर", "Jaipur"), ("अध्यक्ष", "President"));
        string? At(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        // The row holds the recipient's own language; the other is shown with the same words, which is what a preview needs.
        var (n, u, p) = (At(2) ?? "", At(3), At(4));
        return ((n, n), (u ?? "", u), (p, p));
    }
}
