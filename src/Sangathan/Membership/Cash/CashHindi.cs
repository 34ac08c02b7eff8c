namespace Sangathan.Membership;

/// <summary>Hindi for the enrollers' cash books.</summary>
internal static class CashHindi
{
    public static Dictionary<string, string> Words => new()
    {
        ["Your cash book"] = "आपकी नकद बही",
        ["Enrollers' cash"] = "नामांककों की नकद राशि",
        ["Members who paid you in cash"] = "नकद शुल्क देने वाले सदस्य",
        ["Fees collected"] = "एकत्र शुल्क",
        ["Paid in"] = "जमा किया",
        ["Still owed"] = "बकाया",
        ["Deposits"] = "जमा",
        ["Fees enrollers took in cash and have not yet paid in, the largest first."] = "नामांककों द्वारा नकद लिया गया शुल्क जो अभी जमा नहीं हुआ, सबसे बड़ा पहले।",
        ["No enroller owes anything."] = "किसी नामांकक पर कुछ बकाया नहीं है।",
        ["Amount paid in (Rs)"] = "जमा राशि (रुपये)",
        ["Receipt or slip number"] = "रसीद या पर्ची संख्या",
        ["Record deposit"] = "जमा दर्ज करें",
        ["Deposit of Rs {0} recorded."] = "{0} रुपये की जमा दर्ज हुई।",
        ["Enter the amount paid in, in rupees."] = "जमा राशि रुपयों में लिखें।",
        ["That is more than this enroller owes (Rs {0})."] = "यह इस नामांकक के बकाया ({0} रुपये) से अधिक है।",
    };
}
