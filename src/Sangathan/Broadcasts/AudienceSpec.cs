namespace Sangathan.Broadcasts;

/// <summary>
/// Who a broadcast goes to: a unit's subtree, times who (office bearers of some levels and posts, enrollers,
/// verified members), times filters; and which channels it may use.
/// </summary>
public sealed record AudienceSpec(string UnitPath, bool OfficeBearers, IReadOnlyList<int> LevelIds, IReadOnlyList<string> PostKeys,
    bool Enrollers, bool Members, string? Category, string? Language, IReadOnlySet<Channel> Channels)
{
    /// <summary>A meeting's invitees instead of the groups above (see <see cref="Broadcast.MeetingId"/>).</summary>
    public int? MeetingId { get; init; }
    public bool ExceptDeclined { get; init; }

    public static IReadOnlySet<Channel> ChannelsOf(Broadcast b)
    {
        var set = new HashSet<Channel>();
        if (b.UseSms) set.Add(Channel.Sms);
        if (b.UseEmail) set.Add(Channel.Email);
        if (b.UseWhatsApp) set.Add(Channel.WhatsApp);
        return set;
    }

    public static IReadOnlyList<string> Split(string? keys) =>
        (keys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
