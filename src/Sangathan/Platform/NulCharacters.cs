using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sangathan.Platform;

/// <summary>
/// U+0000 in a request: no name, address or note ever holds one, and PostgreSQL's text cannot store it (the write
/// fails deep inside a use case, a 500 on one database and not the other). So it is refused at the door, once for every
/// endpoint: a 400 (the status page in the reader's language, or ProblemDetails for the API) before any use case runs.
/// </summary>
public static class NulCharacters
{
    /// <summary>Refuses a path, query or form value holding U+0000. Runs after the status-code pages, so the 400 is explained in the reader's language.</summary>
    public static void UseNulRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // The status page that explains the 400 is served on the same request (same form): let it through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        if (Holds(request.Path.Value) || request.Query.Any(q => Holds(q.Key) || q.Value.Any(Holds)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // Forms are small or already buffered by model binding (no endpoint streams its body), so reading one here costs
        // nothing more. The framework's own decoder refuses a NUL in a url-encoded form (it cannot be read at all), so an
        // unreadable form is refused here too; an oversized one throws its own 413 on the way.
        if (request.HasFormContentType
            && (await request.ReadFormOrNullAsync(context.RequestAborted) is not { } form || form.Any(f => Holds(f.Key) || f.Value.Any(Holds))))
        {
            // The status page re-executed on this request renders a form of its own (the language switch): it must see
            // an empty form, not the refused one again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    });

    static bool Holds(string? value) => value is not null && value.Contains('\0');

    /// <summary>Reads JSON strings as the built-in reader does, refusing U+0000: the body fails to bind, a 400.</summary>
    public sealed class RefusingConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString())!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        static string? Checked(string? value) => Holds(value) ? throw new JsonException("A text holds the character U+0000.") : value;
    }
}
