using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Platform;

/// <summary>A secret of <see cref="SharedSecrets"/> as stored; written once, by raw SQL, never audited (it would be copied).</summary>
public sealed class SharedSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}

internal sealed class SharedSecretConfiguration : IEntityTypeConfiguration<SharedSecret>
{
    public void Configure(EntityTypeBuilder<SharedSecret> e)
    {
        e.ToTable("Secrets");
        e.HasKey(s => s.Name);
        e.Property(s => s.Name).HasMaxLength(64);
        e.Property(s => s.Value).HasMaxLength(200);
    }
}
