namespace Sangathan.Platform;

/// <summary>
/// Forms posted from outside our own pages (a payment gateway's callback, a mail client's one-click opt-out), which no
/// antiforgery check has read first. A body that says it is a form and is not one (no boundary, cut short, a NUL in a
/// value) is the sender's fault, answered 400 by the caller, not a server error.
/// </summary>
public static class PostedForms
{
    /// <summary>The form, or null when the request carries none that can be read.</summary>
    public static async Task<IFormCollection?> ReadFormOrNullAsync(this HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return null;
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }
}
