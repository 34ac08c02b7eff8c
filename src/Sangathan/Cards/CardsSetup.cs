using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Sangathan.Platform;

namespace Sangathan.Cards;

/// <summary>
/// Member cards: numbers, signed QRs, the card as PDF and PNG, batches for a unit, revocation and reissue, keys, and
/// verification (public: the trust list, the check, the photo). Downloads answer the API (bearer token) and the pages'
/// links (session cookie) with the same handler.
/// </summary>
public static class CardsSetup
{
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CardOptions>().BindConfiguration(CardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CardKeySeal>();
        services.AddSingleton<CardKeyRing>();
        services.AddSingleton<CardBrand>();
        services.AddSingleton<CardDesign>();
        services.AddSingleton<CardPrinter>();
        services.AddSingleton<CardPhotoLimiter>();
        services.AddScoped<IssueCards>();
        services.AddScoped<CardFaces>();
        services.AddScoped<PrintCards>();
        services.AddScoped<RevokeCard>();
        services.AddScoped<GetTrustList>();
        services.AddScoped<VerifyCard>();
        services.AddScoped<ShowCardPhoto>();
        services.AddScoped<SendCardLink>();
        services.AddScoped<CardKeys>();
        services.AddScoped<CardLists>();
        services.AddScoped<GetMemberCard>();
        return builder;
    }

    public static void MapCards(this WebApplication app)
    {
        var cards = app.MapGroup("/api/v1/cards").WithTags("Cards");
        cards.MapGet("/trust", async (GetTrustList trust, HttpContext http, CancellationToken ct) =>
        {
            // Public, no personal data; a verifier must see a revocation at its next refresh, so nothing keeps it stale.
            http.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Ok(await trust.RunAsync(ct));
        }).AllowAnonymous();
        cards.MapPost("/verify", Verify).AllowAnonymous();
        cards.MapPost("/photo", Photo).AllowAnonymous();
        cards.MapGet("/keys", async Task<Results<Ok<IReadOnlyList<CardKeyView>>, ForbidHttpResult>> (CardKeys keys, CancellationToken ct) =>
            await keys.ListAsync(ct) is { } list ? TypedResults.Ok(list) : TypedResults.Forbid());
        cards.MapPost("/keys", async (CardKeys keys, CancellationToken ct) =>
            (await keys.RotateAsync(ct)).ToHttp(id => TypedResults.Created($"/api/v1/cards/keys/{id}", new { id })));
        cards.MapPost("/keys/{id:int}/retire", async (int id, CardKeys keys, CancellationToken ct) =>
            (await keys.RetireAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()));

        app.MapGet("/api/v1/members/{id:int}/card.{format}", One).WithTags("Cards").WithDescription("format: pdf (CR80, front and back) or png (for a phone)");
        app.MapGet("/members/{id:int}/card.{format}", One).ExcludeFromDescription();
        app.MapPost("/api/v1/members/{id:int}/card/revoke", async (int id, RevokeInput input, RevokeCard revoke, CancellationToken ct) =>
            (await revoke.RunAsync(id, input, ct)).ToHttp(issue => TypedResults.Ok(new { issue = issue == 0 ? (int?)null : issue })))
            .WithTags("Cards");
        app.MapPost("/api/v1/members/{id:int}/card/link", async (int id, SendCardLink send, CancellationToken ct) =>
            (await send.ForMemberAsync(id, ct)).ToHttp(_ => TypedResults.NoContent())).WithTags("Cards");
        app.MapGet("/api/v1/members/cards", async Task<Results<Ok<CardListPage>, ForbidHttpResult>> (int? after, CardLists lists, CancellationToken ct) =>
            await lists.MineAsync(after, ct) is { } page ? TypedResults.Ok(page) : TypedResults.Forbid()).WithTags("Cards");
        app.MapGet("/api/v1/units/{id:int}/cards", async Task<Results<Ok<CardListPage>, NotFound>> (int id, int? after, CardLists lists, CancellationToken ct) =>
            await lists.OfUnitAsync(id, after, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound()).WithTags("Cards");
        app.MapGet("/api/v1/units/{id:int}/cards.pdf", Batch).WithTags("Cards").WithDescription("layout: sheets (A4, ten a sheet, default) or cards (CR80 pages)");
        app.MapGet("/units/{id:int}/cards.pdf", Batch).ExcludeFromDescription();
        app.MapGet("/c/{token}/card.{format}", Own).AllowAnonymous().ExcludeFromDescription();
    }

    static async Task<IResult> Verify(VerifyInput input, VerifyCard verify, CancellationToken ct)
    {
        var v = await verify.RunAsync(input.Code, ct);
        return v.Verdict == CardVerdict.Genuine
            ? TypedResults.Ok(v)
            : TypedResults.Problem(v.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: v.Verdict.ToString(),
                extensions: new Dictionary<string, object?> { ["verdict"] = v.Verdict.ToString(), ["card"] = v.Card });
    }

    /// <summary>The photo of a genuine card's member, to compare with the person showing it. Online only, a few a minute.</summary>
    static async Task<IResult> Photo(VerifyInput input, ShowCardPhoto show, CardPhotoLimiter limiter, HttpContext http, CancellationToken ct)
    {
        if (!limiter.Allows(http.Connection.RemoteIpAddress?.ToString())) return TypedResults.StatusCode(StatusCodes.Status429TooManyRequests);
        var (v, photo) = await show.RunAsync(input.Code, ct);
        if (v.Verdict != CardVerdict.Genuine) return TypedResults.Problem(v.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Content, photo.ContentType);
    }

    static async Task<IResult> One(int id, string format, PrintCards print, CardPrinter printer, CancellationToken ct)
    {
        if (format is not ("pdf" or "png")) return TypedResults.NotFound();
        var (outcome, card) = await print.OneAsync(id, format, ct);
        return outcome.ToHttp(_ => File(card!, format, printer));
    }

    static async Task<IResult> Own(string token, string format, SendCardLink links, PrintCards print, CardPrinter printer, CancellationToken ct)
    {
        if (format is not ("pdf" or "png") || await links.OpenAsync(token, ct) is not { } link) return TypedResults.NotFound();
        return await print.OwnAsync(link, format, ct) is { } card ? File(card, format, printer) : TypedResults.NotFound();
    }

    static IResult File(PrintedCard card, string format, CardPrinter printer)
    {
        var name = $"card-{card.Face.Number}-{card.Face.Issue}.{format}";
        if (format == "png") return TypedResults.File(printer.Png(card.Face, card.Code), "image/png", name);
        using var pdf = new MemoryStream();
        printer.Pdf(card.Face, card.Code, pdf);
        return TypedResults.File(pdf.ToArray(), "application/pdf", name);
    }

    static async Task<IResult> Batch(int id, string? layout, PrintCards print, CardPrinter printer, HttpContext http, CancellationToken ct)
    {
        BatchLayout? wanted = layout switch { null or "sheets" => BatchLayout.Sheets, "cards" => BatchLayout.Cards, _ => null };
        if (wanted is not { } l) return TypedResults.NotFound();
        var (outcome, batch) = await print.BatchAsync(id, l, ct);
        if (batch is null) return outcome.ToHttp(_ => TypedResults.Empty);
        http.Response.ContentType = "application/pdf";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{batch!.UnitCode}-cards-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        var cards = batch.Cards.ToBlockingEnumerable(ct).Select(c => (c.Face, c.Code));
        await CardStreaming.WriteAsync(http.Response.Body, output => printer.Batch(cards, output, l, batch.UnitCode), ct);
        return TypedResults.Empty;
    }
}
