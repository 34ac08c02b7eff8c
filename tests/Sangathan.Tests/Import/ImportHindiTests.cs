using System.Text.RegularExpressions;
using Sangathan.Import;
using Sangathan.Tests.Infrastructure;
using Sangathan.Tests.Meetings;

namespace Sangathan.Tests.Import;

/// <summary>
/// Issue 21: the import's column mapping page names each field in the reader's language (not its key,
/// "person_name_hi"), so a district office working in Hindi can map a column it wrote in its own words.
/// </summary>
public sealed class ImportHindiTests(SangathanFactory app) : IClassFixture<SangathanFactory>
{
    [Fact]
    public async Task TheColumnMappingPageNamesEveryFieldInHindi()
    {
        var admin = app.CreateAdminClient();
        var tree = new Tree(admin);
        var district = "Hin" + Guid.NewGuid().ToString("N")[..6];
        await tree.UnitAsync(await tree.StateAsync(), Tree.NewCode("D"), district, "हिं" + district);
        var file = ImportClient.Csv($"District,Block,Mandal,Booth,Post,Karyakarta,Mobile\n{district},B1,M1,5,President,Hari Ram,{Tree.RandomMobile()}\n");
        var imports = new ImportClient(admin);
        var id = await imports.UploadOkAsync("karyakarta.csv", file);
        Assert.Equal("NeedsMapping", (await imports.SettledAsync(id)).GetProperty("state").GetString());

        var page = await app.CreateAdminClient().InHindi().GetStringAsync($"/imports/{id}");
        Assert.Matches(new Regex($"<option value=\"{Fields.NameHi}\"[^>]*>नाम \\(हिन्दी में\\)</option>"), page);
        Assert.Matches(new Regex($"<option value=\"{Fields.Mobile}\"[^>]*>मोबाइल</option>"), page);
        Assert.Matches(new Regex("<option value=\"district\"[^>]*>ज़िला</option>"), page);
        // No field is shown by its key.
        foreach (var field in ImportHeaders.AllFields)
            Assert.DoesNotMatch(new Regex($">{Regex.Escape(field)}</option>"), page);
    }
}
