using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.Property(p => p.NameEn).HasMaxLength(PersonRules.MaxName);
        e.Property(p => p.NameHi).HasMaxLength(PersonRules.MaxName);
        e.Property(p => p.NameKey).HasMaxLength(PersonRules.MaxName);
        e.Property(p => p.Mobile).HasMaxLength(16);
        e.Property(p => p.Email).HasMaxLength(PersonRules.MaxEmail);
        e.Property(p => p.Village).HasMaxLength(PersonRules.MaxText);
        e.Property(p => p.Jurisdiction).HasMaxLength(PersonRules.MaxText);
        foreach (var link in new[] { nameof(Person.Facebook), nameof(Person.X), nameof(Person.Instagram),
                     nameof(Person.YouTube), nameof(Person.WhatsApp) })
        {
            e.Property(link).HasMaxLength(PersonRules.MaxLink);
        }
        e.Property(p => p.VoterId).HasMaxLength(PersonRules.VoterIdLength);
        // Rows written by raw SQL (imports, demo loads) get Hindi, the default.
        e.Property(p => p.Language).HasMaxLength(8).HasDefaultValue("hi");
        e.HasIndex(p => p.Mobile).IsUnique();
        e.HasIndex(p => p.VoterId).IsUnique();
        // With the id, a name range read in order needs no sort before LIMIT.
        e.HasIndex(p => new { p.NameKey, p.Id });
        e.HasIndex(p => new { p.NameHi, p.Id });
        e.HasOne<Photo>().WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> e)
    {
        e.Property(p => p.Sha256).HasMaxLength(64);
        e.Property(p => p.ContentType).HasMaxLength(32);
        e.HasIndex(p => p.Sha256).IsUnique();
        // On PostgreSQL Content is stored EXTERNAL, out of line and not compressed again (migration
        // PhotosStoredUncompressed): EF's model has no word for a column's storage.
    }
}
