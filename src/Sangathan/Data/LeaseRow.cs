using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Data;

/// <summary>A <see cref="Lease"/> as stored: one row a job, written only by the lease's own statements.</summary>
public sealed class LeaseRow
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime Until { get; set; }

    /// <summary>How far the job had got, noted by its holder for the next one (a job's own cursor).</summary>
    public long? Mark { get; set; }
}

internal sealed class LeaseRowConfiguration : IEntityTypeConfiguration<LeaseRow>
{
    public void Configure(EntityTypeBuilder<LeaseRow> e)
    {
        e.ToTable("Leases");
        e.HasKey(l => l.Name);
        e.Property(l => l.Name).HasMaxLength(64);
        e.Property(l => l.Holder).HasMaxLength(200);
    }
}
