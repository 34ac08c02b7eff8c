namespace Sangathan.People;

/// <summary>
/// A person's mobile, e-mail and WhatsApp number as one reader sees them: in full, or masked, decided once per reader by
/// <see cref="Access.Operations.SeeContacts"/>. The Call, WhatsApp and e-mail buttons come only with a contact in full
/// (<see cref="Call"/>, <see cref="WhatsAppTo"/>, <see cref="MailTo"/>): a masked number would dial nothing.
/// </summary>
public sealed record ContactsView(string? Mobile, string? Email, string? WhatsApp, bool Masked)
{
    public static readonly ContactsView None = new(null, null, null, false);

    public static ContactsView Of(Person p, bool shown) => Of(p.Mobile, p.Email, p.WhatsApp, shown);

    public static ContactsView Of(string? mobile, string? email, string? whatsApp, bool shown) => shown
        ? new(mobile, email, whatsApp, false)
        : new(mobile is null ? null : PersonRules.Mask(mobile), email is null ? null : PersonRules.MaskEmail(email),
            whatsApp is null ? null : PersonRules.MaskAddress(whatsApp), (mobile ?? email ?? whatsApp) is not null);

    /// <summary>The number to dial, only when shown in full.</summary>
    public string? Call => Masked ? null : Mobile;

    /// <summary>The WhatsApp number to open a chat with (the WhatsApp field, else the mobile), only when shown in full.</summary>
    public string? WhatsAppTo => Masked ? null : PersonRules.NormalizeMobile(WhatsApp) ?? Mobile;

    public string? MailTo => Masked ? null : Email;
}
