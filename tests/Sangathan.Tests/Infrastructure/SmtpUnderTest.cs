using MimeKit;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// The SMTP server scripts/test runs on loopback (Debian's aiosmtpd with its Mailbox handler), found through the
/// environment it exports: every message it accepts is a file in a Maildir, read back here with MimeKit.
/// </summary>
public static class SmtpUnderTest
{
    public static string Host => Required("SANGATHAN_SMTP_HOST");
    public static int Port => int.Parse(Required("SANGATHAN_SMTP_PORT"));
    static string Maildir => Required("SANGATHAN_MAILDIR");

    /// <summary>Every message the server holds for this address.</summary>
    public static List<MimeMessage> To(string address)
    {
        var found = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(Maildir, folder);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.GetFiles(path))
            {
                var message = MimeMessage.Load(file);
                if (message.To.Mailboxes.Any(m => m.Address == address)) found.Add(message);
            }
        }
        return found;
    }

    public static async Task<MimeMessage> WaitForAsync(string address, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (To(address).FirstOrDefault() is { } message) return message;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No e-mail to {address} reached the SMTP server.");
            await Task.Delay(100);
        }
    }

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new InvalidOperationException($"{name} is not set: this test needs the SMTP server that scripts/test starts.");
}
