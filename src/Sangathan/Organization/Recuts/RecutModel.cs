using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Organization;

internal sealed class RecutConfiguration : IEntityTypeConfiguration<Recut>, IEntityTypeConfiguration<RecutStep>,
    IEntityTypeConfiguration<MemberMove>, IEntityTypeConfiguration<UnitHistory>
{
    public void Configure(EntityTypeBuilder<Recut> e)
    {
        e.Property(r => r.Reason).HasMaxLength(500);
        e.Property(r => r.CreatedBy).HasMaxLength(200);
        e.Property(r => r.Summary).HasMaxLength(1000);
        e.Property(r => r.RevertedBy).HasMaxLength(200);
        e.Property(r => r.RevertReason).HasMaxLength(500);
        e.HasIndex(r => r.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<RecutStep> e)
    {
        e.HasIndex(s => s.RecutId);
        e.HasIndex(s => new { s.Kind, s.Target });
        e.HasOne<Recut>().WithMany().HasForeignKey(s => s.RecutId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MemberMove> e)
    {
        e.HasIndex(m => m.RecutId);
        // The tree as of a date asks, per member, for the first move after that date.
        e.HasIndex(m => new { m.MemberId, m.On });
        e.HasIndex(m => new { m.On, m.FromBoothId });
        e.HasOne<Recut>().WithMany().HasForeignKey(m => m.RecutId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Membership.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<UnitHistory> e)
    {
        e.Property(h => h.Code).HasMaxLength(UnitRules.MaxCode);
        e.Property(h => h.NameEn).HasMaxLength(UnitRules.MaxName);
        e.Property(h => h.NameHi).HasMaxLength(UnitRules.MaxName);
        e.HasIndex(h => new { h.UnitId, h.Until });
        e.HasIndex(h => new { h.ParentId, h.Until });
        e.HasIndex(h => h.RecutId);
        e.HasOne<Recut>().WithMany().HasForeignKey(h => h.RecutId).OnDelete(DeleteBehavior.Restrict);
    }
}
