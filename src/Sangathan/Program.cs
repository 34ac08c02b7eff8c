using Sangathan.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();

var app = builder.Build();
await DataSetup.MigrateAsync(app.Services);
app.MapHealth();
app.Run();

public partial class Program;
