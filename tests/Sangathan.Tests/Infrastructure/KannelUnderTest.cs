namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// The Kannel that scripts/test starts on loopback (bearerbox, smsbox and Kannel's fake SMSC), found through the
/// environment it exports. Tests that need it carry the trait Category=Kannel and fail, not skip, without it.
/// </summary>
public static class KannelUnderTest
{
    public const string Category = "Kannel";

    /// <summary>The smsbox's sendsms address.</summary>
    public static string Url => Required("SANGATHAN_KANNEL_URL");

    public static string Username => Required("SANGATHAN_KANNEL_USER");

    public static string Password => Required("SANGATHAN_KANNEL_PASSWORD");

    /// <summary>The file fakesmsc writes every message it receives to; read it with <see cref="FakeSmsc"/>.</summary>
    public static string FakeSmscLog => Required("SANGATHAN_FAKESMSC_LOG");

    /// <summary>Kannel's fakesmsc program, for a test that sends a phone's reply in through the "replies" fake SMSC.</summary>
    public static string FakeSmscProgram => Required("SANGATHAN_FAKESMSC");

    public static int RepliesPort => int.Parse(Required("SANGATHAN_KANNEL_REPLIES_PORT"));

    /// <summary>Where smsbox hands every SMS sent in (its sms-service get-url), and the secret path segment it uses.</summary>
    public static int RepliesAppPort => int.Parse(Required("SANGATHAN_KANNEL_MO_PORT"));

    public static string RepliesSecret => Required("SANGATHAN_KANNEL_MO_SECRET");

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new InvalidOperationException(
            $"{name} is not set: this test needs the Kannel and fake SMSC that scripts/test starts. Run scripts/test, " +
            $"or leave these tests out with: dotnet test --filter Category!={Category}");
}
