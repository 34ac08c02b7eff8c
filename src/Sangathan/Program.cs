using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Demo;
using Sangathan.Geography;
using Sangathan.Search;
using Sangathan.Organization;
using Sangathan.People;
using Sangathan.Platform;
using Sangathan.Platform.Localization;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddAudit();
builder.AddWeb();
builder.AddLanguages();
builder.AddOrganization();
builder.AddPeople();
builder.AddSearch();
builder.AddGeography();

var app = builder.Build();
await DataSetup.MigrateAsync(app.Services);
await LevelSetup.EnsureLevelsAsync(app.Services);
if (await DemoCommand.TryRunAsync(app, args)) return;
await DemoSetup.SeedIfEmptyAsync(app.Services);

app.UseWeb();
app.MapHealth();
app.MapLanguageSwitch();
app.MapOrganizationApi();
app.MapPeopleApi();
app.MapSearchApi();
app.MapGeographyApi();
app.MapAuditApi();
app.MapApiReference();
app.MapRazorPages();
app.AnnounceAddress();
app.Run();

public partial class Program;
