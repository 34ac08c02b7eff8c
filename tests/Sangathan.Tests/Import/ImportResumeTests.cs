using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

        // The commit runs here rather than in the worker, and stops after its first chunk as if the server went down;
        // the uploader chose to make the file's new blocks, mandals and booths, as the commit API records it.
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

        // What the worker does at every start.
        var worker = app.Services.GetServices<IHostedService>().OfType<ImportWorker>().Single();
        await worker.ResumeLeftoversAsync(default);
        var done = await imports.SettledAsync(id);
        Assert.Equal("Committed", done.GetProperty("state").GetString());
        Assert.Equal(1, done.GetProperty("resumes").GetInt32());
        Assert.Equal(1200, await app.WithDb(db => db.People.CountAsync(p => p.NameEn.StartsWith("Booth Pradhan "))));
        Assert.Equal(1200, await app.WithDb(db => db.Appointments.CountAsync(a => db.People.Any(p => p.Id == a.PersonId && p.NameEn.StartsWith("Booth Pradhan ")))));
        Assert.Contains("resumed where it had stopped", await admin.GetStringAsync($"/imports/{id}"));
    }
}
