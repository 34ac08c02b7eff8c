using System.Net;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Organization;

/// <summary>Issue 22's pages answer the state administrator in Hindi once Hindi is chosen.</summary>
public sealed class OrganizationPagesTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient client = app.CreateAdminClient();

    [Fact]
    public async Task ThePostEditorTheRecutPagesTheStaffPageAndTheListLoaderAnswerInHindi()
    {
        var (_, _, _, booth) = await new Tree(client).BranchAsync("Hindipur", "हिंदीपुर");
        await client.GetAsync("/language/hi?returnUrl=/");
        foreach (var (path, words) in new[]
        {
            ("/organization/levels", "स्तर और पद"), ("/staff", "वॉर रूम के खाते"), ("/recuts", "बूथों का पुनर्गठन"),
            ("/constituencies/load", "निर्वाचन क्षेत्रों की सूची लोड करें"), ($"/units/{booth}/recut", "इस बूथ को बाँटें"),
            ($"/units/{booth}/on", "इस तारीख़ को जैसी थी"), ("/account", "बूथों का पुनर्गठन"),
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("lang=\"hi\"", html);
            Assert.Contains(words, html);
        }
    }
}
