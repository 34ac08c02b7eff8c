namespace Sangathan.Broadcasts;

public static class BroadcastRules
{
    public const int MaxText = 1_000;
    public static readonly string[] Languages = ["hi", "en"];
}
