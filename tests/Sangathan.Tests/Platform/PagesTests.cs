using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Platform;

/// <summary>The server-rendered pages, read as a phone's browser gets them.</summary>
public sealed partial class PagesTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    [Fact]
    public async Task EveryPageOfABranchAnswersInHindiOnceHindiIsChosen()
    {
        var (district, _, _, booth) = await Tree.BranchAsync("Kota", "कोटा");
        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "president"), "Suresh Gurjar", "सुरेश गुर्जर", Tree.RandomMobile());

        var switched = await client.GetAsync($"/language/hi?returnUrl=/units/{booth}");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture="));

        var boothPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/units/{booth}"));
        Assert.Contains("सुरेश गुर्जर", boothPage);
        Assert.Contains("पदाधिकारी", boothPage);
        Assert.Contains("कोटा", boothPage);
        Assert.Contains("href=\"tel:+91", boothPage);
        Assert.Contains("https://wa.me/91", boothPage);

        foreach (var path in new[] { "/completeness", "/vacancies", $"/completeness?unit={district}", "/search", $"/units/{booth}/appoint", $"/units/{booth}/edit", "/units/new", "/people/new" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Contains("lang=\"hi\"", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AnOfficeBearerWhoViewsIsOfferedNoFormsAndARefusedOneSaysWhy()
    {
        var (district, _, _, _) = await Tree.BranchAsync();
        var appointment = await Tree.AppointAsync(district, await Tree.PostIdAsync("district", "secretary"), "Viewer Sharma", "दर्शक शर्मा", Tree.RandomMobile());
        var secretary = await app.WithDb(db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.PersonId).SingleAsync());
        using var viewer = app.CreatePersonClient(secretary);
        string[] forms = [$"/units/{district}/edit", $"/units/{district}/appoint", $"/units/new?parentId={district}"];
        var asEditor = await client.GetStringAsync($"/units/{district}");
        Assert.All(forms, f => Assert.Contains($"href=\"{f}\"", asEditor));

        var asViewer = await viewer.GetStringAsync($"/units/{district}");
        var refused = await viewer.GetAsync(forms[0]);

        Assert.Contains("Viewer Sharma", asViewer);
        Assert.All(forms, f => Assert.DoesNotContain($"href=\"{f}\"", asViewer));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("outside your part of the organization", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownUnitPageIsA404PageNotAnError()
    {
        var response = await client.GetAsync("/units/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheUnitFormShowsErrorsAndSavesNothingWhenInputIsBad()
    {
        var (district, _, _, _) = await Tree.BranchAsync();
        var form = await client.GetStringAsync($"/units/new?parentId={district}");
        var token = Token(form);
        var code = Tree.NewCode("F");

        var response = await client.PostAsync("/units/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.ParentCode"] = "NO-SUCH-PARENT",
            ["Input.Code"] = code,
            ["Input.NameEn"] = new string('x', 200),
            ["Input.NameHi"] = "",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No unit has the code NO-SUCH-PARENT", html);
        var search = await Tree.SearchAsync(code);
        Assert.Empty(search.GetProperty("units").EnumerateArray());
    }

    [Fact]
    public async Task TheUnitFormCreatesAUnitAndRedirectsToIt()
    {
        var (district, _, _, _) = await Tree.BranchAsync();
        var form = await client.GetStringAsync($"/units/new?parentId={district}");
        var parentCode = Regex.Match(form, "name=\"Input.ParentCode\" value=\"([^\"]+)\"").Groups[1].Value;
        var code = Tree.NewCode("F");

        var response = await client.PostAsync("/units/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["Input.ParentCode"] = parentCode,
            ["Input.Code"] = code,
            ["Input.NameEn"] = "Chaksu",
            ["Input.NameHi"] = "चाकसू",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Chaksu", page);
    }

    [Fact]
    public async Task APhotoThatIsNotAnImageIsRefusedOnThePersonForm()
    {
        var form = await client.GetStringAsync("/people/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent("Photo Tester"), "Input.NameEn" },
            { new StringContent("फ़ोटो टेस्टर"), "Input.NameHi" },
            { new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()), "Photo", "photo.jpg" },
        };

        var response = await client.PostAsync("/people/new", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The photo must be a JPEG, PNG or WebP image.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePersonFormStoresARealPhotoAsJpegAndShowsItsThumbnail()
    {
        using var bitmap = new SkiaSharp.SKBitmap(120, 90);
        bitmap.Erase(new SkiaSharp.SKColor(0x5B, 0x8C, 0x5A));
        using var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var form = await client.GetStringAsync("/people/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent("Photo Holder"), "Input.NameEn" },
            { new StringContent("फ़ोटो वाला"), "Input.NameHi" },
            { new ByteArrayContent(png.ToArray()), "Photo", "me.png" },
        };

        var response = await client.PostAsync("/people/new", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.ToString());
        var photo = Regex.Match(page, "src=\"(/photos/\\d+)\\?size=thumb\"").Groups[1].Value;
        var image = await client.GetAsync(photo);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        using var decoded = SkiaSharp.SKBitmap.Decode(await image.Content.ReadAsByteArrayAsync());
        Assert.Equal((120, 90), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task TheApiIsDescribedByOpenApiAndHasAReferencePage()
    {
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/units/{id}", doc);
        Assert.Contains("/api/v1/search", doc);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task SearchIsPostedSoNamesStayOutOfUrlsAndFindsInHindi()
    {
        var (_, _, _, booth) = await Tree.BranchAsync("Churu", "चूरू");
        await Tree.AppointAsync(booth, await Tree.PostIdAsync("booth", "secretary"), "Bhanwar Lal", "भंवर लाल", Tree.RandomMobile());
        var form = await client.GetStringAsync("/search");

        var response = await client.PostAsync("/search", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["q"] = "भंवर",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bhanwar Lal", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/search", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["q"] = new string('a', 101),
        }))).StatusCode);
    }

    [Fact]
    public async Task EveryAnswerCarriesAStrictContentSecurityPolicyAndNoStore()
    {
        var (_, _, _, booth) = await Tree.BranchAsync();
        var page = await client.GetAsync($"/units/{booth}");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(page.Headers.CacheControl!.NoStore);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("style=\"", html);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
    }

    static string Token(string html) => Forms.Token(html);
}
