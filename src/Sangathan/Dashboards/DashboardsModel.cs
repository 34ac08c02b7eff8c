using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Data;

namespace Sangathan.Dashboards;

internal sealed class DashboardsConfiguration : IEntityTypeConfiguration<Goal>, IEntityTypeConfiguration<ExpectedUnits>,
    IEntityTypeConfiguration<DailySnapshot>, IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Goal> e) => e.HasKey(g => new { g.Kind, g.ScopeId });

    public void Configure(EntityTypeBuilder<ExpectedUnits> e)
    {
        e.HasKey(x => new { x.Kind, x.ScopeId, x.LevelId });
        e.HasOne<Organization.Level>().WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DailySnapshot> e) => e.HasKey(s => new { s.Kind, s.ScopeId, s.Day });

    public void Configure(EntityTypeBuilder<Lease> e)
    {
        e.HasKey(l => l.Name);
        e.Property(l => l.Name).HasMaxLength(64);
        e.Property(l => l.Holder).HasMaxLength(128);
    }
}
