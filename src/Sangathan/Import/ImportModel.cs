using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Import;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> e)
    {
        e.Property(j => j.FileName).HasMaxLength(260);
        e.Property(j => j.FileSha256).HasMaxLength(64);
        e.Property(j => j.Roles).HasMaxLength(200);
        e.Property(j => j.HeaderSignature).HasMaxLength(64);
        e.Property(j => j.Failure).HasMaxLength(1000);
        e.HasIndex(j => j.State);
        e.HasIndex(j => j.CreatedAt);
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> e)
    {
        e.HasKey(f => f.JobId);
        e.HasOne<ImportJob>().WithOne().HasForeignKey<ImportFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRowResultConfiguration : IEntityTypeConfiguration<ImportRowResult>
{
    public void Configure(EntityTypeBuilder<ImportRowResult> e)
    {
        e.Property(r => r.Sheet).HasMaxLength(100);
        e.Property(r => r.Summary).HasMaxLength(500);
        e.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.JobId, r.Number });
        e.HasIndex(r => new { r.JobId, r.Planned, r.Number });
    }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> e)
    {
        e.HasKey(m => m.Signature);
        e.Property(m => m.Signature).HasMaxLength(64);
    }
}

internal sealed class ImportProposalConfiguration : IEntityTypeConfiguration<ImportProposal>
{
    public void Configure(EntityTypeBuilder<ImportProposal> e)
    {
        e.Property(p => p.Key).HasMaxLength(64);
        e.Property(p => p.Written).HasMaxLength(200);
        e.Property(p => p.Under).HasMaxLength(200);
        e.Property(p => p.NearName).HasMaxLength(200);
        e.HasOne<ImportJob>().WithMany().HasForeignKey(p => p.JobId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.JobId, p.Kind, p.Key }).IsUnique();
    }
}
