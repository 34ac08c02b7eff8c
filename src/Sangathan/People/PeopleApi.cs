using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.People;

public static class PeopleApi
{
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetPersonPage>();
        builder.Services.AddScoped<SavePerson>();
        builder.Services.AddScoped<RevealContacts>();
        return builder;
    }

    public static void MapPeopleApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/people").WithTags("People");
        api.MapGet("/{id:int}", GetPerson);
        api.MapPost("/", CreatePerson);
        api.MapPut("/{id:int}", UpdatePerson);
        api.MapPost("/{id:int}/reveal", Reveal);
        api.MapPut("/{id:int}/photo", SetPhoto).DisableAntiforgery()
            .WithDescription("multipart/form-data with one file, photo: a JPEG, PNG or WebP of at most 2 MB, stored re-encoded");
        app.MapGet("/photos/{id:int}", GetPhoto).ExcludeFromDescription();
    }

    static async Task<Results<Ok<PersonPageData>, NotFound>> GetPerson(int id, GetPersonPage query, CancellationToken ct) =>
        await query.RunAsync(id, ct) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound();

    static async Task<IResult> CreatePerson(PersonInput input, SavePerson save, CancellationToken ct) =>
        (await save.CreateAsync(input, null, ct)).ToHttp(id => TypedResults.Created($"/api/v1/people/{id}", new CreatedId(id)));

    static async Task<IResult> UpdatePerson(int id, PersonInput input, SavePerson save, CancellationToken ct) =>
        (await save.UpdateAsync(id, input, null, ct)).ToHttp(id => TypedResults.Ok(new CreatedId(id)));

    static async Task<IResult> Reveal(int id, RevealInput input, RevealContacts reveal, CancellationToken ct)
    {
        var (outcome, contacts) = await reveal.RunAsync(id, input, ct);
        return outcome.ToHttp(_ => TypedResults.Ok(contacts));
    }

    static async Task<IResult> SetPhoto(int id, IFormFile? photo, SavePerson save, CancellationToken ct) =>
        (await save.SetPhotoAsync(id, await PhotoCheck.ReadUploadAsync(photo, ct), ct)).ToHttp(photoId => TypedResults.Ok(new { photoId }));

    /// <summary>
    /// Photos are immutable by id (a new upload gets a new id), so phones may cache them for long. <c>?size=thumb</c>
    /// gives the avatar's small square, which is what lists show.
    /// </summary>
    static async Task<IResult> GetPhoto(int id, string? size, AppDb db, Door door, HttpContext http, CancellationToken ct)
    {
        if (size is not (null or "thumb")) return TypedResults.NotFound();
        // A photo is shown to whoever may see a person it belongs to.
        if (!await (await door.ReachAsync(ct)).People.AnyAsync(p => p.PhotoId == id, ct)) return TypedResults.NotFound();
        if (size == "thumb")
            return await PhotoStore.ThumbnailAsync(db, id, ct) is var (jpeg, sha) ? Cached(http, jpeg, "image/jpeg", sha[..16] + "-thumb") : TypedResults.NotFound();
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Content, p.ContentType, p.Sha256 }).FirstOrDefaultAsync(ct);
        return photo is null ? TypedResults.NotFound() : Cached(http, photo.Content, photo.ContentType, photo.Sha256[..16]);
    }

    static IResult Cached(HttpContext http, byte[] content, string type, string tag)
    {
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.File(content, type, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{tag}\""));
    }
}
