using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.People;

namespace Sangathan.Broadcasts;

/// <summary>The link's page: which channel and (masked) address its message went to.</summary>
public sealed record OptOutView(Channel Channel, string MaskedAddress, bool Done);

/// <summary>
/// Stops broadcasts on one channel to one address: recorded once (the interceptor audits it), and whatever is still
/// queued to that address on that channel is cancelled at once, in every broadcast.
/// </summary>
public sealed class StopChannel(AppDb db, OptOutLinks links, TimeProvider clock)
{
    public async Task<OptOutView?> ViewAsync(string token, CancellationToken ct)
    {
        if (await MessageAsync(token, ct) is not { } m) return null;
        var address = Key(m.Channel, m.Address);
        var done = await db.ChannelOptOuts.AnyAsync(o => o.Channel == m.Channel && o.Address == address, ct);
        return new OptOutView(m.Channel, GetBroadcast.Masked(m.Address), done);
    }

    /// <summary>Stops the channel the link's message came by; null for a link not made here.</summary>
    public async Task<OptOutView?> ByLinkAsync(string token, OptOutSource source, CancellationToken ct)
    {
        if (await MessageAsync(token, ct) is not { } m) return null;
        await RunAsync(m.Channel, m.Address, source, ct);
        return new OptOutView(m.Channel, GetBroadcast.Masked(m.Address), true);
    }

    /// <summary>A mobile that replied STOP: no more SMS to it. False when the sender is not a mobile number.</summary>
    public async Task<bool> BySmsReplyAsync(string? from, CancellationToken ct)
    {
        var mobile = PersonRules.NormalizeMobile(from is { Length: 12 } f && f.StartsWith("91") && f.All(char.IsAsciiDigit) ? "+" + f : from);
        if (mobile is null) return false;
        await RunAsync(Channel.Sms, mobile, OptOutSource.SmsReply, ct);
        return true;
    }

    /// <summary>
    /// A number that wrote STOP to the party's WhatsApp (or tapped a STOP button): no more WhatsApp to it. WhatsApp
    /// names the sender by the number's digits, country code first; false when it is not such a number.
    /// </summary>
    public async Task<bool> ByWhatsAppReplyAsync(string from, CancellationToken ct)
    {
        if (from is not { Length: >= 8 and <= 15 } || !from.All(char.IsAsciiDigit)) return false;
        await RunAsync(Channel.WhatsApp, "+" + from, OptOutSource.WhatsAppReply, ct);
        return true;
    }

    public async Task RunAsync(Channel channel, string address, OptOutSource source, CancellationToken ct)
    {
        var key = Key(channel, address);
        if (!await db.ChannelOptOuts.AnyAsync(o => o.Channel == channel && o.Address == key, ct))
        {
            db.ChannelOptOuts.Add(new ChannelOptOut { Channel = channel, Address = key, Source = source, At = Sql.Utc(clock) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same link followed twice at once (a mail scanner and its reader): the other request recorded it.
                db.ChangeTracker.Clear();
                if (!await db.ChannelOptOuts.AsNoTracking().AnyAsync(o => o.Channel == channel && o.Address == key, ct)) throw;
            }
        }
        var queued = db.BroadcastMessages.Where(m => m.Channel == channel && m.Status == MessageStatus.Queued);
        queued = channel == Channel.Email ? queued.Where(m => m.Address.ToLower() == key) : queued.Where(m => m.Address == key);
        await queued.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Cancelled).SetProperty(m => m.Error, "Opted out."), ct);
    }

    /// <summary>How an address is kept: e-mail in small letters (mail servers treat it so), mobiles as E.164.</summary>
    internal static string Key(Channel channel, string address) =>
        channel == Channel.Email ? address.Trim().ToLowerInvariant() : address.Trim();

    async Task<BroadcastMessage?> MessageAsync(string token, CancellationToken ct) =>
        links.MessageOf(token) is { } id ? await db.BroadcastMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) : null;
}
