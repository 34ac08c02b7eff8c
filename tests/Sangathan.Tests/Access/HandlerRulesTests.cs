using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Access;

namespace Sangathan.Tests.Access;

/// <summary>
/// The authorization handlers asked directly, operation by operation, for every caller and both sides: each answer
/// must be what <see cref="Rules"/> (the specification, written out by hand) says. The matrix then checks that every
/// endpoint asks the right operation; this checks that each operation means what the rules say.
/// </summary>
public sealed class HandlerRulesTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    /// <summary>The app's operation behind each need that is about one record, and which record of a side it is about.</summary>
    static readonly (Need Need, OperationAuthorizationRequirement Operation, string On)[] Checked =
    [
        (Need.ReadBooth, Operations.Read, "booth"),
        (Need.EditBooth, Operations.Edit, "booth"),
        (Need.EditMandal, Operations.Edit, "mandal"),
        (Need.Export, Operations.Export, "booth"),
        (Need.Broadcast, Operations.Message, "booth"),
        (Need.Scrutinize, Operations.Scrutinize, "booth"),
        (Need.Grant, Operations.Grant, "booth"),
        (Need.EnrollBooth, Operations.Enroll, "booth"),
        (Need.Reveal, Operations.Reveal, "person"),
    ];

    [Theory]
    [InlineData(Caller.Anonymous)]
    [InlineData(Caller.DistrictPresident)]
    [InlineData(Caller.DistrictSecretary)]
    [InlineData(Caller.BoothPresident)]
    [InlineData(Caller.Admin)]
    [InlineData(Caller.DataEntry)]
    [InlineData(Caller.Auditor)]
    [InlineData(Caller.Worker)]
    public async Task EachOperationIsAllowedExactlyWhereTheRulesSay(Caller caller)
    {
        var access = await world.AccessOfAsync(caller);
        using var scope = world.App.Services.CreateScope();
        var door = scope.ServiceProvider.GetRequiredService<Door>().For(access);
        var failures = new List<string>();
        foreach (var (need, operation, on) in Checked)
            foreach (var side in new[] { Side.Inside, Side.Outside })
            {
                var branch = world.Of(side);
                object? resource = on switch
                {
                    "person" => await door.PersonOfAsync(branch.PersonId, default),
                    _ => (await door.UnitAsync(on == "mandal" ? branch.Mandal : branch.Booth, Operations.Read)).Resource
                        ?? await world.App.WithDb(db => db.Units.Where(u => u.Id == (on == "mandal" ? branch.Mandal : branch.Booth))
                            .Select(u => new UnitResource(u.Id, u.Path)).SingleAsync()),
                };
                // A record the caller may not read is out of reach for every operation, as the door answers it.
                var allowed = await door.AllowsAsync(resource!, Operations.Read) && await door.AllowsAsync(resource!, operation);
                var expected = Rules.Allows(need, caller, side);
                if (allowed != expected) failures.Add($"{operation.Name} on the {side} {on}: the handler says {allowed}, the rules {expected}");
            }
        Assert.True(failures.Count == 0, $"{caller}:\n" + string.Join("\n", failures));
    }
}
