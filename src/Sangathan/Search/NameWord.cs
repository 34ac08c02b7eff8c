using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Search;

/// <summary>
/// One word of a person's name as search compares it (<see cref="NameKeys"/>): what lets "Jat" find गीता जाट by an
/// index range, where the name columns can only be searched from their first letter.
/// </summary>
public sealed class PersonWord
{
    public required string Word { get; set; }
    public int PersonId { get; set; }
}

/// <summary>One word of a member's name, as <see cref="PersonWord"/> is of a person's.</summary>
public sealed class MemberWord
{
    public required string Word { get; set; }
    public int MemberId { get; set; }
}

internal sealed class NameWordConfiguration : IEntityTypeConfiguration<PersonWord>, IEntityTypeConfiguration<MemberWord>
{
    public void Configure(EntityTypeBuilder<PersonWord> e)
    {
        // The key is the lookup: a word range read in order, each person once per word.
        e.HasKey(w => new { w.Word, w.PersonId });
        e.Property(w => w.Word).HasMaxLength(NameKeys.MaxWord);
        // The other words of a query are checked person by person; renames delete a person's words.
        e.HasIndex(w => new { w.PersonId, w.Word });
        e.HasOne<People.Person>().WithMany().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MemberWord> e)
    {
        e.HasKey(w => new { w.Word, w.MemberId });
        e.Property(w => w.Word).HasMaxLength(NameKeys.MaxWord);
        e.HasIndex(w => new { w.MemberId, w.Word });
        e.HasOne<Membership.Member>().WithMany().HasForeignKey(w => w.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
