using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Membership.Enrollment;

/// <summary>
/// Phones enrolling while the server dies: it is killed (SIGKILL) in the middle of a load of enrollments and started
/// again, the phones retrying whatever got no answer. Every enrollment the server acknowledged must exist, once.
/// </summary>
public sealed class ServerKillTests(MembershipFactory app) : IClassFixture<MembershipFactory>
{
    const int Phones = 4, PerPhone = 25, KillAfter = 30;

    [Fact]
    public async Task AcknowledgedEnrollmentsSurviveAKillAndRetriesMakeNoDuplicates()
    {
        var tree = new Tree(app.CreateAdminClient());
        var branch = await tree.BranchAsync("Sikar", "सीकर");
        var enroller = await tree.AppointAsync(branch.District, await tree.PostIdAsync("district", "president"), "Hari Om", "हरि ओम", Tree.RandomMobile());
        await app.WithDb(async db =>
        {
            db.Grants.Add(new Grant { PersonId = enroller, UnitId = branch.District, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var token = await app.OpenPersonSessionAsync(enroller);
        var photo = Convert.ToBase64String(TestPhotos.Jpeg(320, 240));
        var requests = Enumerable.Range(0, Phones * PerPhone).Select(i => new
        {
            voterId = $"RJK{1_000_000 + i * 7 + Random.Shared.Next(7):D7}", nameEn = $"Member {i}", nameHi = $"सदस्य {i}",
            mobile = Tree.RandomMobile(), category = "general", age = 25 + i % 40, boothId = branch.Booth, consent = true,
            requestKey = Guid.NewGuid().ToString("N"), photoBase64 = photo, cashPaid = true,
        }).ToList();

        using var server = new AppProcess(app.Provider, app.ConnectionString);
        await server.StartAsync();
        var acknowledged = new ConcurrentDictionary<string, int>();
        var killed = new TaskCompletionSource();
        var phones = Enumerable.Range(0, Phones).Select(p => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(15) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            foreach (var request in requests.Skip(p * PerPhone).Take(PerPhone))
            {
                // A phone tries until it hears back, with the same request key each time.
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var response = await http.PostAsJsonAsync("/api/v1/members", request);
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            acknowledged[request.requestKey] = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
                            break;
                        }
                        Assert.Fail($"Enrollment refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 200)
                    {
                        await Task.Delay(250);
                    }
                }
            }
        })).ToList();

        while (acknowledged.Count < KillAfter)
        {
            // A phone that gave up (a refusal, a server that never came back) fails the test here, not by a hang.
            if (phones.FirstOrDefault(t => t.IsFaulted) is { } failed) await failed;
            if (phones.All(t => t.IsCompleted)) Assert.Fail("The load ended before the kill.");
            await Task.Delay(20);
        }
        server.Kill();
        var atKill = acknowledged.ToDictionary();
        Assert.True(atKill.Count < requests.Count, "The server was killed only after the load was over.");
        await Task.Delay(500);
        await server.StartAsync();
        await Task.WhenAll(phones);

        // Every enrollment acknowledged before the kill is there, under the same member.
        var saved = await app.WithDb(db => db.Members.AsNoTracking().Where(m => m.BoothId == branch.Booth)
            .Select(m => new { m.Id, m.RequestKey, m.VoterId }).ToListAsync());
        Assert.All(atKill, a => Assert.Contains(saved, m => m.RequestKey == a.Key && m.Id == a.Value));
        // And with every phone's retries done, each request made exactly one member.
        Assert.Equal(requests.Count, saved.Count);
        Assert.Equal(requests.Select(r => r.requestKey).Order(), saved.Select(m => m.RequestKey).Order());
        Assert.Equal(requests.Count, await app.WithDb(db => db.Grants.Where(g => g.PersonId == enroller).Select(g => g.Enrolled).SingleAsync()));
    }
}
