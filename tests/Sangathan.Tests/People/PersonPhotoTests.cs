using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Membership;
using SkiaSharp;

namespace Sangathan.Tests.People;

/// <summary>
/// Office bearers' photos, through the person form and the API, kept as members' are: decoded, upright, shrunk,
/// re-encoded, nothing of the file but its pixels; a small square beside each for lists.
/// </summary>
public sealed class PersonPhotoTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    const string BombRefusal = "The photo is too large: at most 40 megapixels.";
    const string NotAnImage = "The photo must be a JPEG, PNG or WebP image.";

    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task APhotoFromThePersonFormLosesItsExifAndIsShrunkTo800Pixels()
    {
        var upload = TestPhotos.Jpeg(1600, 1200);
        Assert.Contains(TestPhotos.ExifMarker, System.Text.Encoding.Latin1.GetString(upload));

        var (_, photoId) = await CreateAsync("Exif Holder", upload);

        var photo = await admin.GetAsync($"/photos/{photoId}");
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        var kept = await photo.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(TestPhotos.ExifMarker, System.Text.Encoding.Latin1.GetString(kept));
        Assert.Equal((800, 600), Size(kept));
    }

    [Fact]
    public async Task APhotoTakenSidewaysIsStoredUprightThroughTheApi()
    {
        var id = await PersonAsync("Sideways Holder");
        var answer = await PutPhotoAsync(id, TestPhotos.SidewaysJpeg(400, 300));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var photoId = await PhotoIdAsync(id);
        var kept = await admin.GetByteArrayAsync($"/photos/{photoId}");
        Assert.Equal((300, 400), Size(kept));
        Assert.DoesNotContain(TestPhotos.ExifMarker, System.Text.Encoding.Latin1.GetString(kept));
    }

    [Fact]
    public async Task APixelBombIsRefusedWithItsReasonAndNothingIsSaved()
    {
        var bomb = TestPhotos.PngBomb();
        Assert.True(bomb.Length < 10_000);
        var photosBefore = await app.WithDb(db => db.Photos.CountAsync());

        var form = await PostFormAsync("/people/new", "Bomb Thrower", bomb, "bomb.png");
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains(BombRefusal, await form.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDb(db => db.People.CountAsync(p => p.NameEn == "Bomb Thrower")));

        var id = await PersonAsync("Bomb Target");
        var api = await PutPhotoAsync(id, bomb);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(BombRefusal, PhotoError(await api.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Null(await PhotoIdAsync(id));
        Assert.Equal(photosBefore, await app.WithDb(db => db.Photos.CountAsync()));
    }

    [Fact]
    public async Task WhatIsNotAnImageIsRefusedOverTheApiAndOnTheEditForm()
    {
        var id = await PersonAsync("Not Pictured");
        // A JPEG's first bytes and nothing of a picture after them: its magic number alone once let it through.
        byte[] fake = [0xFF, 0xD8, 0xFF, 0xE0, .. "<script>alert(1)</script> and some more bytes"u8];

        var api = await PutPhotoAsync(id, fake);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(NotAnImage, PhotoError(await api.Content.ReadFromJsonAsync<JsonElement>()));

        var form = await PostFormAsync($"/people/{id}/edit", "Not Pictured", fake, "fake.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains(NotAnImage, await form.Content.ReadAsStringAsync());
        Assert.Null(await PhotoIdAsync(id));
    }

    [Fact]
    public async Task EachPhotoHasASmallSquareThumbnailAndTheUnitPageShowsOnlyThat()
    {
        var (personId, photoId) = await CreateAsync("Thumb Holder", TestPhotos.Jpeg(1600, 1200, seed: 3));
        var photo = await admin.GetByteArrayAsync($"/photos/{photoId}");

        var thumb = await admin.GetAsync($"/photos/{photoId}?size=thumb");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        var small = await thumb.Content.ReadAsByteArrayAsync();
        Assert.Equal((96, 96), Size(small));
        Assert.True(small.Length < 8_000, $"a thumbnail of {small.Length} bytes");
        Assert.True(small.Length * 5 < photo.Length, $"thumbnail {small.Length} bytes beside the photo's {photo.Length}");

        var tree = new Tree(admin);
        var (_, _, _, booth) = await tree.BranchAsync("Thumbnail", "थंबनेल");
        var appoint = await admin.PostAsJsonAsync($"/api/v1/units/{booth}/appointments", new { postId = await tree.PostIdAsync("booth", "president"), personId });
        Assert.Equal(HttpStatusCode.Created, appoint.StatusCode);
        var page = await admin.GetStringAsync($"/units/{booth}");
        Assert.Contains($"src=\"/photos/{photoId}?size=thumb\"", page);
        Assert.DoesNotContain($"src=\"/photos/{photoId}\"", page);
    }

    [Fact]
    public async Task APhotoStoredBeforeThumbnailsGetsOneOnItsFirstRequest()
    {
        var id = await PersonAsync("Old Photo");
        using var bitmap = new SKBitmap(300, 200);
        bitmap.Erase(new SKColor(0x4F, 0x7C, 0xAC));
        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        var photoId = await app.WithDb(async db =>
        {
            // As stored before this change: the upload's bytes, no thumbnail.
            var old = new Sangathan.People.Photo { Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContentType = "image/png", Content = png.ToArray() };
            db.Photos.Add(old);
            await db.SaveChangesAsync();
            await db.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PhotoId, old.Id));
            return old.Id;
        });

        var first = await admin.GetAsync($"/photos/{photoId}?size=thumb");
        Assert.Equal("image/jpeg", first.Content.Headers.ContentType!.MediaType);
        var thumb = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal((96, 96), Size(thumb));
        var stored = await app.WithDb(db => db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"Photos\" WHERE \"Id\" = {photoId} AND \"Thumbnail\" IS NOT NULL").ToListAsync());
        Assert.Equal(1, Assert.Single(stored));
        Assert.Equal(thumb, await admin.GetByteArrayAsync($"/photos/{photoId}?size=thumb"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/photos/{photoId}?size=huge")).StatusCode);
    }

    async Task<(int PersonId, int PhotoId)> CreateAsync(string name, byte[] photo)
    {
        var response = await PostFormAsync("/people/new", name, photo, "camera.jpg");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"/people/(\d+)").Groups[1].Value);
        return (id, (await PhotoIdAsync(id))!.Value);
    }

    async Task<HttpResponseMessage> PostFormAsync(string path, string name, byte[] photo, string fileName)
    {
        var form = await admin.GetStringAsync(path);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(form)), "__RequestVerificationToken" },
            { new StringContent(name), "Input.NameEn" },
            { new StringContent("फ़ोटो जाँच"), "Input.NameHi" },
            { new ByteArrayContent(photo), "Photo", fileName },
        };
        return await admin.PostAsync(path, content);
    }

    async Task<int> PersonAsync(string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/people", new { nameEn = name, nameHi = "फ़ोटो जाँच" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tree.Ids>())!.Id;
    }

    async Task<HttpResponseMessage> PutPhotoAsync(int personId, byte[] photo)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(photo), "photo", "upload.jpg" } };
        return await admin.PutAsync($"/api/v1/people/{personId}/photo", content);
    }

    async Task<int?> PhotoIdAsync(int personId)
    {
        var person = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}");
        return person.GetProperty("photoId").ValueKind == JsonValueKind.Null ? null : person.GetProperty("photoId").GetInt32();
    }

    static string? PhotoError(JsonElement problem) => problem.GetProperty("errors").GetProperty("Photo")[0].GetString();

    static (int, int) Size(byte[] image)
    {
        using var decoded = SKBitmap.Decode(image);
        return (decoded.Width, decoded.Height);
    }
}
