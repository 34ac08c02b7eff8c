using System.Globalization;
using System.Text.Json;

namespace Sangathan.Broadcasts;

/// <summary>
/// What one POST of WhatsApp's webhook says that concerns us: reports on our messages, and who asked to stop (the
/// senders, as WhatsApp writes them: the number's digits without a plus).
/// </summary>
internal sealed record WhatsAppEvents(List<Report> Reports, List<string> Stops)
{
    /// <summary>
    /// Reads entry[].changes[].value: statuses[] {id, status, biz_opaque_callback_data, errors[{code, title, message}]}
    /// (the callback data is our outbox row's id, which our client sends with each message), and messages[] {from, type,
    /// text.body | button.payload and .text (a template's quick-reply button) | interactive.button_reply.id and .title}.
    /// Null when the body is not that shape; other kinds of message (a photo, a location) are passed over.
    /// </summary>
    public static WhatsAppEvents? Read(byte[] body, DateTime at)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            var events = new WhatsAppEvents([], []);
            foreach (var entry in Objects(doc.RootElement, "entry"))
                foreach (var change in Objects(entry, "changes"))
                {
                    if (!change.TryGetProperty("value", out var value)) continue;
                    if (value.ValueKind != JsonValueKind.Object) return null;
                    foreach (var s in Objects(value, "statuses")) events.AddStatus(s, at);
                    foreach (var m in Objects(value, "messages"))
                        if (Str(m, "from") is { } from && Words(m).Any(OptOutWords.IsStop)) events.Stops.Add(from);
                }
            return events;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    void AddStatus(JsonElement s, DateTime at)
    {
        var kind = Report.FromWhatsApp(Str(s, "status"));
        if (kind is null || !long.TryParse(Str(s, "biz_opaque_callback_data"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return;
        var error = Objects(s, "errors").Select(e => $"{(e.TryGetProperty("code", out var c) ? c.ToString() : "")} {Str(e, "title") ?? Str(e, "message")}".Trim())
            .FirstOrDefault();
        Reports.Add(new Report(id, kind.Value, error, Str(s, "id"), at));
    }

    /// <summary>What the person wrote or tapped: a button's payload is ours to choose, its text is what they saw.</summary>
    static IEnumerable<string?> Words(JsonElement m) => Str(m, "type") switch
    {
        "text" => [Str(Child(m, "text"), "body")],
        "button" => [Str(Child(m, "button"), "payload"), Str(Child(m, "button"), "text")],
        "interactive" => [Str(Child(Child(m, "interactive"), "button_reply"), "id"), Str(Child(Child(m, "interactive"), "button_reply"), "title")],
        _ => [],
    };

    /// <summary>An array of objects, or none when the property is missing; anything else there is not Meta's JSON.</summary>
    static IEnumerable<JsonElement> Objects(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var a) || a.ValueKind == JsonValueKind.Null) return [];
        if (a.ValueKind != JsonValueKind.Array || a.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.Object))
            throw new JsonException($"\"{name}\" is not an array of objects.");
        return a.EnumerateArray().ToList();
    }

    static JsonElement Child(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
