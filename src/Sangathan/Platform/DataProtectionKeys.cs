using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sangathan.Data;

namespace Sangathan.Platform;

/// <summary>
/// ASP.NET Core's data protection keys (they sign the forms' antiforgery tokens) kept in the database, so that a form
/// one app server gave out is accepted by whichever server the post reaches, and a restart keeps them. The table has
/// the shape of Microsoft's EF Core key store (Id, FriendlyName, Xml), written by raw SQL: no audit entry copies a key.
/// </summary>
public sealed class DataProtectionKeys(IServiceScopeFactory scopes) : IXmlRepository
{
    public static void AddTo(WebApplicationBuilder builder)
    {
        // One name on every server: by default the key ring is told apart by the app's folder, which servers need not share.
        builder.Services.AddDataProtection().SetApplicationName("Sangathan");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DataProtectionKeys(scopes));
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Database.ExecuteSql($"""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ({friendlyName}, {element.ToString(SaveOptions.DisableFormatting)})""");
    }
}

public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e) => e.ToTable("DataProtectionKeys");
}
