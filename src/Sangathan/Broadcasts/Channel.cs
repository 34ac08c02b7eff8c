namespace Sangathan.Broadcasts;

/// <summary>How a message reaches a person. The numbers are stored; the order of fallback is <see cref="ChannelOrder"/>'s.</summary>
public enum Channel { Sms = 1, Email = 2, WhatsApp = 3 }

/// <summary>
/// Who gets which channel first, and what comes next when it fails: the person's preferred channel, then SMS, then
/// e-mail. WhatsApp only for those who chose it: WhatsApp's Business policy allows business-initiated messages only to
/// people who opted in to them.
/// </summary>
public static class ChannelOrder
{
    public static IEnumerable<Channel> For(Channel? preferred, IReadOnlySet<Channel> allowed)
    {
        var order = new List<Channel>();
        if (preferred is { } p && allowed.Contains(p)) order.Add(p);
        foreach (var c in new[] { Channel.Sms, Channel.Email })
            if (allowed.Contains(c) && !order.Contains(c)) order.Add(c);
        return order;
    }

    /// <summary>The channel after <paramref name="current"/> for this person, among those they have an address for.</summary>
    public static Channel? Next(Channel current, Channel? preferred, IReadOnlySet<Channel> allowed, Func<Channel, string?> address) =>
        For(preferred, allowed).SkipWhile(c => c != current).Skip(1).Where(c => address(c) is not null).Select(c => (Channel?)c).FirstOrDefault();
}
