using System.ComponentModel.DataAnnotations;

namespace Sangathan.Meetings;

/// <summary>The "Meetings" section: the check-in window, lateness, the reminder, and the registrations of the notices' texts.</summary>
public sealed class MeetingOptions
{
    public const string Section = "Meetings";

    /// <summary>How long before the start the meeting's QR starts checking people in.</summary>
    [Range(0, 24 * 60)]
    public int CheckInOpensMinutes { get; set; } = 30;

    /// <summary>How long after the end it still does.</summary>
    [Range(0, 24 * 60)]
    public int CheckInClosesMinutes { get; set; } = 0;

    /// <summary>Someone marked present more than this after the start is late.</summary>
    [Range(0, 24 * 60)]
    public int LateAfterMinutes { get; set; } = 15;

    /// <summary>How long before the start the reminder goes (none for a meeting called closer to its start than this).</summary>
    [Range(1, 7 * 24)]
    public int ReminderHours { get; set; } = 3;

    /// <summary>Seals the invitees' answer links and the meetings' QRs; the same on every server (empty: a random one kept in the data folder).</summary>
    public string LinkSecret { get; set; } = "";

    /// <summary>The DLT header and the content templates the notices' SMS texts are registered under (see <see cref="MeetingNotice"/>).</summary>
    public string? SenderId { get; set; }
    [Required, RegularExpression("^[0-9]{6,32}$")]
    public string NoticeTemplateId { get; set; } = "1707000000000000101";
    [Required, RegularExpression("^[0-9]{6,32}$")]
    public string ReminderTemplateId { get; set; } = "1707000000000000102";
    [Required, RegularExpression("^[0-9]{6,32}$")]
    public string ChangeTemplateId { get; set; } = "1707000000000000103";
    [Required, RegularExpression("^[0-9]{6,32}$")]
    public string CancelTemplateId { get; set; } = "1707000000000000104";
    /// <summary>The approved WhatsApp template meetings' messages use ({{1}} name, {{2}} the message, {{3}} the link); empty: no WhatsApp.</summary>
    public string? WhatsAppTemplate { get; set; }
}
