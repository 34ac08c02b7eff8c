using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Broadcasts;
using Microsoft.Extensions.DependencyInjection;
using Sangathan.Membership;
using Sangathan.Tests.Infrastructure;

namespace Sangathan.Tests.Access;

/// <summary>What an endpoint asks of its caller, against the side of the tree the call is about.</summary>
public enum Need { Public, SignedIn, ReadBooth, EditBooth, EditMandal, EditsSomewhere, ReadsAll, WarRoom, Audit, Reveal, OfficeBearer, EnrollBooth, Export, Grant, Scrutinize, Broadcast, CardKeys, StateAdmin }

/// <summary>One call of the matrix: who calls, about which side, with which client.</summary>
public sealed record Call(MatrixWorld World, Caller Caller, Side Side, HttpClient Client)
{
    public Branch Target => World.Of(Side);
}

/// <param name="Lists">A list or search: it answers 200 with what the caller may see, so a refusal may be a 200 without the
/// outside data; the caller who may read the side must find it there.</param>
/// <param name="NamesInBody">The target is named in the body, not the route: a target the caller may not see gets the
/// same 400 as one that does not exist.</param>
/// <param name="MayFailValidation">An allowed call may still be turned down by a business rule (a second seating).</param>
/// <param name="AnyAnswer">Sign-in and other endpoints open to all, whose answer depends on what is sent, not who sends it.</param>
/// <param name="EndsSession">The call ends the caller's sessions; it runs on a fresh one.</param>
public sealed record Entry(Need Need, Func<Call, Task<HttpRequestMessage>> Request,
    bool Lists = false, bool NamesInBody = false, bool MayFailValidation = false, bool AnyAnswer = false, bool EndsSession = false);

