using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Organization;

namespace Sangathan.Broadcasts;

/// <summary>
/// A broadcast's words saved under a name for a unit, to be composed again: the text in Hindi and English with its
/// fields, the e-mail subjects, and the registrations the text is sent under (DLT template and sender ID, WhatsApp's
/// template). Whoever may message the unit (or a unit below it) may use it.
/// </summary>
public sealed class MessageTemplate
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
    public required string TextEn { get; set; }
    public required string TextHi { get; set; }
    public string? SubjectEn { get; set; }
    public string? SubjectHi { get; set; }
    public string? SenderId { get; set; }
    public string? DltTemplateId { get; set; }
    public string? WhatsAppTemplate { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> e)
    {
        e.Property(t => t.Name).HasMaxLength(TemplateRules.MaxName);
        e.Property(t => t.TextEn).HasMaxLength(BroadcastRules.MaxText);
        e.Property(t => t.TextHi).HasMaxLength(BroadcastRules.MaxText);
        e.Property(t => t.SubjectEn).HasMaxLength(150);
        e.Property(t => t.SubjectHi).HasMaxLength(150);
        e.Property(t => t.SenderId).HasMaxLength(11);
        e.Property(t => t.DltTemplateId).HasMaxLength(32);
        e.Property(t => t.WhatsAppTemplate).HasMaxLength(100);
        e.Property(t => t.CreatedBy).HasMaxLength(64);
        // One name once per unit: saving under a name already there replaces its words.
        e.HasIndex(t => new { t.UnitId, t.Name }).IsUnique();
        e.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class TemplateRules
{
    public const int MaxName = 80;
}
