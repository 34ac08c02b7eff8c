namespace Sangathan.Broadcasts;

public static class BroadcastRules
{
    public const int MaxText = 1_000;
    public static readonly string[] Languages = ["hi", "en"];

    /// <summary>The upper bound of a subtree's path range: every path below "/1/7/" sorts before "/1/7/\uffff".</summary>
    public static string PathEnd(string path) => path + "\uffff";
}