/// <summary>
/// Every endpoint of the app, keyed "METHOD route" (a page handler adds "?handler=Name"), with what it needs and a
/// call to make. An endpoint the app maps but this table lacks fails the matrix, so a new endpoint gets an entry.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyDictionary<string, Entry> Entries = new Dictionary<string, Entry>
    {
        // Open to all: no data behind them.
        ["GET /health"] = new(Need.Public, Get(_ => "/health")),
        ["GET /health/live"] = new(Need.Public, Get(_ => "/health/live")),
        ["GET /health/ready"] = new(Need.Public, Get(_ => "/health/ready")),
        ["GET /language/{code}"] = new(Need.Public, Get(_ => "/language/en?returnUrl=/")),
        ["GET /openapi/{documentName}.json"] = new(Need.Public, Get(_ => "/openapi/v1.json")),
        ["GET /api/{documentName?}"] = new(Need.Public, Get(_ => "/api")),
        ["GET /api/scalar.js"] = new(Need.Public, Get(_ => "/api/scalar.js")),
        ["GET /api/scalar.aspnetcore.js"] = new(Need.Public, Get(_ => "/api/scalar.aspnetcore.js")),
        ["GET /api/favicon.svg"] = new(Need.Public, Get(_ => "/api/favicon.svg")),
        ["GET /status/{code:int}"] = new(Need.Public, Get(_ => "/status/404"), AnyAnswer: true),
        ["GET /sign-in"] = new(Need.Public, Get(_ => "/sign-in")),
        ["POST /sign-in?handler=Send"] = new(Need.Public, Form(_ => "/sign-in?handler=Send", _ => new() { ["Mobile"] = Tree.RandomMobile() }), AnyAnswer: true),
        ["POST /sign-in?handler=Verify"] = new(Need.Public, Form(_ => "/sign-in?handler=Verify", _ => new() { ["Mobile"] = Tree.RandomMobile(), ["Code"] = "000000" }), AnyAnswer: true),
        ["GET /staff/sign-in"] = new(Need.Public, Get(_ => "/staff/sign-in")),
        ["POST /staff/sign-in"] = new(Need.Public, Form(_ => "/staff/sign-in", _ => new() { ["Username"] = "nobody", ["Password"] = "wrong-password", ["Code"] = "000000" }), AnyAnswer: true),
        ["POST /api/v1/auth/code"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/auth/code", _ => new { mobile = Tree.RandomMobile() }), AnyAnswer: true),
        ["POST /api/v1/auth/token"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/auth/token", _ => new { mobile = Tree.RandomMobile(), code = "000000" }), AnyAnswer: true),
        ["POST /api/v1/auth/staff-token"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/auth/staff-token", _ => new { username = "nobody", password = "wrong-password", code = "000000" }), AnyAnswer: true),

        // Anyone signed in, about themselves.
        ["GET /"] = new(Need.SignedIn, Get(_ => "/")),
        ["GET /account"] = new(Need.SignedIn, Get(_ => "/account")),
        ["POST /account?handler=SignOut"] = new(Need.SignedIn, Form(_ => "/account?handler=SignOut", _ => []), EndsSession: true),
        ["POST /account?handler=Everywhere"] = new(Need.SignedIn, Form(_ => "/account?handler=Everywhere", _ => []), EndsSession: true),
        ["GET /api/v1/me"] = new(Need.SignedIn, Get(_ => "/api/v1/me")),
        ["POST /api/v1/auth/sign-out"] = new(Need.SignedIn, Json(HttpMethod.Post, _ => "/api/v1/auth/sign-out", _ => new { }), EndsSession: true),
        ["POST /api/v1/auth/sign-out-everywhere"] = new(Need.SignedIn, Json(HttpMethod.Post, _ => "/api/v1/auth/sign-out-everywhere", _ => new { }), EndsSession: true),
        ["GET /api/v1/levels"] = new(Need.SignedIn, Get(_ => "/api/v1/levels")),
        ["GET /search"] = new(Need.SignedIn, Get(_ => "/search")),

        // The tree: a booth and what hangs on it.
        ["GET /api/v1/units/root"] = new(Need.ReadsAll, Get(_ => "/api/v1/units/root")),
        ["GET /api/v1/units/{id:int}"] = new(Need.ReadBooth, Get(c => $"/api/v1/units/{c.Target.Booth}")),
        ["GET /units/{id:int}"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}")),
        ["GET /api/v1/completeness"] = new(Need.ReadBooth, Get(c => $"/api/v1/completeness?unitId={c.Target.Booth}")),
        ["GET /completeness"] = new(Need.ReadBooth, Get(c => $"/completeness?unit={c.Target.Booth}")),
        ["GET /api/v1/vacancies"] = new(Need.ReadBooth, Get(c => $"/api/v1/vacancies?regionId={c.Target.District}"), Lists: true),
        ["GET /vacancies"] = new(Need.ReadBooth, Get(c => $"/vacancies?region={c.Target.District}"), Lists: true),

        // The war room's dashboards (issue 21): a unit's for those who read it, a constituency's (its booths in reach;
        // the matrix's has none) for the war room; goals and expected counts for those who edit.
        ["GET /drive"] = new(Need.SignedIn, Get(_ => "/drive")),
        ["GET /units/{id:int}/drive"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}/drive")),
        ["GET /units/{id:int}/drive?handler=Xlsx"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}/drive?handler=Xlsx")),
        ["POST /units/{id:int}/drive?handler=Goal"] = new(Need.EditBooth, Form(c => $"/units/{c.Target.Booth}/drive?handler=Goal",
            _ => new() { ["Input.Members"] = "100", ["Input.From"] = "2026-01-01", ["Input.Until"] = "2026-03-31" })),
        ["GET /constituencies/{id:int}/drive"] = new(Need.ReadsAll, Get(c => $"/constituencies/{c.World.ConstituencyId}/drive")),
        ["GET /constituencies/{id:int}/drive?handler=Xlsx"] = new(Need.ReadsAll, Get(c => $"/constituencies/{c.World.ConstituencyId}/drive?handler=Xlsx")),
        ["POST /constituencies/{id:int}/drive?handler=Goal"] = new(Need.WarRoom, Form(c => $"/constituencies/{c.World.ConstituencyId}/drive?handler=Goal",
            _ => new() { ["Input.VerifiedPerBooth"] = "12" })),
        ["GET /units/{id:int}/coverage"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}/coverage")),
        ["GET /units/{id:int}/coverage?handler=Xlsx"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}/coverage?handler=Xlsx")),
        ["POST /units/{id:int}/coverage?handler=Expected"] = new(Need.EditMandal, Form(c => $"/units/{c.Target.Mandal}/coverage?handler=Expected", _ => [])),
        ["GET /constituencies/{id:int}/coverage"] = new(Need.ReadsAll, Get(c => $"/constituencies/{c.World.ConstituencyId}/coverage")),
        ["GET /constituencies/{id:int}/coverage?handler=Xlsx"] = new(Need.ReadsAll, Get(c => $"/constituencies/{c.World.ConstituencyId}/coverage?handler=Xlsx")),
        ["POST /constituencies/{id:int}/coverage?handler=Expected"] = new(Need.WarRoom, Form(c => $"/constituencies/{c.World.ConstituencyId}/coverage?handler=Expected", _ => [])),
        ["GET /api/v1/units/{id:int}/drive"] = new(Need.ReadBooth, Get(c => $"/api/v1/units/{c.Target.Booth}/drive")),
        ["GET /api/v1/constituencies/{id:int}/drive"] = new(Need.ReadsAll, Get(c => $"/api/v1/constituencies/{c.World.ConstituencyId}/drive")),
        ["GET /api/v1/units/{id:int}/coverage"] = new(Need.ReadBooth, Get(c => $"/api/v1/units/{c.Target.Booth}/coverage")),
        ["GET /api/v1/constituencies/{id:int}/coverage"] = new(Need.ReadsAll, Get(c => $"/api/v1/constituencies/{c.World.ConstituencyId}/coverage")),
        ["PUT /api/v1/units/{id:int}/goal"] = new(Need.EditBooth, Json(HttpMethod.Put, c => $"/api/v1/units/{c.Target.Booth}/goal", _ => new { verifiedPerBooth = 5 })),
        ["PUT /api/v1/constituencies/{id:int}/goal"] = new(Need.WarRoom, Json(HttpMethod.Put, c => $"/api/v1/constituencies/{c.World.ConstituencyId}/goal", _ => new { verifiedPerBooth = 5 })),
        ["PUT /api/v1/units/{id:int}/expected-units"] = new(Need.EditMandal, Json(HttpMethod.Put, c => $"/api/v1/units/{c.Target.Mandal}/expected-units", _ => new { counts = new Dictionary<int, int?>() })),
        ["PUT /api/v1/constituencies/{id:int}/expected-units"] = new(Need.WarRoom, Json(HttpMethod.Put, c => $"/api/v1/constituencies/{c.World.ConstituencyId}/expected-units", _ => new { counts = new Dictionary<int, int?>() })),
        ["POST /api/v1/search"] = new(Need.ReadBooth, Json(HttpMethod.Post, _ => "/api/v1/search", c => new { q = c.Target.Person.FirstName }), Lists: true),
        ["POST /search"] = new(Need.ReadBooth, Form(_ => "/search", c => new() { ["q"] = c.Target.Person.FirstName }), Lists: true),

        ["PUT /api/v1/units/{id:int}"] = new(Need.EditBooth, Json(HttpMethod.Put, c => $"/api/v1/units/{c.Target.Booth}", c => new
        {
            parentId = c.Target.Mandal, code = c.Target.BoothCode, nameEn = c.Target.BoothEn, nameHi = c.Target.BoothHi,
        })),
        ["GET /units/{id:int}/edit"] = new(Need.EditBooth, Get(c => $"/units/{c.Target.Booth}/edit")),
        ["POST /units/{id:int}/edit"] = new(Need.EditBooth, Form(c => $"/units/{c.Target.Booth}/edit", c => new()
        {
            ["Input.ParentCode"] = c.Target.MandalCode, ["Input.Code"] = c.Target.BoothCode,
            ["Input.NameEn"] = c.Target.BoothEn, ["Input.NameHi"] = c.Target.BoothHi,
        })),
        ["POST /api/v1/units"] = new(Need.EditMandal, Json(HttpMethod.Post, _ => "/api/v1/units", c => new
        {
            parentId = c.Target.Mandal, code = Tree.NewCode("N"), nameEn = "Matrix Booth", nameHi = "मैट्रिक्स बूथ",
        }), NamesInBody: true),
        ["GET /units/new"] = new(Need.EditsSomewhere, Get(c => $"/units/new?parentId={c.Target.Mandal}")),
        ["POST /units/new"] = new(Need.EditMandal, Form(_ => "/units/new", c => new()
        {
            ["Input.ParentCode"] = c.Target.MandalCode, ["Input.Code"] = Tree.NewCode("N"),
            ["Input.NameEn"] = "Matrix Booth", ["Input.NameHi"] = "मैट्रिक्स बूथ",
        }), NamesInBody: true),

        ["POST /api/v1/units/{id:int}/appointments"] = new(Need.EditBooth, async c =>
        {
            await c.World.FreeCommitteeSeatsAsync(c.Side);
            return await Json(HttpMethod.Post, c => $"/api/v1/units/{c.Target.Booth}/appointments", c => new
            {
                postId = c.World.BoothCommitteePost, newPerson = new { nameEn = "Matrix Member", nameHi = "मैट्रिक्स सदस्य", mobile = Tree.RandomMobile() },
            })(c);
        }),
        ["GET /units/{id:int}/appoint"] = new(Need.EditBooth, Get(c => $"/units/{c.Target.Booth}/appoint")),
        ["POST /units/{id:int}/appoint"] = new(Need.EditBooth, async c =>
        {
            await c.World.FreeCommitteeSeatsAsync(c.Side);
            return await Form(c => $"/units/{c.Target.Booth}/appoint", c => new()
            {
                ["Input.PostId"] = c.World.BoothCommitteePost.ToString(), ["Input.Mobile"] = Tree.RandomMobile(),
                ["Input.NameEn"] = "Matrix Member", ["Input.NameHi"] = "मैट्रिक्स सदस्य",
            })(c);
        }),
        ["POST /api/v1/appointments/{id:int}/end"] = new(Need.EditBooth, async c =>
        {
            var appointment = await c.World.FreshAppointmentAsync(c.Side);
            return await Json(HttpMethod.Post, _ => $"/api/v1/appointments/{appointment}/end", _ => new { reason = "Access matrix check" })(c);
        }),
        ["POST /people/{id:int}?handler=End"] = new(Need.EditBooth, async c =>
        {
            var appointment = await c.World.FreshAppointmentAsync(c.Side);
            return await Form(c => $"/people/{c.Target.PersonId}?handler=End", _ => new() { ["appointmentId"] = appointment.ToString(), ["reason"] = "Access matrix check" })(c);
        }),

        // The person at the booth.
        ["GET /api/v1/people/{id:int}"] = new(Need.ReadBooth, Get(c => $"/api/v1/people/{c.Target.PersonId}")),
        ["GET /people/{id:int}"] = new(Need.ReadBooth, Get(c => $"/people/{c.Target.PersonId}")),
        ["GET /photos/{id:int}"] = new(Need.ReadBooth, Get(c => $"/photos/{c.Target.PhotoId}")),
        ["PUT /api/v1/people/{id:int}"] = new(Need.EditBooth, Json(HttpMethod.Put, c => $"/api/v1/people/{c.Target.PersonId}", c => c.Target.Person)),
        ["PUT /api/v1/people/{id:int}/photo"] = new(Need.EditBooth, c => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{c.Target.PersonId}/photo")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(c.Target.PhotoUpload), "photo", "me.jpg" } },
        })),
        ["GET /people/{id:int}/edit"] = new(Need.EditBooth, Get(c => $"/people/{c.Target.PersonId}/edit")),
        ["POST /people/{id:int}/edit"] = new(Need.EditBooth, Form(c => $"/people/{c.Target.PersonId}/edit", c => new()
        {
            ["Input.NameEn"] = c.Target.Person.NameEn, ["Input.NameHi"] = c.Target.Person.NameHi, ["Input.Mobile"] = c.Target.Person.Mobile,
            ["Input.Email"] = c.Target.Person.Email, ["Input.Village"] = c.Target.Person.Village,
        })),
        ["POST /api/v1/people/{id:int}/reveal"] = new(Need.Reveal, Json(HttpMethod.Post, c => $"/api/v1/people/{c.Target.PersonId}/reveal", _ => new { reason = "Access matrix check" })),
        ["POST /people/{id:int}?handler=Reveal"] = new(Need.Reveal, Form(c => $"/people/{c.Target.PersonId}?handler=Reveal", _ => new() { ["reason"] = "Access matrix check" })),
        ["POST /api/v1/people/"] = new(Need.EditsSomewhere, Json(HttpMethod.Post, _ => "/api/v1/people/", _ => new { nameEn = "Matrix Person", nameHi = "मैट्रिक्स व्यक्ति", mobile = Tree.RandomMobile() })),
        ["GET /people/new"] = new(Need.EditsSomewhere, Get(_ => "/people/new")),
        ["POST /people/new"] = new(Need.EditsSomewhere, Form(_ => "/people/new", _ => new()
        {
            ["Input.NameEn"] = "Matrix Person", ["Input.NameHi"] = "मैट्रिक्स व्यक्ति", ["Input.Mobile"] = Tree.RandomMobile(),
        })),

        // Imports: anyone who edits may upload; a job is its uploader's and the war room's (here, a war-room member's).
        ["GET /imports"] = new(Need.EditsSomewhere, Get(_ => "/imports")),
        ["POST /imports"] = new(Need.EditsSomewhere, Form(_ => "/imports", _ => []), MayFailValidation: true),
        ["POST /api/v1/imports/"] = new(Need.EditsSomewhere, _ =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent("District,Mobile\n"u8.ToArray()), "file", "header-only.csv" } };
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/") { Content = form });
        }, MayFailValidation: true),
        ["GET /api/v1/imports/templates/{kind}.xlsx"] = new(Need.SignedIn, Get(_ => "/api/v1/imports/templates/appointments.xlsx")),
        ["GET /imports/{id:int}"] = new(Need.ReadsAll, Get(c => $"/imports/{c.World.ImportJobId}")),
        ["POST /imports/{id:int}?handler=Map"] = new(Need.ReadsAll, Form(c => $"/imports/{c.World.ImportJobId}?handler=Map", _ => []), MayFailValidation: true),
        ["POST /imports/{id:int}?handler=Commit"] = new(Need.ReadsAll, Form(c => $"/imports/{c.World.ImportJobId}?handler=Commit", _ => []), MayFailValidation: true),
        ["GET /api/v1/imports/{id:int}"] = new(Need.ReadsAll, Get(c => $"/api/v1/imports/{c.World.ImportJobId}")),
        ["GET /api/v1/imports/{id:int}/report.xlsx"] = new(Need.ReadsAll, Get(c => $"/api/v1/imports/{c.World.ImportJobId}/report.xlsx")),
        ["GET /imports/{id:int}/report.xlsx"] = new(Need.ReadsAll, Get(c => $"/imports/{c.World.ImportJobId}/report.xlsx")),
        ["GET /imports/templates/{kind}.xlsx"] = new(Need.SignedIn, Get(_ => "/imports/templates/units.xlsx")),
        ["PUT /api/v1/imports/{id:int}/mapping"] = new(Need.ReadsAll, Json(HttpMethod.Put, c => $"/api/v1/imports/{c.World.ImportJobId}/mapping", _ => new { columns = new { } }), MayFailValidation: true),
        ["POST /api/v1/imports/{id:int}/commit"] = new(Need.ReadsAll, Json(HttpMethod.Post, c => $"/api/v1/imports/{c.World.ImportJobId}/commit", _ => new { }), MayFailValidation: true),

        // Downloads of a subtree: the state administrator, and office bearers where they edit.
        ["GET /api/v1/units/{id:int}/export/{file}"] = new(Need.Export, Get(c => $"/api/v1/units/{c.Target.Booth}/export/office-bearers.csv")),
        ["GET /units/{id:int}/export/{file}"] = new(Need.Export, Get(c => $"/units/{c.Target.Booth}/export/contacts.vcf")),

        // Membership: enrollment in the field, by those the war room or their seniors authorized; the member confirms.
        ["POST /api/v1/members/"] = new(Need.EnrollBooth, Json(HttpMethod.Post, _ => "/api/v1/members/", c => MemberBody(c.Target.Booth)), NamesInBody: true),
        ["GET /api/v1/members/mine"] = new(Need.OfficeBearer, Get(_ => "/api/v1/members/mine")),
        ["GET /api/v1/members/cash-book"] = new(Need.OfficeBearer, Get(_ => "/api/v1/members/cash-book")),
        ["GET /api/v1/members/units"] = new(Need.EnrollBooth, Get(c => $"/api/v1/members/units?parentId={c.Target.Mandal}")),
        ["POST /api/v1/members/{id:int}/confirmation"] = new(Need.OfficeBearer, Json(HttpMethod.Post, _ => "/api/v1/members/987654/confirmation", _ => new { }), AnyAnswer: true),
        ["GET /membership/enroll"] = new(Need.EnrollBooth, Get(c => $"/membership/enroll?unit={c.Target.Mandal}")),
        ["POST /membership/enroll"] = new(Need.EnrollBooth, Form(c => $"/membership/enroll?unit={c.Target.Booth}", _ => new() { ["Input.VoterId"] = "bad" }), MayFailValidation: true),
        ["POST /membership/enroll?handler=Queue"] = new(Need.EnrollBooth, async c =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/membership/enroll?handler=Queue") { Content = JsonContent.Create(MemberBody(c.Target.Booth)) };
            request.Headers.Add("RequestVerificationToken", await c.World.FormTokenAsync(c.Client));
            return request;
        }, NamesInBody: true),
        ["GET /api/v1/units/{id:int}/members/counts"] = new(Need.ReadBooth, Get(c => $"/api/v1/units/{c.Target.Booth}/members/counts")),
        // Scrutiny: the district's own (and the war room's), each call about a fresh member waiting at the side's booth.
        ["GET /api/v1/members/scrutiny"] = new(Need.Scrutinize, Get(c => $"/api/v1/members/scrutiny?unitId={c.Target.District}")),
        ["GET /membership/scrutiny"] = new(Need.Scrutinize, Get(c => $"/membership/scrutiny?unit={c.Target.District}")),
        ["POST /membership/scrutiny"] = new(Need.Scrutinize, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Form(c => $"/membership/scrutiny?unit={c.Target.District}", _ => new() { ["memberId"] = id.ToString(), ["decision"] = "Approve" })(c);
        }),
        ["POST /api/v1/members/{id:int}/approve"] = new(Need.Scrutinize, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Json(HttpMethod.Post, _ => $"/api/v1/members/{id}/approve", _ => new { })(c);
        }),
        ["POST /api/v1/members/{id:int}/reject"] = new(Need.Scrutinize, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Json(HttpMethod.Post, _ => $"/api/v1/members/{id}/reject", _ => new { reason = "Matrix" })(c);
        }),
        ["POST /api/v1/members/{id:int}/send-back"] = new(Need.Scrutinize, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Json(HttpMethod.Post, _ => $"/api/v1/members/{id}/send-back", _ => new { reason = "Matrix" })(c);
        }),
        // Bulk approval names its members in the body: those out of the caller's reach are skipped, not refused (issue 20).
        ["POST /api/v1/members/approve"] = new(Need.Scrutinize, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Json(HttpMethod.Post, _ => "/api/v1/members/approve", _ => new { ids = new[] { id } })(c);
        }, NamesInBody: true),
        // Corrections: the district (and the war room) with a reason; a member's enroller only once it was sent back to them.
        ["PUT /api/v1/members/{id:int}"] = new(Need.Scrutinize, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Json(HttpMethod.Put, _ => $"/api/v1/members/{id}", _ => new { reason = "Matrix check", village = "Matrixpur" })(c);
        }, MayFailValidation: true),
        ["GET /membership/members/{id:int}/correct"] = new(Need.Scrutinize, async c => new HttpRequestMessage(HttpMethod.Get,
            $"/membership/members/{await MatrixMembers.WaitingAsync(c)}/correct")),
        ["POST /membership/members/{id:int}/correct"] = new(Need.Scrutinize, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Form(_ => $"/membership/members/{id}/correct", _ => new() { ["Reason"] = "Matrix check", ["Input.Village"] = "Matrixpur" })(c);
        }, MayFailValidation: true),
        // An enroller's own members: anyone who is a person (office bearers, workers); the war room's staff have none.
        ["GET /membership/mine"] = new(Need.OfficeBearer, Get(_ => "/membership/mine")),
        ["POST /membership/mine?handler=Resend"] = new(Need.OfficeBearer, Form(_ => "/membership/mine?handler=Resend", _ => new() { ["memberId"] = "987654" }), AnyAnswer: true),
        ["GET /api/v1/members/{id:int}/photo"] = new(Need.Scrutinize, async c => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/members/{await MatrixMembers.WaitingAsync(c)}/photo")),
        ["GET /members/{id:int}/photo"] = new(Need.Scrutinize, async c => new HttpRequestMessage(HttpMethod.Get, $"/members/{await MatrixMembers.WaitingAsync(c)}/photo")),

        // Joining online: open to anyone. The tree's names are public so that a person can find their booth; the calls
        // below ask for the top of it (districts), since booth names are among the matrix's markers. A person's own page
        // is reached by its token (here an unknown one).
        ["GET /join"] = new(Need.Public, Get(_ => "/join")),
        ["POST /join"] = new(Need.Public, Form(_ => "/join?booth=0", _ => new() { ["Input.VoterId"] = "bad" }), AnyAnswer: true),
        ["GET /join/{token}"] = new(Need.Public, Get(_ => "/join/AAAAAAAAAAAA"), AnyAnswer: true),
        ["POST /join/{token}?handler=Verify"] = new(Need.Public, Form(_ => "/join/AAAAAAAAAAAA?handler=Verify", _ => new() { ["code"] = "000000" }), AnyAnswer: true),
        ["POST /join/{token}?handler=Resend"] = new(Need.Public, Form(_ => "/join/AAAAAAAAAAAA?handler=Resend", _ => []), AnyAnswer: true),
        ["POST /join/{token}?handler=Claim"] = new(Need.Public, Form(_ => "/join/AAAAAAAAAAAA?handler=Claim", _ => []), AnyAnswer: true),
        ["POST /join/{token}?handler=Pay"] = new(Need.Public, Form(_ => "/join/AAAAAAAAAAAA?handler=Pay", _ => []), AnyAnswer: true),
        ["GET /join/{token}/paid"] = new(Need.Public, Get(_ => "/join/AAAAAAAAAAAA/paid"), AnyAnswer: true),
        ["POST /join/{token}/paid"] = new(Need.Public, c => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/join/AAAAAAAAAAAA/paid")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["razorpay_order_id"] = "order_X", ["razorpay_payment_id"] = "pay_X", ["razorpay_signature"] = "x" }),
        }), AnyAnswer: true),
        ["GET /api/v1/join/constituencies"] = new(Need.Public, Get(_ => "/api/v1/join/constituencies")),
        ["GET /api/v1/join/units"] = new(Need.Public, Get(_ => "/api/v1/join/units")),
        ["GET /api/v1/join/booths"] = new(Need.Public, Get(_ => "/api/v1/join/booths?constituency=9999&part=1"), AnyAnswer: true),
        ["POST /api/v1/join/"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/join/", _ => new { voterId = "bad" }), AnyAnswer: true),
        ["GET /api/v1/join/{token}"] = new(Need.Public, Get(_ => "/api/v1/join/AAAAAAAAAAAA"), AnyAnswer: true),
        ["POST /api/v1/join/{token}/code"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/join/AAAAAAAAAAAA/code", _ => new { }), AnyAnswer: true),
        ["POST /api/v1/join/{token}/confirm"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/join/AAAAAAAAAAAA/confirm", _ => new { code = "000000" }), AnyAnswer: true),
        ["POST /api/v1/join/{token}/claim"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/join/AAAAAAAAAAAA/claim", _ => new { }), AnyAnswer: true),
        ["POST /api/v1/join/{token}/orders"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/join/AAAAAAAAAAAA/orders", _ => new { }), AnyAnswer: true),
        ["POST /api/v1/join/{token}/payments"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/join/AAAAAAAAAAAA/payments", _ => new { orderId = "order_X" }), AnyAnswer: true),
        // The gateway's webhook: its signature is its authorization (here none: refused).
        ["POST /api/v1/payments/razorpay/webhook"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/payments/razorpay/webhook", _ => new { @event = "payment.captured" }), AnyAnswer: true),
        // The demo's stand-in gateway, served by the app when it is the configured gateway (as in the matrix's app).
        ["POST /stand-in/razorpay/v1/orders"] = new(Need.Public, Json(HttpMethod.Post, _ => "/stand-in/razorpay/v1/orders", _ => new { amount = 500, currency = "INR" }), AnyAnswer: true),
        ["GET /stand-in/razorpay/v1/orders/{id}"] = new(Need.Public, Get(_ => "/stand-in/razorpay/v1/orders/order_X"), AnyAnswer: true),
        ["GET /stand-in/razorpay/v1/orders/{id}/payments"] = new(Need.Public, Get(_ => "/stand-in/razorpay/v1/orders/order_X/payments"), AnyAnswer: true),
        ["GET /stand-in/razorpay/v1/payments/{id}"] = new(Need.Public, Get(_ => "/stand-in/razorpay/v1/payments/pay_X"), AnyAnswer: true),
        ["POST /stand-in/razorpay/v1/checkout/embedded"] = new(Need.Public, StandInForm("/stand-in/razorpay/v1/checkout/embedded"), AnyAnswer: true),
        ["POST /stand-in/razorpay/v1/checkout/{orderId}/pay"] = new(Need.Public, StandInForm("/stand-in/razorpay/v1/checkout/order_X/pay"), AnyAnswer: true),
        ["POST /stand-in/razorpay/v1/checkout/{orderId}/fail"] = new(Need.Public, StandInForm("/stand-in/razorpay/v1/checkout/order_X/fail"), AnyAnswer: true),

        // Cash: an enroller's own book; the war room's books of every enroller and the deposits it records (the side's
        // booth person took no cash, so a deposit is more than they owe: 400).
        ["GET /membership/cash-book"] = new(Need.OfficeBearer, Get(_ => "/membership/cash-book")),
        ["GET /membership/cash-books"] = new(Need.WarRoom, Get(_ => "/membership/cash-books")),
        ["POST /membership/cash-books"] = new(Need.WarRoom, Form(_ => "/membership/cash-books", c => new() { ["personId"] = c.Target.PersonId.ToString(), ["rupees"] = "5" }), MayFailValidation: true),
        ["GET /api/v1/cash-books/"] = new(Need.WarRoom, Get(_ => "/api/v1/cash-books/")),
        ["GET /api/v1/cash-books/{personId:int}"] = new(Need.WarRoom, Get(c => $"/api/v1/cash-books/{c.Target.PersonId}")),
        ["POST /api/v1/cash-books/{personId:int}/deposits"] = new(Need.WarRoom, Json(HttpMethod.Post, c => $"/api/v1/cash-books/{c.Target.PersonId}/deposits", _ => new { amountPaise = 500 }), MayFailValidation: true),

        ["GET /m/{token}"] = new(Need.Public, Get(_ => "/m/AAAAAAAAAAAA"), AnyAnswer: true),
        ["POST /m/{token}"] = new(Need.Public, Form(_ => "/m/AAAAAAAAAAAA", _ => []), AnyAnswer: true),

        // Member cards: printed by those who export the booth (the enroller too, not modelled here); ending a card for
        // good is the district's, a replacement the printers'; keys are the administrator's; checking a card is public.
        ["GET /api/v1/members/{id:int}/card.{format}"] = new(Need.Export, async c => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/members/{await MatrixCards.VerifiedAsync(c)}/card.png")),
        ["GET /members/{id:int}/card.{format}"] = new(Need.Export, async c => new HttpRequestMessage(HttpMethod.Get, $"/members/{await MatrixCards.VerifiedAsync(c)}/card.pdf")),
        ["GET /members/{id:int}/card"] = new(Need.Export, async c => new HttpRequestMessage(HttpMethod.Get, $"/members/{await MatrixCards.VerifiedAsync(c)}/card")),
        ["POST /api/v1/members/{id:int}/card/revoke"] = new(Need.Export, async c =>
        {
            var id = await MatrixCards.WithCardAsync(c);
            return await Json(HttpMethod.Post, _ => $"/api/v1/members/{id}/card/revoke", _ => new { reason = "Lost" })(c);
        }),
        ["POST /members/{id:int}/card?handler=Revoke"] = new(Need.Export, async c =>
        {
            var id = await MatrixCards.WithCardAsync(c);
            return await Form(_ => $"/members/{id}/card?handler=Revoke", _ => new() { ["reason"] = "Damaged" })(c);
        }),
        ["POST /api/v1/members/{id:int}/card/link"] = new(Need.Export, async c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/members/{await MatrixCards.VerifiedAsync(c)}/card/link") { Content = JsonContent.Create(new { }) }),
        ["POST /members/{id:int}/card?handler=Send"] = new(Need.Export, async c =>
        {
            var id = await MatrixCards.VerifiedAsync(c);
            return await Form(_ => $"/members/{id}/card?handler=Send", _ => [])(c);
        }),
        ["GET /api/v1/members/cards"] = new(Need.OfficeBearer, Get(_ => "/api/v1/members/cards")),
        ["GET /cards"] = new(Need.SignedIn, Get(_ => "/cards")),
        ["GET /api/v1/units/{id:int}/cards"] = new(Need.Export, Get(c => $"/api/v1/units/{c.Target.Booth}/cards")),
        ["GET /units/{id:int}/cards"] = new(Need.Export, Get(c => $"/units/{c.Target.Booth}/cards")),
        ["GET /api/v1/units/{id:int}/cards.pdf"] = new(Need.Export, Get(c => $"/api/v1/units/{c.Target.Booth}/cards.pdf")),
        ["GET /units/{id:int}/cards.pdf"] = new(Need.Export, Get(c => $"/units/{c.Target.Booth}/cards.pdf?layout=cards")),
        ["GET /api/v1/cards/keys"] = new(Need.CardKeys, Get(_ => "/api/v1/cards/keys")),
        ["POST /api/v1/cards/keys"] = new(Need.CardKeys, Json(HttpMethod.Post, _ => "/api/v1/cards/keys", _ => new { })),
        ["POST /api/v1/cards/keys/{id:int}/retire"] = new(Need.CardKeys, async c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cards/keys/{await MatrixCards.FreshKeyAsync(c)}/retire") { Content = JsonContent.Create(new { }) }),
        ["GET /api/v1/cards/trust"] = new(Need.Public, Get(_ => "/api/v1/cards/trust")),
        ["POST /api/v1/cards/verify"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/cards/verify", _ => new { code = "SG1:NOT A CARD" }), AnyAnswer: true),
        ["POST /api/v1/cards/photo"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/cards/photo", _ => new { code = "SG1:NOT A CARD" }), AnyAnswer: true),
        ["GET /verify"] = new(Need.Public, Get(_ => "/verify")),
        ["GET /card"] = new(Need.Public, Get(_ => "/card")),
        ["POST /card"] = new(Need.Public, Form(_ => "/card", _ => new() { ["mobile"] = Tree.RandomMobile() }), AnyAnswer: true),
        ["GET /c/{token}"] = new(Need.Public, Get(_ => "/c/AAAAAAAAAAAA"), AnyAnswer: true),
        ["GET /c/{token}/card.{format}"] = new(Need.Public, Get(_ => "/c/AAAAAAAAAAAA/card.png"), AnyAnswer: true),

        // Meetings: read by whoever reads the unit; called, changed and recorded (scans, marks, minutes, photos) by those who
        // edit there (and the office bearers of the meeting's own unit, who edit the booth here anyway); downloaded by those
        // who export. The answer and check-in links are their own authorization; one's own answer depends on being invited.
        ["GET /api/v1/units/{id:int}/meetings/"] = new(Need.ReadBooth, Get(c => $"/api/v1/units/{c.Target.Booth}/meetings/")),
        ["GET /units/{id:int}/meetings"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}/meetings")),
        ["GET /api/v1/units/{id:int}/meetings/report"] = new(Need.ReadBooth, Get(c => $"/api/v1/units/{c.Target.Booth}/meetings/report")),
        ["GET /units/{id:int}/meetings/report"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}/meetings/report")),
        ["GET /api/v1/units/{id:int}/meetings/report.xlsx"] = new(Need.Export, Get(c => $"/api/v1/units/{c.Target.Booth}/meetings/report.xlsx")),
        ["GET /units/{id:int}/meetings/report.xlsx"] = new(Need.Export, Get(c => $"/units/{c.Target.Booth}/meetings/report.xlsx")),
        ["GET /units/{id:int}/meetings/new"] = new(Need.EditBooth, Get(c => $"/units/{c.Target.Booth}/meetings/new")),
        ["POST /units/{id:int}/meetings/new"] = new(Need.EditBooth, Form(c => $"/units/{c.Target.Booth}/meetings/new", _ => new()
        {
            ["Input.Title"] = "Matrix meeting", ["Input.StartsAt"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm"), ["Input.Place"] = "Matrix hall",
            ["Input.OfficeBearers"] = "true",
        })),
        ["POST /api/v1/meetings/"] = new(Need.EditBooth, Json(HttpMethod.Post, _ => "/api/v1/meetings/", c => new
        {
            unitId = c.Target.Booth, title = "Matrix meeting", startsAt = DateTimeOffset.UtcNow.AddDays(2), place = "Matrix hall", officeBearers = true,
        }), NamesInBody: true),
        ["GET /api/v1/meetings/{id:int}"] = new(Need.ReadBooth, async c => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}")),
        ["GET /meetings/{id:int}"] = new(Need.ReadBooth, async c => new HttpRequestMessage(HttpMethod.Get, $"/meetings/{await MatrixMeetings.AtBoothAsync(c)}")),
        ["GET /api/v1/meetings/{id:int}/attendees"] = new(Need.ReadBooth, async c => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/attendees")),
        ["GET /api/v1/meetings/{id:int}/photos/{photoId:int}"] = new(Need.ReadBooth, async c =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/photos/{await MatrixMeetings.PhotoAsync(c)}")),
        ["GET /meetings/{id:int}/photos/{photoId:int}"] = new(Need.ReadBooth, async c =>
            new HttpRequestMessage(HttpMethod.Get, $"/meetings/{await MatrixMeetings.AtBoothAsync(c)}/photos/{await MatrixMeetings.PhotoAsync(c)}")),
        ["GET /api/v1/meetings/{id:int}/attendance.xlsx"] = new(Need.Export, async c => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/attendance.xlsx")),
        ["GET /meetings/{id:int}/attendance.xlsx"] = new(Need.Export, async c => new HttpRequestMessage(HttpMethod.Get, $"/meetings/{await MatrixMeetings.AtBoothAsync(c)}/attendance.xlsx")),
        ["PUT /api/v1/meetings/{id:int}"] = new(Need.EditBooth, async c => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c, fresh: true)}")
        {
            Content = JsonContent.Create(new { title = "Matrix meeting moved", startsAt = DateTimeOffset.UtcNow.AddDays(3), place = "Matrix hall" }),
        }),
        ["GET /meetings/{id:int}/edit"] = new(Need.EditBooth, async c => new HttpRequestMessage(HttpMethod.Get, $"/meetings/{await MatrixMeetings.AtBoothAsync(c)}/edit")),
        ["POST /meetings/{id:int}/edit"] = new(Need.EditBooth, async c =>
        {
            var id = await MatrixMeetings.AtBoothAsync(c, fresh: true);
            return await Form(_ => $"/meetings/{id}/edit", _ => new()
            {
                ["Input.Title"] = "Matrix meeting moved", ["Input.StartsAt"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm"), ["Input.Place"] = "Matrix hall",
            })(c);
        }),
        ["POST /api/v1/meetings/{id:int}/cancel"] = new(Need.EditBooth, async c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c, fresh: true)}/cancel") { Content = JsonContent.Create(new { }) }),
        ["POST /meetings/{id:int}?handler=Cancel"] = new(Need.EditBooth, async c =>
        {
            var id = await MatrixMeetings.AtBoothAsync(c, fresh: true);
            return await Form(_ => $"/meetings/{id}?handler=Cancel", _ => [])(c);
        }),
        ["POST /api/v1/meetings/{id:int}/scans"] = new(Need.EditBooth, async c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/scans")
            {
                Content = JsonContent.Create(new { key = Guid.NewGuid().ToString("N"), code = await MatrixMeetings.CardCodeAsync(c) }),
            }),
        ["GET /meetings/{id:int}/scan"] = new(Need.EditBooth, async c => new HttpRequestMessage(HttpMethod.Get, $"/meetings/{await MatrixMeetings.AtBoothAsync(c)}/scan")),
        ["POST /meetings/{id:int}/scan?handler=Scan"] = new(Need.EditBooth, async c =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/meetings/{await MatrixMeetings.AtBoothAsync(c)}/scan?handler=Scan")
            {
                Content = JsonContent.Create(new { key = Guid.NewGuid().ToString("N"), code = await MatrixMeetings.CardCodeAsync(c) }),
            };
            request.Headers.Add("RequestVerificationToken", await c.World.FormTokenAsync(c.Client));
            return request;
        }),
        ["POST /api/v1/meetings/{id:int}/attendance"] = new(Need.EditBooth, async c => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/attendance")
        {
            Content = JsonContent.Create(new { kind = "person", id = c.Target.PersonId, reason = "No card with him" }),
        }),
        ["POST /meetings/{id:int}?handler=Mark"] = new(Need.EditBooth, async c =>
        {
            var id = await MatrixMeetings.AtBoothAsync(c);
            return await Form(_ => $"/meetings/{id}?handler=Mark", _ => new() { ["pick"] = $"person:{c.Target.PersonId}", ["reason"] = "No phone" })(c);
        }),
        ["PUT /api/v1/meetings/{id:int}/minutes"] = new(Need.EditBooth, async c => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/minutes")
        {
            Content = JsonContent.Create(new { notes = "Matrix notes", decisions = "Matrix decisions" }),
        }),
        ["POST /meetings/{id:int}?handler=Minutes"] = new(Need.EditBooth, async c =>
        {
            var id = await MatrixMeetings.AtBoothAsync(c);
            return await Form(_ => $"/meetings/{id}?handler=Minutes", _ => new() { ["Notes"] = "Matrix notes" })(c);
        }),
        ["POST /api/v1/meetings/{id:int}/photos"] = new(Need.EditBooth, async c => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c, fresh: true)}/photos")
        {
            Content = MatrixMeetings.Photo(),
        }),
        ["POST /meetings/{id:int}?handler=Photo"] = new(Need.EditBooth, async c =>
        {
            var content = MatrixMeetings.Photo();
            content.Add(new StringContent(await c.World.FormTokenAsync(c.Client)), "__RequestVerificationToken");
            return new HttpRequestMessage(HttpMethod.Post, $"/meetings/{await MatrixMeetings.AtBoothAsync(c, fresh: true)}?handler=Photo") { Content = content };
        }),
        ["GET /api/v1/meetings/{id:int}/check-in"] = new(Need.EditBooth, async c => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/check-in")),
        ["POST /api/v1/meetings/{id:int}/answer"] = new(Need.SignedIn, async c => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{await MatrixMeetings.AtBoothAsync(c)}/answer")
        {
            Content = JsonContent.Create(new { answer = "Coming" }),
        }, AnyAnswer: true),
        ["POST /meetings/{id:int}?handler=Answer"] = new(Need.SignedIn, async c =>
        {
            var id = await MatrixMeetings.AtBoothAsync(c);
            return await Form(_ => $"/meetings/{id}?handler=Answer", _ => new() { ["choice"] = "Coming" })(c);
        }, AnyAnswer: true),
        ["GET /api/v1/people/{id:int}/meetings"] = new(Need.ReadBooth, Get(c => $"/api/v1/people/{c.Target.PersonId}/meetings")),
        ["GET /people/{id:int}/meetings"] = new(Need.ReadBooth, Get(c => $"/people/{c.Target.PersonId}/meetings")),
        ["GET /api/v1/members/{id:int}/meetings"] = new(Need.ReadBooth, async c => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/members/{await MatrixMembers.WaitingAsync(c)}/meetings")),
        ["GET /api/v1/meetings/answers/{token}"] = new(Need.Public, Get(_ => "/api/v1/meetings/answers/AAAAAAAAAAAAAAAAAAAAAAAA"), AnyAnswer: true),
        ["POST /api/v1/meetings/answers/{token}"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/meetings/answers/AAAAAAAAAAAAAAAAAAAAAAAA", _ => new { answer = "Coming" }), AnyAnswer: true),
        ["POST /api/v1/meetings/check-in/{token}/code"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/meetings/check-in/AAAAAAAAAAAAAAAAAAAAAA/code", _ => new { mobile = Tree.RandomMobile() }), AnyAnswer: true),
        ["POST /api/v1/meetings/check-in/{token}"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/meetings/check-in/AAAAAAAAAAAAAAAAAAAAAA", _ => new { mobile = Tree.RandomMobile(), code = "000000" }), AnyAnswer: true),
        ["GET /k/{token}"] = new(Need.Public, Get(_ => "/k/AAAAAAAAAAAAAAAAAAAAAA"), AnyAnswer: true),
        ["POST /k/{token}?handler=Send"] = new(Need.Public, Form(_ => "/k/AAAAAAAAAAAAAAAAAAAAAA?handler=Send", _ => new() { ["Mobile"] = Tree.RandomMobile() }), AnyAnswer: true),
        ["POST /k/{token}?handler=Confirm"] = new(Need.Public, Form(_ => "/k/AAAAAAAAAAAAAAAAAAAAAA?handler=Confirm", _ => new() { ["Mobile"] = Tree.RandomMobile(), ["Code"] = "000000" }), AnyAnswer: true),
        ["GET /r/{token}"] = new(Need.Public, Get(_ => "/r/AAAAAAAAAAAAAAAAAAAAAAAA"), AnyAnswer: true),
        ["POST /r/{token}"] = new(Need.Public, Form(_ => "/r/AAAAAAAAAAAAAAAAAAAAAAAA", _ => new() { ["choice"] = "Coming" }), AnyAnswer: true),

        // The war room's own.
        ["GET /api/v1/constituencies/"] = new(Need.WarRoom, Get(_ => "/api/v1/constituencies/")),
        ["POST /api/v1/constituencies/{id:int}/representatives"] = new(Need.WarRoom, Json(HttpMethod.Post,
            c => $"/api/v1/constituencies/{c.World.ConstituencyId}/representatives", c => new { personId = c.Target.PersonId }), MayFailValidation: true),
        ["GET /constituencies"] = new(Need.WarRoom, Get(_ => "/constituencies")),
        ["POST /constituencies"] = new(Need.WarRoom, Form(_ => "/constituencies", c => new()
        {
            ["constituencyId"] = c.World.ConstituencyId.ToString(), ["mobile"] = c.Target.Person.Mobile,
        }), MayFailValidation: true),
        // Issue 22. Calls the rules allow are sent as forms a business rule turns down (an empty name, a post in use), so the
        // world stays as it is; an account a call changes is a throwaway one made for it.
        ["POST /api/v1/constituencies/load"] = new(Need.WarRoom, _ =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent("ac_no,ac_name\n"u8.ToArray()), "file", "empty.csv" } };
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/v1/constituencies/load") { Content = form });
        }, MayFailValidation: true),
        ["GET /constituencies/load"] = new(Need.WarRoom, Get(_ => "/constituencies/load")),
        ["POST /constituencies/load"] = new(Need.WarRoom, Form(_ => "/constituencies/load", _ => []), MayFailValidation: true),
        ["POST /api/v1/levels"] = new(Need.StateAdmin, Json(HttpMethod.Post, _ => "/api/v1/levels", _ => new { key = "" }), MayFailValidation: true),
        ["PUT /api/v1/levels/{id:int}"] = new(Need.StateAdmin, Json(HttpMethod.Put, _ => "/api/v1/levels/1", _ => new { nameEn = "" }), MayFailValidation: true),
        ["POST /api/v1/levels/{id:int}/posts"] = new(Need.StateAdmin, Json(HttpMethod.Post, _ => "/api/v1/levels/1/posts", _ => new { key = "" }), MayFailValidation: true),
        ["GET /api/v1/levels/history"] = new(Need.StateAdmin, Get(_ => "/api/v1/levels/history")),
        ["PUT /api/v1/posts/{id:int}"] = new(Need.StateAdmin, Json(HttpMethod.Put, c => $"/api/v1/posts/{c.World.BoothCommitteePost}", _ => new { nameEn = "" }), MayFailValidation: true),
        ["POST /api/v1/posts/{id:int}/retire"] = new(Need.StateAdmin, Json(HttpMethod.Post, c => $"/api/v1/posts/{c.World.BoothCommitteePost}/retire", _ => new { reason = "" }), MayFailValidation: true),
        ["POST /api/v1/posts/{id:int}/restore"] = new(Need.StateAdmin, Json(HttpMethod.Post, c => $"/api/v1/posts/{c.World.BoothCommitteePost}/restore", _ => new { }), MayFailValidation: true),
        ["GET /organization/levels"] = new(Need.StateAdmin, Get(_ => "/organization/levels")),
        ["POST /organization/levels?handler=AddPost"] = new(Need.StateAdmin, Form(_ => "/organization/levels?handler=AddPost", _ => new() { ["levelId"] = "1" }), MayFailValidation: true),
        ["POST /organization/levels?handler=ChangePost"] = new(Need.StateAdmin, Form(_ => "/organization/levels?handler=ChangePost", c => new() { ["postId"] = c.World.BoothCommitteePost.ToString() }), MayFailValidation: true),
        ["POST /organization/levels?handler=Retire"] = new(Need.StateAdmin, Form(_ => "/organization/levels?handler=Retire", c => new() { ["postId"] = c.World.BoothCommitteePost.ToString() }), MayFailValidation: true),
        ["POST /organization/levels?handler=Restore"] = new(Need.StateAdmin, Form(_ => "/organization/levels?handler=Restore", c => new() { ["postId"] = c.World.BoothCommitteePost.ToString() }), MayFailValidation: true),
        ["POST /organization/levels?handler=RenameLevel"] = new(Need.StateAdmin, Form(_ => "/organization/levels?handler=RenameLevel", _ => new() { ["levelId"] = "1" }), MayFailValidation: true),
        ["POST /organization/levels?handler=AddLevel"] = new(Need.StateAdmin, Form(_ => "/organization/levels?handler=AddLevel", _ => []), MayFailValidation: true),
        ["GET /api/v1/staff/"] = new(Need.StateAdmin, Get(_ => "/api/v1/staff/")),
        ["POST /api/v1/staff/"] = new(Need.StateAdmin, Json(HttpMethod.Post, _ => "/api/v1/staff/", _ => new { username = "x" }), MayFailValidation: true),
        ["POST /api/v1/staff/{id:int}/disable"] = new(Need.StateAdmin, async c => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff/{await ThrowawayStaffAsync(c)}/disable")),
        ["POST /api/v1/staff/{id:int}/enable"] = new(Need.StateAdmin, async c => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/staff/{await ThrowawayStaffAsync(c)}/enable"), MayFailValidation: true),
        ["PUT /api/v1/staff/{id:int}/roles"] = new(Need.StateAdmin, async c =>
        {
            var id = await ThrowawayStaffAsync(c);
            return await Json(HttpMethod.Put, _ => $"/api/v1/staff/{id}/roles", _ => new { roles = new[] { "auditor" } })(c);
        }),
        ["POST /api/v1/staff/{id:int}/authenticator"] = new(Need.StateAdmin, async c =>
        {
            var id = await ThrowawayStaffAsync(c);
            return await Json(HttpMethod.Post, _ => $"/api/v1/staff/{id}/authenticator", _ => new { })(c);
        }),
        ["GET /staff"] = new(Need.StateAdmin, Get(_ => "/staff")),
        ["POST /staff?handler=Add"] = new(Need.StateAdmin, Form(_ => "/staff?handler=Add", _ => new() { ["Input.Username"] = "x" }), MayFailValidation: true),
        ["POST /staff?handler=Disable"] = new(Need.StateAdmin, StaffForm("Disable", [])),
        ["POST /staff?handler=Enable"] = new(Need.StateAdmin, StaffForm("Enable", []), MayFailValidation: true),
        ["POST /staff?handler=Roles"] = new(Need.StateAdmin, StaffForm("Roles", new() { ["roles"] = "auditor" })),
        ["POST /staff?handler=Reset"] = new(Need.StateAdmin, StaffForm("Reset", [])),
        ["POST /api/v1/units/{id:int}/split"] = new(Need.WarRoom, Json(HttpMethod.Post, c => $"/api/v1/units/{c.Target.Booth}/split", _ => new { reason = "" }), MayFailValidation: true),
        ["POST /api/v1/units/{id:int}/merge"] = new(Need.WarRoom, Json(HttpMethod.Post, c => $"/api/v1/units/{c.Target.Booth}/merge", _ => new { reason = "" }), MayFailValidation: true),
        ["POST /api/v1/units/{id:int}/move"] = new(Need.WarRoom, Json(HttpMethod.Post, c => $"/api/v1/units/{c.Target.Booth}/move", _ => new { reason = "" }), MayFailValidation: true),
        ["POST /api/v1/recuts/renumber"] = new(Need.WarRoom, Json(HttpMethod.Post, _ => "/api/v1/recuts/renumber", _ => new { reason = "" }), MayFailValidation: true),
        ["GET /api/v1/recuts"] = new(Need.WarRoom, Get(_ => "/api/v1/recuts")),
        ["POST /api/v1/recuts/{id:int}/revert"] = new(Need.WarRoom, Json(HttpMethod.Post, _ => "/api/v1/recuts/987654/revert", _ => new { reason = "" }), MayFailValidation: true),
        ["GET /recuts"] = new(Need.WarRoom, Get(_ => "/recuts")),
        ["POST /recuts?handler=Revert"] = new(Need.WarRoom, Form(_ => "/recuts?handler=Revert", _ => new() { ["recutId"] = "987654" }), MayFailValidation: true),
        ["GET /units/{id:int}/recut"] = new(Need.WarRoom, Get(c => $"/units/{c.Target.Booth}/recut")),
        ["POST /units/{id:int}/recut?handler=Split"] = new(Need.WarRoom, Form(c => $"/units/{c.Target.Booth}/recut?handler=Split", _ => []), MayFailValidation: true),
        ["POST /units/{id:int}/recut?handler=Merge"] = new(Need.WarRoom, Form(c => $"/units/{c.Target.Booth}/recut?handler=Merge", _ => []), MayFailValidation: true),
        ["POST /units/{id:int}/recut?handler=Renumber"] = new(Need.WarRoom, Form(c => $"/units/{c.Target.Booth}/recut?handler=Renumber", _ => []), MayFailValidation: true),
        ["POST /units/{id:int}/recut?handler=Move"] = new(Need.WarRoom, Form(c => $"/units/{c.Target.Booth}/recut?handler=Move", _ => []), MayFailValidation: true),
        ["GET /api/v1/units/{id:int}/on/{date}"] = new(Need.ReadBooth, Get(c => $"/api/v1/units/{c.Target.Booth}/on/2024-01-01")),
        ["GET /units/{id:int}/on"] = new(Need.ReadBooth, Get(c => $"/units/{c.Target.Booth}/on?date=2024-01-01")),
        ["POST /api/v1/appointments/{id:int}/undo-end"] = new(Need.EditBooth, async c =>
        {
            var appointment = await c.World.FreshAppointmentAsync(c.Side);
            return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/appointments/{appointment}/undo-end");
        }, MayFailValidation: true),
        ["POST /people/{id:int}?handler=Undo"] = new(Need.EditBooth, async c =>
        {
            var appointment = await c.World.FreshAppointmentAsync(c.Side);
            return await Form(c => $"/people/{c.Target.PersonId}?handler=Undo", _ => new() { ["appointmentId"] = appointment.ToString() })(c);
        }, MayFailValidation: true),
        ["GET /api/v1/audit/"] = new(Need.Audit, Get(_ => "/api/v1/audit/")),
        ["GET /api/v1/audit/verify"] = new(Need.Audit, Get(_ => "/api/v1/audit/verify")),
        ["GET /audit"] = new(Need.Audit, Get(_ => "/audit")),

        // Membership: grants. The inside district's president holds a grant over his district (see MatrixGrants); the
        // right to grant comes from a grant, so his secretary and the booth president, who hold none, may not.
        ["GET /api/v1/grants/mine"] = new(Need.SignedIn, Get(_ => "/api/v1/grants/mine")),
        ["GET /api/v1/grants"] = new(Need.ReadBooth, async c =>
        {
            await MatrixGrants.AtBoothAsync(c, fresh: false);
            return await Get(c => $"/api/v1/grants?unitId={c.Target.Booth}")(c);
        }, Lists: true),
        ["GET /membership/grants"] = new(Need.ReadBooth, Get(c => $"/membership/grants?unitId={c.Target.Booth}")),
        ["POST /api/v1/grants"] = new(Need.Grant, async c =>
        {
            await MatrixGrants.ClearBoothAsync(c);
            return await Json(HttpMethod.Post, _ => "/api/v1/grants", c => new { personId = c.Target.PersonId, unitId = c.Target.Booth })(c);
        }),
        ["POST /membership/grants?handler=Grant"] = new(Need.Grant, async c =>
        {
            await MatrixGrants.ClearBoothAsync(c);
            return await Form(c => $"/membership/grants?handler=Grant&unitId={c.Target.Booth}", c => new()
            {
                ["Input.UnitId"] = c.Target.Booth.ToString(), ["Input.PersonId"] = c.Target.PersonId.ToString(),
            })(c);
        }),
        ["POST /api/v1/grants/{id:int}/revoke"] = new(Need.Grant, async c =>
        {
            var grant = await MatrixGrants.AtBoothAsync(c, fresh: true);
            return await Json(HttpMethod.Post, _ => $"/api/v1/grants/{grant}/revoke", _ => new { reason = "Access matrix check" })(c);
        }),
        ["POST /membership/grants?handler=Revoke"] = new(Need.Grant, async c =>
        {
            var grant = await MatrixGrants.AtBoothAsync(c, fresh: true);
            return await Form(c => $"/membership/grants?handler=Revoke&unitId={c.Target.Booth}", _ => new()
            {
                ["Revoke.GrantId"] = grant.ToString(), ["Revoke.Reason"] = "Access matrix check",
            })(c);
        }),

        // Broadcasts: those who edit a unit message its subtree (and follow, approve and cancel what is sent there).
        ["GET /api/v1/broadcasts/"] = new(Need.Broadcast, async c =>
        {
            await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Done);
            return await Get(_ => "/api/v1/broadcasts/")(c);
        }, Lists: true),
        ["GET /broadcasts"] = new(Need.Broadcast, async c =>
        {
            await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Done);
            return await Get(_ => "/broadcasts")(c);
        }, Lists: true),
        ["POST /api/v1/broadcasts/audience"] = new(Need.Broadcast, Json(HttpMethod.Post, _ => "/api/v1/broadcasts/audience",
            c => new { unitId = c.Target.Booth, officeBearers = true, sms = true })),
        ["POST /api/v1/broadcasts/preview"] = new(Need.Broadcast, Json(HttpMethod.Post, _ => "/api/v1/broadcasts/preview", c => MatrixBroadcasts.Body(c.Target.Booth))),
        ["POST /api/v1/broadcasts/"] = new(Need.Broadcast, Json(HttpMethod.Post, _ => "/api/v1/broadcasts/", c => MatrixBroadcasts.Body(c.Target.Booth)), NamesInBody: true),
        ["GET /broadcasts/new"] = new(Need.Broadcast, Get(c => $"/broadcasts/new?unit={c.Target.Booth}")),
        ["POST /broadcasts/new?handler=Preview"] = new(Need.Broadcast, Form(_ => "/broadcasts/new?handler=Preview", c => MatrixBroadcasts.Fields(c.Target.Booth))),
        ["POST /broadcasts/new"] = new(Need.Broadcast, Form(_ => "/broadcasts/new", c => MatrixBroadcasts.Fields(c.Target.Booth)), NamesInBody: true),
        ["GET /api/v1/broadcasts/{id:int}"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/broadcasts/{await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Done)}")),
        ["GET /api/v1/broadcasts/{id:int}/status"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/broadcasts/{await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Done)}/status")),
        ["GET /api/v1/broadcasts/{id:int}/failures"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/broadcasts/{await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Done)}/failures")),
        ["GET /broadcasts/{id:int}"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Get,
            $"/broadcasts/{await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Done)}")),
        ["GET /broadcasts/{id:int}?handler=Status"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Get,
            $"/broadcasts/{await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Done)}?handler=Status")),
        ["POST /api/v1/broadcasts/{id:int}/approve"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/broadcasts/{await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.AwaitingApproval, fresh: true)}/approve")),
        ["POST /api/v1/broadcasts/{id:int}/cancel"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/broadcasts/{await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Scheduled, fresh: true)}/cancel")),
        ["POST /broadcasts/{id:int}?handler=Approve"] = new(Need.Broadcast, async c =>
        {
            var id = await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.AwaitingApproval, fresh: true);
            return await Form(_ => $"/broadcasts/{id}?handler=Approve", _ => [])(c);
        }),
        ["POST /broadcasts/{id:int}?handler=Cancel"] = new(Need.Broadcast, async c =>
        {
            var id = await MatrixBroadcasts.AtBoothAsync(c, BroadcastStatus.Scheduled, fresh: true);
            return await Form(_ => $"/broadcasts/{id}?handler=Cancel", _ => [])(c);
        }),
        ["GET /api/v1/broadcasts/templates"] = new(Need.Broadcast, Get(c => $"/api/v1/broadcasts/templates?unitId={c.Target.Booth}")),
        ["GET /api/v1/broadcasts/templates/{id:int}"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/broadcasts/templates/{await MatrixBroadcasts.TemplateAtBoothAsync(c)}")),
        ["POST /api/v1/broadcasts/templates"] = new(Need.Broadcast, Json(HttpMethod.Post, _ => "/api/v1/broadcasts/templates",
            c => new { unitId = c.Target.Booth, name = "Matrix template", textHi = "नमस्ते {name}", textEn = "Hello {name}" }), NamesInBody: true),
        ["DELETE /api/v1/broadcasts/templates/{id:int}"] = new(Need.Broadcast, async c => new HttpRequestMessage(HttpMethod.Delete,
            $"/api/v1/broadcasts/templates/{await MatrixBroadcasts.TemplateAtBoothAsync(c, fresh: true)}")),
        ["POST /broadcasts/new?handler=SaveTemplate"] = new(Need.Broadcast, Form(_ => "/broadcasts/new?handler=SaveTemplate",
            c => new(MatrixBroadcasts.Fields(c.Target.Booth)) { ["Input.TemplateName"] = "Matrix template" }), NamesInBody: true),
        ["PUT /api/v1/people/{id:int}/preferences"] = new(Need.EditBooth, Json(HttpMethod.Put, c => $"/api/v1/people/{c.Target.PersonId}/preferences",
            _ => new { language = "hi", optedOut = false })),
        ["PUT /api/v1/members/{id:int}/preferences"] = new(Need.EditBooth, async c =>
        {
            var id = await MatrixMembers.WaitingAsync(c);
            return await Json(HttpMethod.Put, _ => $"/api/v1/members/{id}/preferences", _ => new { language = "hi", optedOut = false })(c);
        }),
        // The gateways' callbacks: open to all, answered by what they carry (a secret in the address, a signature).
        ["GET /api/v1/sms/dlr/{secret}"] = new(Need.Public, Get(_ => "/api/v1/sms/dlr/not-the-secret-0000?ref=1&status=1"), AnyAnswer: true),
        ["GET /api/v1/sms/mo/{secret}"] = new(Need.Public, Get(_ => "/api/v1/sms/mo/not-the-secret-0000?from=%2B919800000000&text=STOP"), AnyAnswer: true),
        // Opting out: open to all, by a link whose MAC is the proof (a forged one is not found).
        ["GET /opt-out"] = new(Need.Public, Get(_ => "/opt-out")),
        ["GET /opt-out/{token}"] = new(Need.Public, Get(_ => "/opt-out/1-forgedforgedforgedforged"), AnyAnswer: true),
        ["POST /opt-out/{token}"] = new(Need.Public, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/opt-out/1-forgedforgedforgedforged")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }),
        }), AnyAnswer: true),
        ["GET /api/v1/whatsapp/webhook"] = new(Need.Public, Get(_ => "/api/v1/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=y"), AnyAnswer: true),
        ["POST /api/v1/whatsapp/webhook"] = new(Need.Public, Json(HttpMethod.Post, _ => "/api/v1/whatsapp/webhook", _ => new { @object = "whatsapp_business_account" }), AnyAnswer: true),
    };

    /// <summary>The staff page's form about a throwaway account.</summary>
    static Func<Call, Task<HttpRequestMessage>> StaffForm(string handler, Dictionary<string, string> fields) => async c =>
    {
        var id = await ThrowawayStaffAsync(c);
        return await Form(_ => $"/staff?handler={handler}", _ => new(fields) { ["staffId"] = id.ToString() })(c);
    };

    /// <summary>A war-room account made for one call that changes it (disabled, given roles), so no caller's own is touched.</summary>
    static async Task<int> ThrowawayStaffAsync(Call c)
    {
        using var scope = c.World.App.Services.CreateScope();
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<Sangathan.Access.AddStaff>()
            .RunAsync(new Sangathan.Access.NewStaff($"x{Guid.NewGuid():N}"[..16], "Throwaway", "throwaway-password", ["data-entry"]));
        return outcome.Id;
    }

    /// <summary>A whole, valid enrollment of a new voter in the given booth, photo included.</summary>
    static object MemberBody(int boothId) => new
    {
        voterId = "MTX" + Random.Shared.Next(1_000_000, 9_999_999), nameEn = "Matrix Member", nameHi = "मैट्रिक्स सदस्य",
        mobile = Tree.RandomMobile(), category = "general", age = 30, boothId, consent = true,
        requestKey = Guid.NewGuid().ToString("N"), photoBase64 = Convert.ToBase64String(Membership.TestPhotos.Jpeg()), cashPaid = true,
    };

    /// <summary>A form as a gateway's page posts it: from another site, so with no antiforgery token.</summary>
    static Func<Call, Task<HttpRequestMessage>> StandInForm(string path) =>
        _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key_id"] = "x" }) });

    static Func<Call, Task<HttpRequestMessage>> Get(Func<Call, string> path) =>
        c => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path(c)));

    static Func<Call, Task<HttpRequestMessage>> Json(HttpMethod method, Func<Call, string> path, Func<Call, object> body) =>
        c => Task.FromResult(new HttpRequestMessage(method, path(c)) { Content = JsonContent.Create(body(c)) });

    /// <summary>A form posted as a browser posts it, with the antiforgery token a page gave this client.</summary>
    static Func<Call, Task<HttpRequestMessage>> Form(Func<Call, string> path, Func<Call, Dictionary<string, string>> fields) =>
        async c =>
        {
            var values = fields(c);
            values["__RequestVerificationToken"] = await c.World.FormTokenAsync(c.Client);
            return new HttpRequestMessage(HttpMethod.Post, path(c)) { Content = new FormUrlEncodedContent(values) };
        };
}
