namespace Sangathan.Membership;

/// <summary>Hindi for the drive's scrutiny pages and messages.</summary>
internal static class ScrutinyHindi
{
    public static Dictionary<string, string> Words => new()
    {
        ["Say why, for the member and the enroller."] = "कारण लिखें, सदस्य और नामांकक के लिए।",
        ["This member is not waiting for scrutiny."] = "यह सदस्य जाँच की प्रतीक्षा में नहीं है।",
        ["Verify new members"] = "नए सदस्यों की जाँच",
        ["Nobody is waiting for scrutiny."] = "जाँच के लिए कोई प्रतीक्षा में नहीं है।",
        ["Approve"] = "स्वीकार करें",
        ["Reject"] = "अस्वीकार करें",
        ["Send back for correction"] = "सुधार के लिए लौटाएँ",
        ["Enrolled by"] = "नामांकक",
        ["Flags"] = "संकेत",
        ["More"] = "और",
    };
}
