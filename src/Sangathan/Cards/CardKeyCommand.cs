using System.Globalization;

namespace Sangathan.Cards;

/// <summary>
/// `card-keys list | rotate | retire ID` manages the card signing keys from the server's command line, for whoever
/// runs the server (the same is open to the state administrator under /api/v1/cards/keys).
/// </summary>
public static class CardKeyCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "card-keys") return false;
        using var scope = app.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<CardKeys>();
        var ring = scope.ServiceProvider.GetRequiredService<CardKeyRing>();
        switch (args.Skip(1).FirstOrDefault())
        {
            case "list":
                break;
            case "rotate":
                Console.WriteLine($"New signing key {await ring.AddKeyAsync(default)}; the older keys verify until retired.");
                break;
            case "retire" when args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var id):
                Console.WriteLine(await keys.RetireUncheckedAsync(id, default) ? $"Key {id} retired." : $"No key {id} in use.");
                break;
            default:
                Console.Error.WriteLine("usage: card-keys list | rotate | retire ID");
                Environment.ExitCode = 2;
                return true;
        }
        foreach (var k in await keys.ViewsAsync(default))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k.Id,5}  {k.Fingerprint}  made {k.CreatedAt:yyyy-MM-dd HH:mm}  {(k.RetiredAt is { } r ? $"retired {r:yyyy-MM-dd}" : k.Signing ? "signing" : "verifying")}"));
        return true;
    }
}
