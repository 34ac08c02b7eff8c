using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<MeetingInvitee>,
    IEntityTypeConfiguration<MeetingScan>, IEntityTypeConfiguration<MeetingPhoto>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.Title).HasMaxLength(MeetingRules.MaxTitle);
        e.Property(m => m.Agenda).HasMaxLength(MeetingRules.MaxAgenda);
        e.Property(m => m.Place).HasMaxLength(MeetingRules.MaxPlace);
        e.Property(m => m.VideoLink).HasMaxLength(MeetingRules.MaxLink);
        e.Property(m => m.LevelKeys).HasMaxLength(200);
        e.Property(m => m.PostKeys).HasMaxLength(400);
        e.Property(m => m.Category).HasMaxLength(32);
        e.Property(m => m.Notes).HasMaxLength(MeetingRules.MaxMinutes);
        e.Property(m => m.Decisions).HasMaxLength(MeetingRules.MaxMinutes);
        e.Property(m => m.MinutesBy).HasMaxLength(64);
        e.Property(m => m.CreatedBy).HasMaxLength(64);
        // A unit's meetings newest first; reports over a subtree's units read each unit's months as one range.
        e.HasIndex(m => new { m.UnitId, m.StartsAt });
        e.HasIndex(m => new { m.UnitId, m.Month });
        e.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MeetingInvitee> e)
    {
        e.Property(i => i.Reason).HasMaxLength(MeetingRules.MaxReason);
        e.Property(i => i.MarkedBy).HasMaxLength(64);
        e.HasIndex(i => new { i.MeetingId, i.Kind, i.RecipientId }).IsUnique();
        // A person's or member's history across meetings.
        e.HasIndex(i => new { i.Kind, i.RecipientId, i.MeetingId });
        e.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingScan> e)
    {
        e.Property(s => s.Key).HasMaxLength(64);
        e.Property(s => s.Verdict).HasMaxLength(32);
        e.HasIndex(s => new { s.MeetingId, s.Key }).IsUnique();
        e.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingPhoto> e)
    {
        e.Property(p => p.AddedBy).HasMaxLength(64);
        e.HasIndex(p => p.MeetingId);
        e.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Photo>().WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.Restrict);
    }
}
