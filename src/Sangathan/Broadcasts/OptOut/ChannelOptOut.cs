using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Broadcasts;

public enum OptOutSource : short { SmsReply = 1, EmailLink = 2, OneClick = 3, Page = 4, WhatsAppReply = 5 }

/// <summary>
/// An address that wants no more broadcasts on one channel: a mobile that replied STOP to an SMS, a WhatsApp number
/// that wrote STOP to the party's, an e-mail address whose link was followed. Kept by address, not by person: it holds for whoever in the tree has that mobile or e-mail, now or
/// later (the phone's owner said it). E-mail addresses are kept in small letters.
/// </summary>
public sealed class ChannelOptOut
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    public required string Address { get; set; }
    public OptOutSource Source { get; set; }
    public DateTime At { get; set; }
}

internal sealed class ChannelOptOutConfiguration : IEntityTypeConfiguration<ChannelOptOut>
{
    public void Configure(EntityTypeBuilder<ChannelOptOut> e)
    {
        e.Property(o => o.Address).HasMaxLength(254);
        // The audience query looks each recipient's address up here, once per channel it might use.
        e.HasIndex(o => new { o.Channel, o.Address }).IsUnique();
    }
}
