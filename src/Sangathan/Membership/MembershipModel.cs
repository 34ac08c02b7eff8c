using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Membership;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.Property(m => m.VoterId).HasMaxLength(PersonRules.VoterIdLength);
        e.Property(m => m.NameEn).HasMaxLength(PersonRules.MaxName);
        e.Property(m => m.NameHi).HasMaxLength(PersonRules.MaxName);
        e.Property(m => m.Mobile).HasMaxLength(16);
        e.Property(m => m.Category).HasMaxLength(32);
        e.Property(m => m.Village).HasMaxLength(PersonRules.MaxText);
        e.Property(m => m.Address).HasMaxLength(PersonRules.MaxText);
        e.Property(m => m.RequestKey).HasMaxLength(64);
        e.Property(m => m.DeviceId).HasMaxLength(64);
        e.Property(m => m.DecisionNote).HasMaxLength(500);
        e.Property(m => m.Language).HasMaxLength(8).HasDefaultValue("hi");
        // One holder per voter ID; claims and released ones beside it. The holder is what every check looks up, by this
        // index, whose filter the lookups repeat; an enrollment at the surge maintains no more than the old unique index.
        e.HasIndex(m => m.VoterId).IsUnique().HasFilter($"\"Hold\" = {(int)VoterIdHold.Holding}");
        e.HasIndex(m => m.RequestKey).IsUnique();
        e.HasIndex(m => m.Mobile);
        e.HasIndex(m => m.PhotoHash);
        // Scrutiny reads the few members waiting in a district; the enroller's list reads their own, newest first.
        e.HasIndex(m => new { m.Status, m.BoothId });
        e.HasIndex(m => new { m.BoothId, m.Status });
        e.HasIndex(m => new { m.EnrolledById, m.CreatedAt });
        e.HasIndex(m => new { m.DeviceId, m.CreatedAt });
        e.HasOne<Unit>().WithMany().HasForeignKey(m => m.BoothId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Photo).WithMany().HasForeignKey(m => m.PhotoId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(m => m.EnrolledById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Grant>().WithMany().HasForeignKey(m => m.GrantId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ConsentNotice>().WithMany().HasForeignKey(m => m.ConsentNoticeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JoinAttemptConfiguration : IEntityTypeConfiguration<JoinAttempt>
{
    public void Configure(EntityTypeBuilder<JoinAttempt> e)
    {
        e.ToTable("JoinAttempts");
        e.Property(a => a.Key).HasMaxLength(80);
        e.HasIndex(a => new { a.Key, a.At });
    }
}

internal sealed class ConsentNoticeConfiguration : IEntityTypeConfiguration<ConsentNotice>
{
    public void Configure(EntityTypeBuilder<ConsentNotice> e)
    {
        e.Property(c => c.Language).HasMaxLength(8);
        e.Property(c => c.Text).HasMaxLength(4000);
        e.Property(c => c.Sha256).HasMaxLength(64);
        e.HasIndex(c => c.Sha256).IsUnique();
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> e)
    {
        e.HasIndex(g => g.PersonId);
        e.HasIndex(g => g.ParentId);
        e.HasIndex(g => g.UnitId);
        e.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Grant>().WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberConfirmationConfiguration : IEntityTypeConfiguration<MemberConfirmation>
{
    public void Configure(EntityTypeBuilder<MemberConfirmation> e)
    {
        e.Property(c => c.TokenHash).HasMaxLength(64);
        e.HasIndex(c => c.TokenHash).IsUnique();
        e.HasIndex(c => c.MemberId);
        e.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<PaymentOrder>, IEntityTypeConfiguration<PaymentEvent>,
    IEntityTypeConfiguration<CashDeposit>
{
    public void Configure(EntityTypeBuilder<PaymentOrder> e)
    {
        e.Property(p => p.OrderId).HasMaxLength(64);
        e.Property(p => p.PaymentId).HasMaxLength(64);
        e.HasIndex(p => p.OrderId).IsUnique();
        e.HasIndex(p => p.MemberId);
        // The reconciler reads the few orders still open, the longest unchecked first.
        e.HasIndex(p => new { p.State, p.CheckedAt });
        e.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PaymentEvent> e)
    {
        e.Property(p => p.EventId).HasMaxLength(100);
        e.Property(p => p.OrderId).HasMaxLength(64);
        e.Property(p => p.Kind).HasMaxLength(64);
        e.HasIndex(p => p.EventId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CashDeposit> e)
    {
        e.HasIndex(d => d.EnrollerId);
        e.Property(d => d.Note).HasMaxLength(200);
        e.HasOne<Person>().WithMany().HasForeignKey(d => d.EnrollerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberCountsConfiguration : IEntityTypeConfiguration<MemberCountChange>, IEntityTypeConfiguration<MemberTally>,
    IEntityTypeConfiguration<MemberDayTally>, IEntityTypeConfiguration<MemberFlag>, IEntityTypeConfiguration<MemberTotal>,
    IEntityTypeConfiguration<EnrollerTally>
{
    public void Configure(EntityTypeBuilder<MemberCountChange> e) => e.Property(c => c.Category).HasMaxLength(32);

    public void Configure(EntityTypeBuilder<MemberTally> e)
    {
        e.HasKey(t => new { t.UnitId, t.Status, t.Category, t.Gender });
        e.Property(t => t.Category).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<MemberTotal> e)
    {
        e.HasKey(t => t.UnitId);
        e.Property(t => t.UnitId).ValueGeneratedNever();
    }

    // The ranking reads a unit's enrollers by how many they enrolled: an index range, never a sort of them all.
    public void Configure(EntityTypeBuilder<EnrollerTally> e)
    {
        e.HasKey(t => new { t.UnitId, t.EnrollerId });
        e.HasIndex(t => new { t.UnitId, t.Joined });
    }

    public void Configure(EntityTypeBuilder<MemberDayTally> e) => e.HasKey(t => new { t.UnitId, t.Day });

    public void Configure(EntityTypeBuilder<MemberFlag> e)
    {
        e.Property(f => f.Detail).HasMaxLength(200);
        e.HasIndex(f => f.MemberId);
        e.HasIndex(f => new { f.ClearedAt, f.Kind });
        e.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
