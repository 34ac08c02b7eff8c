using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

/// <summary>An audience as a client names it: the unit by id, levels and posts by key.</summary>
public sealed record AudienceChoice(int UnitId, bool OfficeBearers = false, IReadOnlyList<string>? Levels = null, IReadOnlyList<string>? Posts = null,
    bool Enrollers = false, bool Members = false, string? Category = null, string? Language = null,
    bool Sms = true, bool Email = false, bool WhatsApp = false)
{
    public IReadOnlySet<Channel> Channels => new HashSet<Channel>(
        new[] { (Sms, Channel.Sms), (Email, Channel.Email), (WhatsApp, Channel.WhatsApp) }.Where(c => c.Item1).Select(c => c.Item2));

    /// <summary>A meeting's invitees (set by the app, never by a client: a count of them is the meeting's to show).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public int? MeetingId { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public bool ExceptDeclined { get; init; }

    public static AudienceChoice Of(Broadcast b) => new(b.UnitId, b.OfficeBearers, AudienceSpec.Split(b.LevelKeys), AudienceSpec.Split(b.PostKeys),
        b.Enrollers, b.Members, b.Category, b.Language, b.UseSms, b.UseEmail, b.UseWhatsApp) { MeetingId = b.MeetingId, ExceptDeclined = b.ExceptDeclined };

    /// <summary>The audience in the database's terms; null when the unit does not exist.</summary>
    public async Task<AudienceSpec?> ResolveAsync(AppDb db, CancellationToken ct)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == UnitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var levelKeys = Clean(Levels);
        var levelIds = levelKeys.Count == 0 ? [] : await db.Levels.AsNoTracking().Where(l => levelKeys.Contains(l.Key)).Select(l => l.Id).ToListAsync(ct);
        // A level named that does not exist matches nobody, rather than everybody.
        if (levelKeys.Count > 0 && levelIds.Count == 0) levelIds = [-1];
        return new AudienceSpec(path, OfficeBearers, levelIds, Clean(Posts), Enrollers, Members,
            string.IsNullOrWhiteSpace(Category) ? null : Category.Trim(), string.IsNullOrWhiteSpace(Language) ? null : Language.Trim(), Channels)
        {
            MeetingId = MeetingId, ExceptDeclined = ExceptDeclined,
        };
    }

    static List<string> Clean(IReadOnlyList<string>? keys) =>
        (keys ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().Take(50).ToList();
}
