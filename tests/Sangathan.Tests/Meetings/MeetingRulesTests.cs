using Sangathan.Meetings;

namespace Sangathan.Tests.Meetings;

/// <summary>The small rules: the check-in window, lateness, when an offline scan counts, months in the party's zone, rates.</summary>
public sealed class MeetingRulesTests
{
    static readonly MeetingOptions Options = new() { CheckInOpensMinutes = 30, CheckInClosesMinutes = 0, LateAfterMinutes = 15 };
    static readonly DateTime Start = new(2026, 3, 10, 5, 30, 0, DateTimeKind.Utc);
    static readonly DateTime End = Start.AddHours(2);

    [Theory]
    [InlineData(-31, CheckInWindow.TooEarly)]
    [InlineData(-30, CheckInWindow.Open)]
    [InlineData(0, CheckInWindow.Open)]
    [InlineData(120, CheckInWindow.Open)]
    [InlineData(121, CheckInWindow.Over)]
    public void TheQrChecksPeopleInFromHalfAnHourBeforeTheStartUntilTheEnd(int minutes, CheckInWindow expected) =>
        Assert.Equal(expected, MeetingRules.Window(Start, End, Start.AddMinutes(minutes), Options));

    [Theory]
    [InlineData(-10, false)]
    [InlineData(15, false)]
    [InlineData(16, true)]
    public void SomeoneArrivingMoreThanFifteenMinutesAfterTheStartIsLate(int minutes, bool late) =>
        Assert.Equal(late, MeetingRules.IsLate(Start, Start.AddMinutes(minutes), Options));

    [Fact]
    public void AnOfflineScanCountsAtThePhonesTimeWhenThatTimeIsInTheMeeting()
    {
        var received = End.AddMinutes(-1);
        Assert.Equal(Start.AddMinutes(5), MeetingRules.ScannedAt(Start.AddMinutes(5), received, Start, End, Options));
        // A phone claiming a time after the scan reached us, or outside the meeting, has a wrong clock: the arrival counts.
        Assert.Equal(received, MeetingRules.ScannedAt(received.AddHours(1), received, Start, End, Options));
        Assert.Equal(received, MeetingRules.ScannedAt(Start.AddDays(-1), received, Start, End, Options));
        // Neither in the meeting: not this meeting's attendance.
        Assert.Null(MeetingRules.ScannedAt(Start.AddDays(-1), End.AddDays(1), Start, End, Options));
    }

    [Fact]
    public void AMeetingsMonthIsTheMonthInIndianTime()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        // 31 March 20:00 UTC is 1 April 01:30 in India.
        Assert.Equal(202604, MeetingRules.MonthOf(new DateTime(2026, 3, 31, 20, 0, 0, DateTimeKind.Utc), zone));
        Assert.Equal(202603, MeetingRules.MonthOf(new DateTime(2026, 3, 31, 18, 0, 0, DateTimeKind.Utc), zone));
        Assert.Equal(202512, MeetingRules.AddMonths(202601, -1));
        Assert.Equal(202502, MeetingRules.AddMonths(202603, -13));
        Assert.Equal(202601, MeetingRules.AddMonths(202512, 1));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(5, 4, 100)]
    public void TheRateIsAWholePercentOfThoseInvited(int came, int invited, int? rate) => Assert.Equal(rate, MeetingRules.Rate(came, invited));

    [Fact]
    public void AnAnswerLinkOrCheckInQrAlteredOrOfAnotherKindNamesNothing()
    {
        var tokens = Tokens();
        var answer = tokens.Answer(42, Sangathan.Broadcasts.RecipientKind.Member, 7);
        Assert.Equal((42, Sangathan.Broadcasts.RecipientKind.Member, 7), tokens.ReadAnswer(answer));
        Assert.Null(tokens.ReadAnswer(answer[..^2] + (answer[^2] == 'A' ? "B" : "A") + answer[^1]));
        var qr = tokens.CheckIn(42);
        Assert.Equal(42, tokens.ReadCheckIn(qr));
        Assert.Null(tokens.ReadCheckIn(answer));
        Assert.Null(tokens.ReadAnswer(qr));
        Assert.True(answer.Length <= 24);
        var now = DateTime.UtcNow;
        var proof = tokens.Proof(42, "+919812345678", now.AddMinutes(10));
        Assert.True(tokens.ReadProof(proof, 42, "+919812345678", now));
        Assert.False(tokens.ReadProof(proof, 42, "+919812345679", now));
        Assert.False(tokens.ReadProof(proof, 42, "+919812345678", now.AddMinutes(11)));
    }

    static MeetingTokens Tokens() => new(
        Microsoft.Extensions.Options.Options.Create(new MeetingOptions { LinkSecret = "a test secret for meeting links" }),
        new Sangathan.Platform.SharedSecrets(null!, Microsoft.Extensions.Options.Options.Create(new Sangathan.Data.DatabaseOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Sangathan.Platform.SharedSecrets>.Instance));
}
