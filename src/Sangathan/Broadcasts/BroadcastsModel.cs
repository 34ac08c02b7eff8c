using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Organization;

namespace Sangathan.Broadcasts;

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>, IEntityTypeConfiguration<BroadcastMessage>,
    IEntityTypeConfiguration<WhatsAppUse>
{
    public void Configure(EntityTypeBuilder<Broadcast> e)
    {
        e.Property(b => b.Title).HasMaxLength(120);
        e.Property(b => b.LevelKeys).HasMaxLength(200);
        e.Property(b => b.PostKeys).HasMaxLength(400);
        e.Property(b => b.Category).HasMaxLength(32);
        e.Property(b => b.Language).HasMaxLength(8);
        e.Property(b => b.TextEn).HasMaxLength(BroadcastRules.MaxText);
        e.Property(b => b.TextHi).HasMaxLength(BroadcastRules.MaxText);
        e.Property(b => b.SubjectEn).HasMaxLength(150);
        e.Property(b => b.SubjectHi).HasMaxLength(150);
        e.Property(b => b.SenderId).HasMaxLength(11);
        e.Property(b => b.DltTemplateId).HasMaxLength(32);
        e.Property(b => b.WhatsAppTemplate).HasMaxLength(100);
        e.Property(b => b.CreatedBy).HasMaxLength(64);
        e.Property(b => b.ApprovedBy).HasMaxLength(64);
        e.Property(b => b.CancelledBy).HasMaxLength(64);
        e.HasIndex(b => new { b.Status, b.SendAt });
        e.HasIndex(b => new { b.UnitId, b.Id });
        e.Property(b => b.WhatsAppFields).HasMaxLength(500);
        e.HasOne<Meetings.Meeting>().WithMany().HasForeignKey(b => b.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<BroadcastMessage> e)
    {
        e.ToTable("BroadcastMessages");
        e.Property(m => m.Address).HasMaxLength(254);
        e.Property(m => m.Language).HasMaxLength(8);
        e.Property(m => m.Name).HasMaxLength(150);
        e.Property(m => m.UnitName).HasMaxLength(150);
        e.Property(m => m.PostName).HasMaxLength(100);
        e.Property(m => m.GatewayId).HasMaxLength(128);
        e.Property(m => m.Error).HasMaxLength(300);
        // Claims read a broadcast's queued rows of one channel in id order; the live page counts by status. Both are
        // ranges of this one index, so a million rows need no second index to be sent and followed.
        e.HasIndex(m => new { m.BroadcastId, m.Status, m.Channel, m.Id });
        // Nobody gets the same broadcast twice on one address, whoever they are in the tree (a president who is also a
        // member, a family sharing a phone).
        e.HasIndex(m => new { m.BroadcastId, m.Channel, m.Address }).IsUnique();
        // No foreign key to the broadcast: PostgreSQL checks one row by row (an after-trigger and a lookup each), which
        // cost a million-row queue more than all else it does beyond the raw insert. Nothing needs it: rows are written
        // by QueueBroadcast, in the transaction that holds their broadcast's row updated, and by the rerouter beside a
        // row of the same broadcast; broadcasts are never deleted (a cancelled one stays, with its outbox, for the record).
    }

    public void Configure(EntityTypeBuilder<WhatsAppUse> e) => e.HasKey(u => u.Hour);
}
