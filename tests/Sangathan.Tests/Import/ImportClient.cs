using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Import;

namespace Sangathan.Tests.Import;

/// <summary>Uploads a file through the API and waits for the background check or commit, as the page's user would.</summary>
public sealed class ImportClient(HttpClient client)
{
    /// <summary>Uploads as a phone set to this language would (its Accept-Language), the app's answer in it.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string name, byte[] content, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/") { Content = form };
        if (language is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await client.SendAsync(request);
    }

    public async Task<int> UploadOkAsync(string name, byte[] content)
    {
        var response = await UploadAsync(name, content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>The job once it is no longer running.</summary>
    public async Task<JsonElement> SettledAsync(int id, string? outcome = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}{(outcome is null ? "" : "?outcome=" + outcome)}");
            var state = job.GetProperty("state").GetString();
            if (state is not (nameof(ImportState.Checking) or nameof(ImportState.Committing))) return job;
            Assert.True(DateTime.UtcNow < deadline, $"import {id} still {state}");
            await Task.Delay(100);
        }
    }

    /// <summary>Commits, choosing to make every new unit the file names (as the war room does for a file of new booths).</summary>
    public async Task<JsonElement> CommitAsync(int id, params int[] include) => await CommitAsync(id, makeAll: true, include);

    public async Task<JsonElement> CommitAsync(int id, bool makeAll, int[] include, long[]? make = null)
    {
        await SettledAsync(id);
        var response = await client.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { include, makeAll, make });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await SettledAsync(id);
    }

    public static byte[] Csv(string text) => [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)];
}
