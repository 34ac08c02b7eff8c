using System.Data.Common;
using System.Globalization;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Organization;

namespace Sangathan.Broadcasts;

/// <summary>
/// The audience as one SQL query, the same text on SQLite and PostgreSQL: counted for the live count, listed for the
/// people no channel reaches, and inserted whole into the outbox by one INSERT ... SELECT. Each recipient row says
/// which channel they get first (their preferred one if the broadcast uses it, else SMS, else e-mail) and its address.
/// </summary>
internal static class AudienceSql
{
    /// <summary>
    /// SELECT kind, rid, channel, address, lang, name, unit_name, post_name, opted, stopped: one row per recipient, channel
    /// null when none of the broadcast's channels reaches them, stopped the bits of the channels they opted out of. Parameters: @path, @pathEnd, @now, @enrollerEn/Hi,
    /// @memberEn/Hi, @category, @language, @post0...
    /// </summary>
    public static string Recipients(AudienceSpec a)
    {
        var inv = CultureInfo.InvariantCulture;
        var people = new List<string>();
        if (a.MeetingId is not null) people.Add(InvitedPeople(a));
        else if (a.OfficeBearers)
        {
            var levels = a.LevelIds.Count == 0 ? "" : $" AND s.\"LevelId\" IN ({string.Join(",", a.LevelIds.Select(i => i.ToString(inv)))})";
            var posts = a.PostKeys.Count == 0 ? "" : $" AND po.\"Key\" IN ({string.Join(",", a.PostKeys.Select((_, i) => $"@post{i}"))})";
            people.Add($"""
                SELECT a."PersonId" AS pid, 0 AS prio, s."Depth" AS depth, po."Rank" AS rnk, s."NameEn" AS unit_en, s."NameHi" AS unit_hi,
                    po."NameEn" AS post_en, po."NameHi" AS post_hi
                FROM "Appointments" a JOIN sub s ON s."Id" = a."UnitId" JOIN "Posts" po ON po."Id" = a."PostId"
                WHERE a."Until" IS NULL{levels}{posts}
                """);
        }
        if (a.Enrollers && a.MeetingId is null)
            people.Add("""
                SELECT g."PersonId" AS pid, 1 AS prio, s."Depth" AS depth, 0 AS rnk, s."NameEn" AS unit_en, s."NameHi" AS unit_hi,
                    @enrollerEn AS post_en, @enrollerHi AS post_hi
                FROM "Grants" g JOIN sub s ON s."Id" = g."UnitId"
                WHERE g."RevokedAt" IS NULL AND (g."ExpiresAt" IS NULL OR g."ExpiresAt" > @now)
                """);
        var parts = new List<string>();
        if (people.Count > 0)
            parts.Add($"""
                SELECT 1 AS kind, pe."Id" AS rid, NULLIF(pe."Mobile", '') AS mobile, NULLIF(pe."Email", '') AS email,
                    CASE WHEN pe."WhatsApp" LIKE '+%' THEN pe."WhatsApp" ELSE NULLIF(pe."Mobile", '') END AS wa,
                    pe."PreferredChannel" AS pref, pe."Language" AS lang, pe."OptedOutAt" AS opted,
                    CASE WHEN pe."Language" = 'en' THEN pe."NameEn" ELSE pe."NameHi" END AS name,
                    CASE WHEN pe."Language" = 'en' THEN h.unit_en ELSE h.unit_hi END AS unit_name,
                    CASE WHEN pe."Language" = 'en' THEN h.post_en ELSE h.post_hi END AS post_name
                FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.pid ORDER BY x.prio, x.depth, x.rnk) AS rn
                      FROM ({string.Join("\nUNION ALL\n", people)}) x) h
                JOIN "People" pe ON pe."Id" = h.pid
                WHERE h.rn = 1
                """);
        if (a.MeetingId is not null) parts.Add(InvitedMembers(a));
        else if (a.Members)
            parts.Add($"""
                SELECT 2 AS kind, m."Id" AS rid, m."Mobile" AS mobile, NULL AS email, m."Mobile" AS wa, m."PreferredChannel" AS pref,
                    m."Language" AS lang, m."OptedOutAt" AS opted,
                    CASE WHEN m."Language" = 'en' THEN m."NameEn" ELSE m."NameHi" END AS name,
                    CASE WHEN m."Language" = 'en' THEN s."NameEn" ELSE s."NameHi" END AS unit_name,
                    CASE WHEN m."Language" = 'en' THEN @memberEn ELSE @memberHi END AS post_name
                FROM "Members" m JOIN sub s ON s."Id" = m."BoothId"
                WHERE m."Status" = 4{(a.Category is null ? "" : " AND m.\"Category\" = @category")}
                """);
        if (parts.Count == 0)
            parts.Add("SELECT 1 AS kind, 0 AS rid, NULL AS mobile, NULL AS email, NULL AS wa, NULL AS pref, 'hi' AS lang, NULL AS opted, '' AS name, " +
                "NULL AS unit_name, NULL AS post_name WHERE 1 = 0");

        // A channel whose address opted out of it (a STOP reply, an e-mail's link) is passed over for the next one.
        // Opt-outs are joined (at most one row per channel and address), so that the database may hash them once
        // rather than probe for each of a million recipients and each channel.
        var optOuts = new List<string>();
        string Open(Channel c, string address)
        {
            var alias = $"o{(int)c}";
            if (!optOuts.Any(j => j.Contains($" {alias} ")))
                optOuts.Add($"LEFT JOIN \"ChannelOptOuts\" {alias} ON {alias}.\"Channel\" = {(int)c} AND {alias}.\"Address\" = {address}");
            return $"{address} IS NOT NULL AND {alias}.\"Id\" IS NULL";
        }
        var first = new List<string>();
        if (a.Channels.Contains(Channel.WhatsApp)) first.Add($"WHEN r.pref = 3 AND {Open(Channel.WhatsApp, "r.wa")} THEN 3");
        if (a.Channels.Contains(Channel.Email)) first.Add($"WHEN r.pref = 2 AND {Open(Channel.Email, "LOWER(r.email)")} THEN 2");
        if (a.Channels.Contains(Channel.Sms)) first.Add($"WHEN {Open(Channel.Sms, "r.mobile")} THEN 1");
        if (a.Channels.Contains(Channel.Email)) first.Add($"WHEN {Open(Channel.Email, "LOWER(r.email)")} THEN 2");
        // No channel at all (a meeting's invitees chosen, not messaged): typed, or PostgreSQL reads "CASE NULL WHEN 1" as text.
        var channel = first.Count == 0 ? "CAST(NULL AS integer)" : $"CASE {string.Join(" ", first)} END";
        // Which of the broadcast's channels would have reached them but for their opt-out: one bit a channel (1 SMS, 2
        // e-mail, 4 WhatsApp), from the joins above, so that the count tells "opted out" from "no address" in one pass.
        var stopped = string.Join(" + ", a.Channels.Order().Select(c =>
            $"CASE WHEN {(c == Channel.WhatsApp ? "r.pref = 3 AND r.wa" : c == Channel.Email ? "r.email" : "r.mobile")} IS NOT NULL AND o{(int)c}.\"Id\" IS NOT NULL THEN {Bit(c)} ELSE 0 END")
            .DefaultIfEmpty("0"));
        return $"""
            WITH sub AS (SELECT "Id", "NameEn", "NameHi", "LevelId", "Depth" FROM "Units" WHERE {Subtree.Sql("\"Path\"")}),
            r AS ({string.Join("\nUNION ALL\n", parts)}),
            c AS (SELECT r.*, {channel} AS channel, {stopped} AS stopped FROM r {string.Join(" ", optOuts)}{(a.Language is null ? "" : " WHERE r.lang = @language")})
            SELECT c.kind, c.rid, c.channel, CASE c.channel WHEN 1 THEN c.mobile WHEN 2 THEN c.email WHEN 3 THEN c.wa END AS address,
                c.lang, c.name, c.unit_name, c.post_name, c.opted, c.stopped
            FROM c
            """;
    }

