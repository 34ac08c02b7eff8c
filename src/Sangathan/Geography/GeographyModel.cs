using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Geography;

internal sealed class ConstituencyConfiguration : IEntityTypeConfiguration<Constituency>
{
    public void Configure(EntityTypeBuilder<Constituency> e)
    {
        e.Property(c => c.NameEn).HasMaxLength(100);
        e.Property(c => c.NameHi).HasMaxLength(100);
        e.Property(c => c.Reservation).HasMaxLength(8);
        e.Property(c => c.District).HasMaxLength(100);
        e.HasIndex(c => new { c.Kind, c.Number }).IsUnique();
        e.HasOne<Constituency>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConstituencyUnitConfiguration : IEntityTypeConfiguration<ConstituencyUnit>
{
    public void Configure(EntityTypeBuilder<ConstituencyUnit> e)
    {
        e.HasKey(cu => new { cu.ConstituencyId, cu.UnitId });
        e.HasIndex(cu => cu.UnitId);
        e.HasOne<Constituency>().WithMany().HasForeignKey(cu => cu.ConstituencyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization.Unit>().WithMany().HasForeignKey(cu => cu.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RepresentativeConfiguration : IEntityTypeConfiguration<Representative>
{
    public void Configure(EntityTypeBuilder<Representative> e)
    {
        e.HasIndex(r => new { r.ConstituencyId, r.Until });
        e.Property(r => r.Party).HasMaxLength(64);
        e.HasIndex(r => r.PersonId);
        e.HasOne<People.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Constituency>().WithMany().HasForeignKey(r => r.ConstituencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
