using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Data;
using Sangathan.Import;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Import;

/// <summary>A commit cut off mid-file (as when the server stops) resumes after its last saved chunk, saving nothing twice.</summary>
public sealed class ImportResumeTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task ACommitStoppedAfterItsFirstChunkResumesAtTheNextStartAndSavesEachRowOnce()
    {
        var admin = app.CreateAdminClient();
        var tree = new Tree(admin);
        var district = "Res" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "रेज़" + district);
        var lines = Enumerable.Range(1, 1200).Select(i => $"{district},Block {i % 3},Mandal {i % 7},{i},President,Booth Pradhan {i},{9_100_000_000L + i}");
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("big.csv", ImportClient.Csv("District,Block,Mandal,Booth,Post,Name,Mobile\n" + string.Join("\n", lines)));
        Assert.Equal(1200, (await imports.SettledAsync(id)).GetProperty("creates").GetInt32());

        // The commit runs here, as on another server holding the imports' lease, rather than in this app's worker, and
        // stops after its first chunk as if that server went down.
        var otherServer = new Lease("imports", app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, holder: "a server that stops");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await otherServer.HoldAsync(default))
        {
            Assert.True(DateTime.UtcNow < deadline, "The app's import worker kept the lease with no job to run.");
            await Task.Delay(100);
        }
        // The uploader chose to make the file's new blocks, mandals and booths, as the commit API records it.
        await app.WithDb(db => db.ImportProposals.Where(p => p.JobId == id && p.Kind == ProposalKind.NewUnit)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Choice, UnitChoice.Make)));
        await app.WithDb(db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportState.Committing)));
        using (var scope = app.Services.CreateScope())
        {
            var run = scope.ServiceProvider.GetRequiredService<ImportRun>();
            run.StopAfter = _ => true;
            await Assert.ThrowsAsync<OperationCanceledException>(() => run.CommitAsync(id, default));
        }
        var saved = await app.WithDb(db => db.People.CountAsync(p => p.NameEn.StartsWith("Booth Pradhan ")));
        Assert.Equal(500, saved);

        // Its lease runs out (here: given up at once), and this app's worker takes the job over.
        await otherServer.ReleaseAsync(default);
        var done = await imports.SettledAsync(id);
        Assert.Equal("Committed", done.GetProperty("state").GetString());
        Assert.Equal(1, done.GetProperty("resumes").GetInt32());
        Assert.Equal(1200, await app.WithDb(db => db.People.CountAsync(p => p.NameEn.StartsWith("Booth Pradhan "))));
        Assert.Equal(1200, await app.WithDb(db => db.Appointments.CountAsync(a => db.People.Any(p => p.Id == a.PersonId && p.NameEn.StartsWith("Booth Pradhan ")))));
        Assert.Contains("resumed where it had stopped", await admin.GetStringAsync($"/imports/{id}"));
    }
}
