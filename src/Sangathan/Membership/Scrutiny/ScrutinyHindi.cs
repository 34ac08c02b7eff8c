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
        ["Another enrollment holds this voter ID. If this one is the voter's, reject the other first."] =
            "इस मतदाता पहचान पत्र पर दूसरा नामांकन है। यदि यह वाला मतदाता का है, तो पहले दूसरे को अस्वीकार करें।",
        ["Here because another enrollment claims this voter ID; it is not waiting for scrutiny itself, so it can only be rejected."] =
            "यह यहाँ इसलिए है क्योंकि दूसरा नामांकन इस मतदाता पहचान पत्र पर दावा करता है; यह स्वयं जाँच की प्रतीक्षा में नहीं है, इसलिए इसे केवल अस्वीकार किया जा सकता है।",
    };
}
