using System.Buffers.Binary;

namespace Sangathan.Cards;

/// <summary>
/// What a card's QR states and the party signs: who (number, names), where (the booth), for how long, and which key
/// signed it. No voter ID, no mobile. Laid out as fixed fields and short texts, the way Aadhaar's secure QR and the
/// EU's certificate keep theirs small (no field names, no JSON):
/// version 1 | key id 2 | number 5 | issue 1 | issued 2 | valid until 2 | booth id 4 | 4 texts (see <see cref="CompactText"/>).
/// Dates are days since 2020-01-01.
/// </summary>
public sealed record CardStatement(int KeyId, long Number, int Issue, DateOnly IssuedOn, DateOnly ValidUntil, int UnitId,
    string NameHi, string NameEn, string UnitHi, string UnitEn)
{
    public const byte Version = 1;
    /// <summary>How many letters of a name the QR carries; the printed card shows it whole.</summary>
    public const int MaxLetters = 40;
    const int Fixed = 17;
    static readonly DateOnly Epoch = new(2020, 1, 1);

    /// <summary>The statement for a card, its texts cut to what the QR carries.</summary>
    public static CardStatement Of(int keyId, long number, int issue, DateOnly issuedOn, DateOnly validUntil, int unitId,
        string nameHi, string nameEn, string unitHi, string unitEn) =>
        new(keyId, number, issue, issuedOn, validUntil, unitId, CompactText.Fit(nameHi, MaxLetters), CompactText.Fit(nameEn, MaxLetters),
            CompactText.Fit(unitHi, MaxLetters), CompactText.Fit(unitEn, MaxLetters));

    public byte[] ToBytes()
    {
        var bytes = new List<byte>(Fixed + 4 * 24);
        Span<byte> head = stackalloc byte[Fixed];
        head[0] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(head[1..], checked((ushort)KeyId));
        var n = (ulong)Number;
        for (var i = 0; i < 5; i++) head[3 + i] = (byte)(n >> (8 * (4 - i)));
        head[8] = checked((byte)Issue);
        BinaryPrimitives.WriteUInt16BigEndian(head[9..], Days(IssuedOn));
        BinaryPrimitives.WriteUInt16BigEndian(head[11..], Days(ValidUntil));
        BinaryPrimitives.WriteUInt32BigEndian(head[13..], checked((uint)UnitId));
        bytes.AddRange(head);
        foreach (var text in (string[])[NameHi, NameEn, UnitHi, UnitEn]) CompactText.Write(bytes, text);
        return [.. bytes];
    }

    /// <summary>The statement at the start of <paramref name="data"/> and its length in bytes, or null if it is not one.</summary>
    public static (CardStatement Statement, int Length)? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < Fixed || data[0] != Version) return null;
        var keyId = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
        ulong n = 0;
        for (var i = 0; i < 5; i++) n = n << 8 | data[3 + i];
        var issue = data[8];
        var issued = Epoch.AddDays(BinaryPrimitives.ReadUInt16BigEndian(data[9..]));
        var valid = Epoch.AddDays(BinaryPrimitives.ReadUInt16BigEndian(data[11..]));
        var unit = BinaryPrimitives.ReadUInt32BigEndian(data[13..]);
        var at = Fixed;
        var texts = new string[4];
        for (var i = 0; i < texts.Length; i++)
            if (CompactText.Read(data, ref at) is { } text) texts[i] = text;
            else return null;
        if (unit > int.MaxValue || !MembershipNumber.IsValid((long)n) || issue == 0) return null;
        return (new CardStatement(keyId, (long)n, issue, issued, valid, (int)unit, texts[0], texts[1], texts[2], texts[3]), at);
    }

    /// <summary>How the card is named in the revocation list: number and issue.</summary>
    public string CardId => CardIds.Of(Number, Issue);

    static ushort Days(DateOnly date) => checked((ushort)(date.DayNumber - Epoch.DayNumber));
}

public static class CardIds
{
    public static string Of(long number, int issue) => $"{number}.{issue}";
}