    /// <summary>A channel's bit in "stopped".</summary>
    public static int Bit(Channel c) => 1 << ((int)c - 1);

    // A meeting's invitees: people with the meeting's unit as their {unit}, members with their booth, as above.
    static string Invited(AudienceSpec a, int kind) =>
        $"i.\"MeetingId\" = @meeting AND i.\"Kind\" = {kind} AND i.\"Invited\"{(a.ExceptDeclined ? " AND (i.\"Answer\" IS NULL OR i.\"Answer\" <> 2)" : "")}";

    static string InvitedPeople(AudienceSpec a) => $"""
        SELECT i."RecipientId" AS pid, 0 AS prio, 0 AS depth, 0 AS rnk, mu."NameEn" AS unit_en, mu."NameHi" AS unit_hi, NULL AS post_en, NULL AS post_hi
        FROM "MeetingInvitees" i JOIN "Meetings" mt ON mt."Id" = i."MeetingId" JOIN "Units" mu ON mu."Id" = mt."UnitId"
        WHERE {Invited(a, 1)}
        """;

    static string InvitedMembers(AudienceSpec a) => $"""
        SELECT 2 AS kind, m."Id" AS rid, m."Mobile" AS mobile, NULL AS email, m."Mobile" AS wa, m."PreferredChannel" AS pref,
            m."Language" AS lang, m."OptedOutAt" AS opted,
            CASE WHEN m."Language" = 'en' THEN m."NameEn" ELSE m."NameHi" END AS name,
            CASE WHEN m."Language" = 'en' THEN s."NameEn" ELSE s."NameHi" END AS unit_name,
            CASE WHEN m."Language" = 'en' THEN @memberEn ELSE @memberHi END AS post_name
        FROM "MeetingInvitees" i JOIN "Members" m ON m."Id" = i."RecipientId" JOIN "Units" s ON s."Id" = m."BoothId"
        WHERE {Invited(a, 2)} AND m."Status" = 4
        """;

    /// <summary>The parameters <see cref="Recipients"/> names, for a command on either provider.</summary>
    public static void Bind(DbCommand command, AudienceSpec a, DateTime now)
    {
        Subtree.Bind(command, a.UnitPath);
        Sql.Add(command, "now", now);
        Sql.Add(command, "enrollerEn", "Enroller");
        Sql.Add(command, "enrollerHi", "नामांकक");
        Sql.Add(command, "memberEn", "Member");
        Sql.Add(command, "memberHi", "सदस्य");
        Sql.Add(command, "category", a.Category ?? "");
        Sql.Add(command, "language", a.Language ?? "");
        for (var i = 0; i < a.PostKeys.Count; i++) Sql.Add(command, $"post{i}", a.PostKeys[i]);
        if (a.MeetingId is { } meeting) Sql.Add(command, "meeting", meeting);
    }
}
