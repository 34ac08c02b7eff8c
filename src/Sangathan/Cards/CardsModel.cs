using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Membership;
using Sangathan.People;

namespace Sangathan.Cards;

internal sealed class CardsConfiguration : IEntityTypeConfiguration<MemberNumber>, IEntityTypeConfiguration<Card>,
    IEntityTypeConfiguration<CardKey>, IEntityTypeConfiguration<CardLink>
{
    public void Configure(EntityTypeBuilder<MemberNumber> e)
    {
        e.HasKey(n => n.MemberId);
        e.Property(n => n.MemberId).ValueGeneratedNever();
        e.HasIndex(n => n.Number).IsUnique();
        e.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Card> e)
    {
        e.HasIndex(c => new { c.MemberId, c.Issue }).IsUnique();
        // At most one card in use a member, even when two servers reissue at once (SQLite and PostgreSQL both filter).
        e.HasIndex(c => c.MemberId, "IX_Cards_Live").IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        // The revocation list reads the revoked cards still within their validity.
        e.HasIndex(c => new { c.RevokedAt, c.ValidUntil });
        e.Property(c => c.EndNote).HasMaxLength(200);
        e.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CardKey> e)
    {
        e.Property(k => k.PublicKey).HasMaxLength(200);
        e.Property(k => k.SealedPrivateKey).HasMaxLength(400);
    }

    public void Configure(EntityTypeBuilder<CardLink> e)
    {
        e.Property(l => l.TokenHash).HasMaxLength(64);
        e.HasIndex(l => l.TokenHash).IsUnique();
        e.HasIndex(l => new { l.MemberId, l.CreatedAt });
        e.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(l => l.SentById).OnDelete(DeleteBehavior.Restrict);
    }
}
