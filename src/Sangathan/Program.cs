using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Demo;
using Sangathan.Geography;
using Sangathan.Messaging;
using Sangathan.Search;
using Sangathan.Organization;
using Sangathan.People;
using Sangathan.Platform;
using Sangathan.Platform.Localization;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddAudit();
builder.AddMessaging();
builder.AddAccess();
builder.AddWeb();
builder.AddLanguages();
builder.AddOrganization();
builder.AddPeople();
builder.AddSearch();
builder.AddGeography();

var app = builder.Build();
await DataSetup.MigrateAsync(app.Services);
await LevelSetup.EnsureLevelsAsync(app.Services);
if (await DemoCommand.TryRunAsync(app, args) || await StaffCommand.TryRunAsync(app, args)) return;
await DemoSetup.SeedIfEmptyAsync(app.Services);
await StaffCommand.EnsureDemoAdminAsync(app.Services);

app.UseWeb();
app.UseAccess();
app.MapHealth();
app.MapLanguageSwitch();
app.MapOrganizationApi();
app.MapPeopleApi();
app.MapSearchApi();
app.MapGeographyApi();
app.MapAuditApi();
app.MapAuthApi();
app.MapApiReference();
app.MapRazorPages();
app.AnnounceAddress();
app.Run();

public partial class Program;
