using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Grants;

/// <summary>The tree of who authorized whom, as each kind of reader gets it.</summary>
public sealed class GrantTreeTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    [Fact]
    public async Task GrantsNestUnderWhoGaveThemWithEachOnesCountAndState()
    {
        var d = await District.CreateAsync(app, admin, "Karauli", "करौली");
        var other = await District.CreateAsync(app, admin, "Bundi", "बूंदी");
        var top = await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        var block = await Drive.GrantAsync(president, d.BlockPresident, d.Block, quota: 100);
        var secretary = await Drive.GrantAsync(president, d.Secretary, d.Id);
        var mandal = await Drive.GrantAsync(app.CreatePersonClient(d.BlockPresident), d.MandalPresident, d.Mandal);
        var elsewhere = await Drive.GrantAsync(admin, other.President, other.Id);
        await app.WithDb(db => db.Grants.Where(g => g.Id == block).ExecuteUpdateAsync(s => s.SetProperty(g => g.Enrolled, 7)));
        await app.WithDb(db => db.Grants.Where(g => g.Id == mandal).ExecuteUpdateAsync(s => s.SetProperty(g => g.Enrolled, 3)));
        await Drive.RevokeAsync(president, secretary);

        var tree = await Drive.TreeAsync(admin, d.Id);
        Assert.Equal(new[] { top }, Drive.Ids(tree));
        var root = tree[0];
        Assert.Equal(new[] { block, secretary }.Order(), Drive.Ids(root.GetProperty("children")));
        var blockNode = Drive.Node(tree, block);
        Assert.Equal($"Bhagwan Karauli", blockNode.GetProperty("personEn").GetString());
        Assert.Equal(d.BlockPresidentHi, blockNode.GetProperty("personHi").GetString());
        Assert.Equal((7, 100), (blockNode.GetProperty("enrolled").GetInt32(), blockNode.GetProperty("quota").GetInt32()));
        Assert.Equal("Active", blockNode.GetProperty("state").GetString());
        Assert.Equal(new[] { mandal }, Drive.Ids(blockNode.GetProperty("children")));
        Assert.Equal(3, Drive.Node(tree, mandal).GetProperty("enrolled").GetInt32());
        Assert.Equal("Revoked", Drive.Node(tree, secretary).GetProperty("state").GetString());
        Assert.Null(Drive.Find(tree, elsewhere));
        Assert.Contains(elsewhere, Drive.Ids(await Drive.TreeAsync(admin)));

        // A subtree's top grants are those whose parent lies above it.
        var blockTree = await Drive.TreeAsync(president, d.Block);
        Assert.Equal(new[] { block }, Drive.Ids(blockTree));
        Assert.Equal(top, blockTree[0].GetProperty("parentId").GetInt32());
    }

    [Fact]
    public async Task EachReaderSeesOnlyWhatTheyMayReadAndMayRevokeOnlyBelowTheirOwn()
    {
        var d = await District.CreateAsync(app, admin, "Dholpur", "धौलपुर");
        var other = await District.CreateAsync(app, admin, "Sirohi", "सिरोही");
        var top = await Drive.GrantAsync(admin, d.President, d.Id);
        var president = app.CreatePersonClient(d.President);
        var block = await Drive.GrantAsync(president, d.BlockPresident, d.Block);
        var mandal = await Drive.GrantAsync(app.CreatePersonClient(d.BlockPresident), d.MandalPresident, d.Mandal);

        bool CanRevoke(JsonElement tree, int id) => Drive.Node(tree, id).GetProperty("canRevoke").GetBoolean();
        var seenByPresident = await Drive.TreeAsync(president);
        Assert.Equal(new[] { top }, Drive.Ids(seenByPresident));
        Assert.False(CanRevoke(seenByPresident, top));
        Assert.True(CanRevoke(seenByPresident, block));
        Assert.True(CanRevoke(seenByPresident, mandal));
        var seenByBlock = await Drive.TreeAsync(app.CreatePersonClient(d.BlockPresident), d.Block);
        Assert.False(CanRevoke(seenByBlock, block));
        Assert.True(CanRevoke(seenByBlock, mandal));
        Assert.True(CanRevoke(await Drive.TreeAsync(admin, d.Id), top));
        Assert.False(CanRevoke(await Drive.TreeAsync(app.CreateStaffClient("data-entry"), d.Id), top));

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePersonClient(other.President).GetAsync($"/api/v1/grants?unitId={d.Id}")).StatusCode);
        Assert.Empty(Drive.Ids(await Drive.TreeAsync(app.CreatePersonClient(other.President))));
        var boothPresident = app.CreatePersonClient(d.BoothPresident);
        Assert.Equal(HttpStatusCode.NotFound, (await boothPresident.GetAsync($"/api/v1/grants?unitId={d.Id}")).StatusCode);
        Assert.Empty(Drive.Ids(await Drive.TreeAsync(boothPresident, d.Booth)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateStaffClient("auditor").GetAsync($"/api/v1/grants?unitId={d.Id}")).StatusCode);
    }

    [Fact]
    public async Task ATreeTooBigForOneAnswerLeavesOutItsBottomNeverItsTop()
    {
        var d = await District.CreateAsync(app, admin, "Jalore", "जालोर");
        var top = await Drive.GrantAsync(admin, d.President, d.Id);
        var blocks = await app.WithDb(async db =>
        {
            // Made straight in the database: through the API this would be thousands of calls.
            db.SuppressAudit = true;
            var middle = Enumerable.Range(0, 10).Select(_ => new Grant { PersonId = d.BlockPresident, UnitId = d.Block, ParentId = top, CreatedAt = DateTime.UtcNow }).ToList();
            db.Grants.AddRange(middle);
            await db.SaveChangesAsync();
            db.Grants.AddRange(Enumerable.Range(0, 2000).Select(i => new Grant
            {
                PersonId = d.BoothPresident, UnitId = d.Booth, ParentId = middle[i % 10].Id, CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
            return middle.Select(g => g.Id).ToArray();
        });

        var answer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/grants?unitId={d.Id}");
        Assert.True(answer.GetProperty("truncated").GetBoolean());
        var root = answer.GetProperty("grants").EnumerateArray().Single();
        Assert.Equal(top, root.GetProperty("id").GetInt32());
        Assert.Equal(blocks.Order(), Drive.Ids(root.GetProperty("children")));
        Assert.Equal(2000 - 1 - 10, root.GetProperty("children").EnumerateArray().Sum(b => b.GetProperty("children").GetArrayLength()));

        var page = await admin.GetStringAsync($"/membership/grants?unitId={d.Id}");
        Assert.Contains("Only the first 300 are shown", page);
    }
}
