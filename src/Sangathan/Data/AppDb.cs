using Microsoft.EntityFrameworkCore;
using Sangathan.Geography;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Data;

/// <summary>
/// The one database context. Each provider has a subclass only so that each keeps its own migration set
/// (SQLite and PostgreSQL differ in types and in what ALTER TABLE can do).
/// </summary>
public abstract class AppDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Level> Levels => Set<Level>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<UnitHistory> UnitHistory => Set<UnitHistory>();
    public DbSet<Recut> Recuts => Set<Recut>();
    public DbSet<RecutStep> RecutSteps => Set<RecutStep>();
    public DbSet<MemberMove> MemberMoves => Set<MemberMove>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<Constituency> Constituencies => Set<Constituency>();
    public DbSet<ConstituencyUnit> ConstituencyUnits => Set<ConstituencyUnit>();
    public DbSet<Representative> Representatives => Set<Representative>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Audit.AuditHead> AuditHeads => Set<Audit.AuditHead>();
    public DbSet<Import.ImportJob> ImportJobs => Set<Import.ImportJob>();
    public DbSet<Import.ImportFile> ImportFiles => Set<Import.ImportFile>();
    public DbSet<Import.ImportRowResult> ImportRows => Set<Import.ImportRowResult>();
    public DbSet<Import.ImportMapping> ImportMappings => Set<Import.ImportMapping>();
    public DbSet<Import.ImportProposal> ImportProposals => Set<Import.ImportProposal>();
    public DbSet<Membership.Member> Members => Set<Membership.Member>();
    public DbSet<Membership.ConsentNotice> ConsentNotices => Set<Membership.ConsentNotice>();
    public DbSet<Membership.Grant> Grants => Set<Membership.Grant>();
    public DbSet<Membership.Worker> Workers => Set<Membership.Worker>();
    public DbSet<Membership.MemberConfirmation> MemberConfirmations => Set<Membership.MemberConfirmation>();
    public DbSet<Membership.PaymentOrder> PaymentOrders => Set<Membership.PaymentOrder>();
    public DbSet<Membership.PaymentEvent> PaymentEvents => Set<Membership.PaymentEvent>();
    public DbSet<Membership.CashDeposit> CashDeposits => Set<Membership.CashDeposit>();
    public DbSet<Membership.MemberCountChange> MemberCountChanges => Set<Membership.MemberCountChange>();
    public DbSet<Membership.MemberTally> MemberTallies => Set<Membership.MemberTally>();
    public DbSet<Membership.MemberDayTally> MemberDayTallies => Set<Membership.MemberDayTally>();
    public DbSet<Membership.MemberFlag> MemberFlags => Set<Membership.MemberFlag>();
    public DbSet<Membership.MemberTotal> MemberTotals => Set<Membership.MemberTotal>();
    public DbSet<Membership.EnrollerTally> EnrollerTallies => Set<Membership.EnrollerTally>();
    public DbSet<Dashboards.Goal> Goals => Set<Dashboards.Goal>();
    public DbSet<Dashboards.ExpectedUnits> ExpectedUnits => Set<Dashboards.ExpectedUnits>();
    public DbSet<Dashboards.DailySnapshot> DailySnapshots => Set<Dashboards.DailySnapshot>();
    public DbSet<Broadcasts.Broadcast> Broadcasts => Set<Broadcasts.Broadcast>();
    public DbSet<Broadcasts.BroadcastMessage> BroadcastMessages => Set<Broadcasts.BroadcastMessage>();
    public DbSet<Broadcasts.WhatsAppUse> WhatsAppUse => Set<Broadcasts.WhatsAppUse>();
    public DbSet<Broadcasts.MessageTemplate> MessageTemplates => Set<Broadcasts.MessageTemplate>();
    public DbSet<Broadcasts.ChannelOptOut> ChannelOptOuts => Set<Broadcasts.ChannelOptOut>();
    public DbSet<Cards.MemberNumber> MemberNumbers => Set<Cards.MemberNumber>();
    public DbSet<Cards.Card> Cards => Set<Cards.Card>();
    public DbSet<Cards.CardKey> CardKeys => Set<Cards.CardKey>();
    public DbSet<Cards.CardLink> CardLinks => Set<Cards.CardLink>();
    public DbSet<Meetings.Meeting> Meetings => Set<Meetings.Meeting>();
    public DbSet<Meetings.MeetingInvitee> MeetingInvitees => Set<Meetings.MeetingInvitee>();
    public DbSet<Meetings.MeetingScan> MeetingScans => Set<Meetings.MeetingScan>();
    public DbSet<Meetings.MeetingPhoto> MeetingPhotos => Set<Meetings.MeetingPhoto>();
    public DbSet<Search.PersonWord> PersonWords => Set<Search.PersonWord>();
    public DbSet<Search.MemberWord> MemberWords => Set<Search.MemberWord>();
    public DbSet<LeaseRow> Leases => Set<LeaseRow>();
    public DbSet<Platform.SharedSecret> Secrets => Set<Platform.SharedSecret>();
    public DbSet<Platform.DataProtectionKey> DataProtectionKeys => Set<Platform.DataProtectionKey>();

    /// <summary>Set by bulk loads (demo data), which record one summary entry instead of one per row.</summary>
    public bool SuppressAudit { get; set; }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
    }
}

public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options) : AppDb(options);

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options) : AppDb(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // Search compares these columns as ranges (prefix search); "C" makes that byte order, as in SQLite,
        // whatever locale the server was created with, so an index range finds every match.
        foreach (var (entity, column) in SearchColumns)
            model.Entity(entity).Property(column).UseCollation("C");
    }

    static readonly (Type, string)[] SearchColumns =
    [
        (typeof(Unit), nameof(Unit.NameKey)), (typeof(Unit), nameof(Unit.NameHi)), (typeof(Unit), nameof(Unit.Code)),
        (typeof(Unit), nameof(Unit.Path)),
        (typeof(Person), nameof(Person.NameKey)), (typeof(Person), nameof(Person.NameHi)),
        (typeof(Search.PersonWord), nameof(Search.PersonWord.Word)), (typeof(Search.MemberWord), nameof(Search.MemberWord.Word)),
    ];
}
