using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sangathan.Broadcasts;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Broadcasts;

/// <summary>The live count before sending: who is in a subtree's audience, on which channel first, and who cannot be reached.</summary>
public sealed class AudienceTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    readonly HttpClient admin = app.CreateAdminClient();

    async Task<JsonElement> CountAsync(HttpClient client, object choice)
    {
        var response = await client.PostAsJsonAsync("/api/v1/broadcasts/audience", choice);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    [Fact]
    public async Task EveryoneIsCountedOnceOnTheirFirstChannelAndThoseNoChannelReachesAreListed()
    {
        var w = await AudienceWorld.BuildAsync(app, admin);

        var all = await CountAsync(admin, AudienceWorld.Choice(w.Branch.District));

        // Six office bearers (the enroller among them, counted once) and four verified members; the pending member is nobody's audience.
        Assert.Equal(10, Int(all, "total"));
        Assert.Equal(2, Int(all, "optedOut"));
        Assert.Equal(1, Int(all, "noChannel"));
        Assert.Equal((1, 1, 5), (Int(all, "email"), Int(all, "whatsApp"), Int(all, "sms")));
        Assert.Equal(w.BoothSecretary.NameHi, Assert.Single(all.GetProperty("unreachable").EnumerateArray()).GetProperty("name").GetString());

        // Without WhatsApp, the one who prefers it gets SMS; without SMS, only e-mail reaches anyone.
        var noWhatsApp = await CountAsync(admin, AudienceWorld.Choice(w.Branch.District, whatsApp: false));
        Assert.Equal((0, 6), (Int(noWhatsApp, "whatsApp"), Int(noWhatsApp, "sms")));
        var emailOnly = await CountAsync(admin, AudienceWorld.Choice(w.Branch.District, sms: false, whatsApp: false));
        Assert.Equal((1, 0, 7), (Int(emailOnly, "email"), Int(emailOnly, "sms"), Int(emailOnly, "noChannel")));
    }

    [Fact]
    public async Task ThoseWhoOptedOutOfEveryChannelThatWouldReachThemAreCountedApartFromThoseWithNoAddress()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Sikar", "सीकर");
        // The district president's mobile replied STOP to an SMS; the secretary followed her e-mail's link.
        await app.WithDb(async db =>
        {
            db.ChannelOptOuts.AddRange(
                new ChannelOptOut { Channel = Channel.Sms, Address = w.DistrictPresident.Mobile!, Source = OptOutSource.SmsReply, At = DateTime.UtcNow },
                new ChannelOptOut { Channel = Channel.Email, Address = w.DistrictSecretary.Email!, Source = OptOutSource.EmailLink, At = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var all = await CountAsync(admin, AudienceWorld.Choice(w.Branch.District));
        Assert.Equal(10, Int(all, "total"));
        Assert.Equal((2, 2, 1), (Int(all, "optedOut"), Int(all, "optedOutOfChannels"), Int(all, "noChannel")));
        Assert.Equal((0, 1, 4), (Int(all, "email"), Int(all, "whatsApp"), Int(all, "sms")));
        var listed = all.GetProperty("unreachable").EnumerateArray()
            .ToDictionary(u => u.GetProperty("id").GetInt32(), u => string.Join(",", u.GetProperty("optedOutOf").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(new Dictionary<int, string> { [w.DistrictPresident.Id] = "Sms", [w.DistrictSecretary.Id] = "Email", [w.BoothSecretary.Id] = "" }, listed);

        // By e-mail alone the president has no address at all; the secretary's stop still counts as hers.
        var emailOnly = await CountAsync(admin, AudienceWorld.Choice(w.Branch.District, sms: false, whatsApp: false));
        Assert.Equal((0, 1, 7), (Int(emailOnly, "email"), Int(emailOnly, "optedOutOfChannels"), Int(emailOnly, "noChannel")));
    }

    [Fact]
    public async Task LevelsPostsCategoryAndLanguageNarrowTheAudience()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Sirohi", "सिरोही");
        var district = w.Branch.District;

        Assert.Equal(2, Int(await CountAsync(admin, AudienceWorld.Choice(district, enrollers: false, members: false, levels: ["booth"])), "total"));
        Assert.Equal(3, Int(await CountAsync(admin, AudienceWorld.Choice(district, enrollers: false, members: false, posts: ["president"])), "total"));
        Assert.Equal(1, Int(await CountAsync(admin, AudienceWorld.Choice(district, bearers: false, enrollers: false, category: "sc")), "total"));
        Assert.Equal(1, Int(await CountAsync(admin, AudienceWorld.Choice(district, language: "en")), "total"));
        Assert.Equal(1, Int(await CountAsync(admin, AudienceWorld.Choice(district, bearers: false, members: false)), "total"));
        // A booth's subtree holds the booth's own only.
        Assert.Equal(6, Int(await CountAsync(admin, AudienceWorld.Choice(w.Branch.Booth, enrollers: false)), "total"));
    }

    [Fact]
    public async Task OnlyThoseWhoEditAUnitMayCountItsAudience()
    {
        var w = await AudienceWorld.BuildAsync(app, admin, "Jalore", "जालोर");
        var boothPresident = app.CreatePersonClient(w.BoothPresident.Id);
        var secretary = app.CreatePersonClient(w.DistrictSecretary.Id);
        var president = app.CreatePersonClient(w.DistrictPresident.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await boothPresident.PostAsJsonAsync("/api/v1/broadcasts/audience", AudienceWorld.Choice(w.Branch.District))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync("/api/v1/broadcasts/audience", AudienceWorld.Choice(w.Branch.District))).StatusCode);
        Assert.Equal(10, Int(await CountAsync(president, AudienceWorld.Choice(w.Branch.District)), "total"));
        Assert.Equal(6, Int(await CountAsync(boothPresident, AudienceWorld.Choice(w.Branch.Booth, enrollers: false)), "total"));
    }
}
