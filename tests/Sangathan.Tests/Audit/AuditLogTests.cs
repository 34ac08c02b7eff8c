using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Audit;

public sealed class AuditLogTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();
    Tree Tree => new(client);

    [Fact]
    public async Task EveryChangeIsLoggedWithWhatItWasAndWhatItBecame()
    {
        var (district, _, _, _) = await Tree.BranchAsync();
        var code = (await Tree.UnitJsonAsync(district)).GetProperty("unit").GetProperty("code").GetString();

        await client.PutAsJsonAsync($"/api/v1/units/{district}", new { parentId = await Tree.StateAsync(), code, nameEn = "Renamed", nameHi = "नया नाम" });

        var log = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entity=Unit&entityId={district}");
        var rows = log.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["update", "create"], rows.Select(r => r.GetProperty("action").GetString()));
        Assert.Contains("\"NameEn\":\"Jaipur\"", rows[0].GetProperty("before").GetString());
        Assert.Contains("\"NameEn\":\"Renamed\"", rows[0].GetProperty("after").GetString());
        Assert.Contains("\"NameHi\":\"नया नाम\"", rows[0].GetProperty("after").GetString());
        Assert.StartsWith("staff:", rows[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task ARefusedChangeLeavesNoEntry()
    {
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/audit")).GetProperty("total").GetInt32();
        var response = await client.PostAsJsonAsync("/api/v1/people", new { nameEn = "Bad Mobile", nameHi = "गलत", mobile = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/v1/audit")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheAuditPagesNextLinkShowsTheNextEntries()
    {
        // Razor Pages keeps the page's own name as the route value "page", which a handler argument named page
        // would bind before the query string's ?page=2: every list would stay on its first page.
        while ((await client.GetFromJsonAsync<JsonElement>("/api/v1/audit")).GetProperty("total").GetInt32() <= 60) await Tree.BranchAsync();
        var first = await client.GetStringAsync("/audit");
        var next = Regex.Match(first, "<a href=\"([^\"]*page=2)\">").Groups[1].Value;
        Assert.NotEmpty(next);

        var second = await client.GetStringAsync("/audit" + WebUtility.HtmlDecode(next));

        Assert.Contains("<span>2 / ", second);
        Assert.True(Seqs(second).Max() < Seqs(first).Min(), "the second page repeats the first");
    }

    static List<long> Seqs(string page) => Regex.Matches(page, @"<strong>#(\d+) ").Select(m => long.Parse(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task TheChainVerifiesAndAnEntryEditedInTheDatabaseIsFoundAtItsPlace()
    {
        await Tree.BranchAsync();
        var intact = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());
        var count = intact.GetProperty("entries").GetInt64();
        Assert.True(count >= 4);
        var victim = count - 2;

        await app.WithDb(db => db.AuditEntries.Where(a => a.Seq == victim)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.After, "{\"NameEn\":\"Forged\"}")));

        var broken = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(victim, broken.GetProperty("brokenAtSeq").GetInt64());
        Assert.Contains($"{victim}", await client.GetStringAsync("/audit?verify=true"));
    }

    [Fact]
    public async Task ChangesSavedAtOnceAreAllSealedIntoOneUnbrokenChain()
    {
        // A database of its own: the other tests here break the chain on purpose.
        using var fresh = new SangathanFactory();
        var freshClient = fresh.CreateAdminClient();
        var tree = new Tree(freshClient);
        var (district, _, _, _) = await tree.BranchAsync();
        // Twenty writers at once: none waits for another's commit to log its change, and the sealer chains them all.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => tree.UnitAsync(district, Tree.NewCode("C"), $"Concurrent {i}", $"समवर्ती {i}")));

        var report = await freshClient.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(report.GetProperty("intact").GetBoolean(), report.GetRawText());
        var logged = await fresh.WithDb(db => db.AuditEntries.CountAsync());
        Assert.True(logged >= 25);
        Assert.Equal(logged, report.GetProperty("entries").GetInt64());
        Assert.Equal(0, await fresh.WithDb(db => db.AuditEntries.CountAsync(a => a.Seq == null || a.Hash == null)));
    }

    [Fact]
    public async Task AnEntryWhoseTimeWasEditedIsFoundAtItsPlaceEvenWhenItCannotBeReadBack()
    {
        using var fresh = new SangathanFactory();
        var freshClient = fresh.CreateAdminClient();
        await new Tree(freshClient).BranchAsync();
        var victim = (await freshClient.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify")).GetProperty("entries").GetInt64() - 1;

        // SQLite keeps the time as text, so it can be edited into something no longer a time; PostgreSQL cannot.
        var edit = fresh.Provider == "sqlite"
            ? $"UPDATE \"AuditEntries\" SET \"At\" = 'yesterday' WHERE \"Seq\" = {victim}"
            : $"UPDATE \"AuditEntries\" SET \"At\" = \"At\" - interval '1 day' WHERE \"Seq\" = {victim}";
        await fresh.WithDb(db => db.Database.ExecuteSqlRawAsync(edit));
        var broken = await freshClient.GetAsync("/api/v1/audit/verify");

        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var report = await broken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(victim, report.GetProperty("brokenAtSeq").GetInt64());
    }

    [Fact]
    public async Task RemovingAnEntryOrTheLastOneIsFound()
    {
        using var fresh = new SangathanFactory();
        var freshClient = fresh.CreateAdminClient();
        await new Tree(freshClient).BranchAsync();
        var count = (await freshClient.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify")).GetProperty("entries").GetInt64();

        await fresh.WithDb(db => db.AuditEntries.Where(a => a.Seq == count).ExecuteDeleteAsync());
        var tail = await freshClient.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        await fresh.WithDb(db => db.AuditEntries.Where(a => a.Seq == 2).ExecuteDeleteAsync());
        var middle = await freshClient.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        Assert.False(tail.GetProperty("intact").GetBoolean());
        Assert.Equal(count, tail.GetProperty("brokenAtSeq").GetInt64());
        Assert.Equal(2, middle.GetProperty("brokenAtSeq").GetInt64());
    }
}
