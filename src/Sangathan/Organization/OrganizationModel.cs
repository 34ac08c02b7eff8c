using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Organization;

internal sealed class LevelConfiguration : IEntityTypeConfiguration<Level>
{
    public void Configure(EntityTypeBuilder<Level> e)
    {
        e.Property(l => l.Key).HasMaxLength(32);
        e.Property(l => l.NameEn).HasMaxLength(100);
        e.Property(l => l.NameHi).HasMaxLength(100);
        e.HasIndex(l => l.Key).IsUnique();
        e.HasIndex(l => l.Depth).IsUnique();
        e.HasMany(l => l.Posts).WithOne().HasForeignKey(p => p.LevelId);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> e)
    {
        e.Property(p => p.Key).HasMaxLength(32);
        e.Property(p => p.NameEn).HasMaxLength(100);
        e.Property(p => p.NameHi).HasMaxLength(100);
        e.HasIndex(p => new { p.LevelId, p.Key }).IsUnique();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.Property(u => u.Code).HasMaxLength(UnitRules.MaxCode);
        e.Property(u => u.NameEn).HasMaxLength(UnitRules.MaxName);
        e.Property(u => u.NameHi).HasMaxLength(UnitRules.MaxName);
        e.Property(u => u.NameKey).HasMaxLength(UnitRules.MaxName);
        e.Property(u => u.Path).HasMaxLength(400);
        // The live tree: an ended unit drops out of every query that does not ask for history, and frees its code.
        e.HasQueryFilter(u => u.Until == null);
        e.HasIndex(u => u.Code).IsUnique().HasFilter("\"Until\" IS NULL");
        e.HasIndex(u => u.Path);
        e.HasIndex(u => u.NameKey);
        e.HasIndex(u => u.NameHi);
        e.HasIndex(u => new { u.ParentId, u.NameEn });
        e.HasIndex(u => new { u.RegionId, u.LevelId });
        e.HasIndex(u => u.AssemblyConstituencyId);
        e.HasOne(u => u.Level).WithMany().HasForeignKey(u => u.LevelId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Geography.Constituency>().WithMany().HasForeignKey(u => u.AssemblyConstituencyId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> e)
    {
        e.HasIndex(a => new { a.UnitId, a.Until, a.PostId });
        e.HasIndex(a => new { a.PersonId, a.Until });
        e.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<People.Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
