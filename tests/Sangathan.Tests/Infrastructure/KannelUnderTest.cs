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

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new InvalidOperationException(
            $"{name} is not set: this test needs the Kannel and fake SMSC that scripts/test starts. Run scripts/test, " +
            $"or leave these tests out with: dotnet test --filter Category!={Category}");
}
