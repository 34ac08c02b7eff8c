using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Import;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

/// <summary>An app whose imports may run for a millisecond only, so that every check and commit runs out of time.</summary>
public sealed class HastyImportFactory : SangathanFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:TimeLimit", "00:00:00.001");
    }
}

/// <summary>An import that runs out of time stops with a message in its reader's language, and saves no part of a chunk.</summary>
public sealed class ImportTimeLimitTests(HastyImportFactory app) : IClassFixture<HastyImportFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    async Task<(int Id, string Prefix)> UploadAsync()
    {
        var tree = new Tree(admin);
        var district = "Tl" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "समय" + district);
        var prefix = $"Slow {district} ";
        var lines = Enumerable.Range(1, 1200).Select(i => $"{district},Block {i % 3},Mandal {i % 7},{i},President,{prefix}{i},{9_200_000_000L + i}");
        var id = await new ImportClient(admin).UploadOkAsync("slow.csv", ImportClient.Csv("District,Block,Mandal,Booth,Post,Name,Mobile\n" + string.Join("\n", lines)));
        return (id, prefix);
    }

    async Task<string> FailureAsync(int id, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/imports/{id}");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var job = await (await admin.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return job.GetProperty("failure").GetString()!;
    }

    [Fact]
    public async Task ACheckOutOfTimeStopsWithTheMessageInEachLanguageAndSavesNothing()
    {
        var (id, prefix) = await UploadAsync();
        var job = await new ImportClient(admin).SettledAsync(id);

        Assert.Equal("Failed", job.GetProperty("state").GetString());
        Assert.Equal("The import took longer than 0.001 seconds and was stopped.", await FailureAsync(id, "en"));
        Assert.Equal("आयात में 0.001 सेकंड से अधिक लगे, इसलिए उसे रोक दिया गया।", await FailureAsync(id, "hi"));
        Assert.Equal(0, await app.WithDb(db => db.People.CountAsync(p => p.NameEn.StartsWith(prefix))));
    }

    [Fact]
    public async Task ACommitOutOfTimeKeepsOnlyWholeChunksAndSaysHowFarItGot()
    {
        var (id, prefix) = await UploadAsync();
        var imports = new ImportClient(admin);
        await imports.SettledAsync(id);
        // The check run here, without the worker's time limit, so that there is a checked file to commit.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ImportRun>().CheckAsync(id, default);

        var response = await admin.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { include = Array.Empty<int>(), makeAll = true });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var job = await imports.SettledAsync(id);

        Assert.Equal("Failed", job.GetProperty("state").GetString());
        Assert.Equal("आयात में 0.001 सेकंड से अधिक लगे, इसलिए उसे रोक दिया गया।", await FailureAsync(id, "hi"));
        // Whatever was saved is whole chunks of 500 rows, each with its appointment, and the job says up to which row.
        var through = job.GetProperty("committedThrough").GetInt32();
        var people = await app.WithDb(db => db.People.CountAsync(p => p.NameEn.StartsWith(prefix)));
        var appointments = await app.WithDb(db => db.Appointments.CountAsync(a => db.People.Any(p => p.Id == a.PersonId && p.NameEn.StartsWith(prefix))));
        Assert.Equal(0, people % 500);
        Assert.Equal(Math.Max(0, through - 1), people);
        Assert.Equal(people, appointments);
        Assert.True(people < 1200, "a commit of 1,200 rows cannot finish in a millisecond");
    }
}
