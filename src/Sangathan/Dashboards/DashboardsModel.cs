using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Data;

namespace Sangathan.Dashboards;

internal sealed class DashboardsConfiguration : IEntityTypeConfiguration<Goal>, IEntityTypeConfiguration<ExpectedUnits>,
    IEntityTypeConfiguration<DailySnapshot>
{
    public void Configure(EntityTypeBuilder<Goal> e) => e.HasKey(g => new { g.Kind, g.ScopeId });

    public void Configure(EntityTypeBuilder<ExpectedUnits> e)
    {
        e.HasKey(x => new { x.Kind, x.ScopeId, x.LevelId });
        e.HasOne<Organization.Level>().WithMany().HasForeignKey(x => x.LevelId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DailySnapshot> e) => e.HasKey(s => new { s.Kind, s.ScopeId, s.Day });
}
