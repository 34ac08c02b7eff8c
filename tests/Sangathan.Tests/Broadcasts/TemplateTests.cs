using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>A broadcast's words saved as a unit's template, listed where one may message, and composed from again.</summary>
public sealed class TemplateTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    static object Body(int unit, string name, string hi = "नमस्ते {name}, {unit} में सभा है।") => new
    {
        unitId = unit, name, textHi = hi, textEn = "Hello {name}, meeting in {unit}.", dltTemplateId = "1707161234567890123",
        subjectHi = "सभा", subjectEn = "Meeting",
    };

    async Task<int> SaveAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/broadcasts/templates", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    async Task<List<string>> NamesAsync(HttpClient client, int unit) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/templates?unitId={unit}")).EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task ADistrictsTemplateIsOfferedBelowItAndTheSameNameReplacesItsWords()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Sikar", "सीकर");
        var first = await SaveAsync(admin, Body(w.Branch.District, "Sunday meeting"));
        var again = await SaveAsync(admin, Body(w.Branch.District, "Sunday meeting", "नमस्ते {name}, सभा रविवार को है।"));

        Assert.Equal(first, again);
        // The state's templates are offered too (the war room messages everywhere); other tests may have saved some.
        Assert.Single(await NamesAsync(admin, w.Branch.Booth), n => n == "Sunday meeting");
        Assert.Single(await NamesAsync(admin, w.Branch.District), n => n == "Sunday meeting");
        var saved = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/templates/{first}");
        Assert.Equal("नमस्ते {name}, सभा रविवार को है।", saved.GetProperty("textHi").GetString());
        Assert.Equal(1, await app.WithDb(db => db.MessageTemplates.CountAsync(t => t.UnitId == w.Branch.District)));
    }

    [Fact]
    public async Task APresidentUsesHisDistrictsTemplatesButNotTheStatesNorAnotherDistricts()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Bikaner", "बीकानेर");
        var other = await AudienceWorld.BuildAsync(app, admin, "Barmer", "बाड़मेर");
        var state = await new Tree(admin).StateAsync();
        await SaveAsync(admin, Body(state, "State-wide " + Guid.NewGuid().ToString("N")[..6]));
        var outside = await SaveAsync(admin, Body(other.Branch.District, "Barmer only"));
        var president = app.CreatePersonClient(w.DistrictPresident.Id);
        var own = await SaveAsync(president, Body(w.Branch.District, "Bikaner booths"));

        Assert.Equal(["Bikaner booths"], await NamesAsync(president, w.Branch.Booth));
        Assert.Equal(HttpStatusCode.NotFound, (await president.GetAsync($"/api/v1/broadcasts/templates/{outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await president.DeleteAsync($"/api/v1/broadcasts/templates/{outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await president.GetAsync($"/api/v1/broadcasts/templates?unitId={other.Branch.Booth}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await president.DeleteAsync($"/api/v1/broadcasts/templates/{own}")).StatusCode);
        Assert.Empty(await NamesAsync(president, w.Branch.Booth));
    }

    [Fact]
    public async Task TheComposePageSavesTheWordsAndOpensAgainFilledWithThem()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Dausa", "दौसा");
        await admin.GetAsync("/language/hi?returnUrl=/");
        var form = await admin.GetStringAsync($"/broadcasts/new?unit={w.Branch.Mandal}");
        var saved = await Forms.PostAsync(admin, "/broadcasts/new?handler=SaveTemplate", form, new()
        {
            ["Input.UnitId"] = w.Branch.Mandal.ToString(), ["Input.TemplateName"] = "मंडल बैठक", ["Input.Sms"] = "true",
            ["Input.TextHi"] = "नमस्ते {name}, मंडल बैठक कल है।", ["Input.TextEn"] = "Hello {name}, the mandal meets tomorrow.",
            ["Input.DltTemplateId"] = "1707161234567890124",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(saved.Headers.Location!.OriginalString));

        Assert.Contains("टेम्पलेट \"मंडल बैठक\" फ़ॉर्म में भर दिया गया है", page);
        Assert.Contains("नमस्ते {name}, मंडल बैठक कल है।</textarea>", page);
        Assert.Contains("value=\"1707161234567890124\"", page);
        Assert.Contains("मंडल बैठक</a>", page);
    }

    [Fact]
    public async Task ATemplateWithoutANameOrWithAnUnknownFieldIsRefusedInTheReadersLanguage()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Tonk", "टोंक");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/broadcasts/templates")
        {
            Content = JsonContent.Create(new { unitId = w.Branch.District, name = " ", textHi = "नमस्ते {naam}", textEn = "Hello {name}" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("hi");
        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("टेम्पलेट को एक नाम दें।", errors.GetProperty("TemplateName")[0].GetString());
        Assert.Contains("{naam} कोई फ़ील्ड नहीं है", errors.GetProperty("TextHi")[0].GetString());
        Assert.Equal(0, await app.WithDb(db => db.MessageTemplates.CountAsync(t => t.UnitId == w.Branch.District)));
    }
}
