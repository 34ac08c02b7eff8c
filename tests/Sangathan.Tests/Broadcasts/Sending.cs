using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Sangathan.Data;

namespace Sangathan.Tests.Broadcasts;

/// <summary>Writing a broadcast through the API and waiting for it to end, as the tests of sending do.</summary>
public static class Sending
{
    public static object Broadcast(int unit, bool bearers = true, bool enrollers = false, bool members = true, bool sms = true, bool email = true,
        bool whatsApp = true, DateTime? sendAt = null, string textHi = "नमस्ते {name}, {unit} के {post}: कल सभा है।",
        string textEn = "Hello {name}, {post} of {unit}: meeting tomorrow.") => new
    {
        title = "Meeting tomorrow", unitId = unit, officeBearers = bearers, enrollers, members, sms, email, whatsApp, textHi, textEn,
        subjectHi = "सभा: {name}", subjectEn = "Meeting: {name}", senderId = "SNGTHN", dltTemplateId = "1707161234567890123",
        whatsAppTemplate = "meeting_notice", sendAt,
    };

    public static async Task<int> CreateAsync(HttpClient client, object broadcast)
    {
        var response = await client.PostAsJsonAsync("/api/v1/broadcasts", broadcast);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Polls the live status until the broadcast is done (every row settled), failing after the wait.</summary>
    public static async Task<JsonElement> UntilDoneAsync(HttpClient client, int id, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}/status");
            if (status.GetProperty("status").GetString() is "Done" or "Cancelled") return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Broadcast {id} did not end: {status}");
            await Task.Delay(200);
        }
    }

    /// <summary>Polls the outbox until the condition holds for the broadcast's rows.</summary>
    public static async Task<List<BroadcastMessage>> UntilAsync(Func<Func<AppDb, Task>, Task> withDb, int id, Func<List<BroadcastMessage>, bool> done, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            List<BroadcastMessage> rows = [];
            await withDb(async db => rows = await db.BroadcastMessages.AsNoTracking().Where(m => m.BroadcastId == id).OrderBy(m => m.Id).ToListAsync());
            if (done(rows)) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The outbox did not get there: " + string.Join("; ", rows.Select(r => $"{r.Channel} {r.Address} {r.Status} {r.Error}")));
            await Task.Delay(200);
        }
    }
}
