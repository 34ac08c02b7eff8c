using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.Actor).HasMaxLength(200);
        e.Property(a => a.Ip).HasMaxLength(64);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.Entity).HasMaxLength(64);
        e.Property(a => a.EntityId).HasMaxLength(64);
        e.Property(a => a.Reason).HasMaxLength(500);
        e.Property(a => a.PrevHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
        e.HasIndex(a => a.Seq).IsUnique();
        // The sealer's queue: entries not yet chained, found without reading the sealed ones.
        e.HasIndex(a => a.Id).HasDatabaseName("IX_AuditEntries_Unsealed").HasFilter("\"Seq\" IS NULL");
        e.HasIndex(a => new { a.Entity, a.EntityId });
        e.HasIndex(a => a.At);
        e.HasIndex(a => a.Actor);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> e)
    {
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.LastHash).HasMaxLength(64);
        e.HasData(new AuditHead { Id = 1, Count = 0, LastHash = AuditChain.Genesis });
    }
}
