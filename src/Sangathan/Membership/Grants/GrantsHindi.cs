namespace Sangathan.Membership;

/// <summary>Hindi for the drive's grants pages and messages.</summary>
internal static class GrantsHindi
{
    public static Dictionary<string, string> Words => new()
    {
        // What granting and revoking answer.
        ["Choose the unit the authorization is for."] = "वह इकाई चुनें जिसके लिए अधिकार देना है।",
        ["Choose the person to authorize, by mobile number or id."] = "जिसे अधिकार देना है, उस व्यक्ति को मोबाइल नंबर या संख्या से चुनें।",
        ["No office bearer you can see has this mobile number."] = "आपको दिखने वाले किसी पदाधिकारी का यह मोबाइल नंबर नहीं है।",
        ["You cannot authorize yourself."] = "आप स्वयं को अधिकार नहीं दे सकते।",
        ["Only someone who holds a post at this unit or above it can be authorized for it."] =
            "इस इकाई या इसके ऊपर की किसी इकाई में पद पर आसीन व्यक्ति को ही इसका अधिकार दिया जा सकता है।",
        ["Only someone who holds a post at this unit or above it, inside your own authorization, can be authorized for it."] =
            "आपके अपने अधिकार-क्षेत्र के भीतर, इस इकाई या इसके ऊपर की किसी इकाई में पद पर आसीन व्यक्ति को ही इसका अधिकार दिया जा सकता है।",
        ["The expiry must be in the future."] = "समाप्ति की तारीख़ भविष्य की होनी चाहिए।",
        ["Your own authorization is valid till {0}: this one cannot last longer."] = "आपका अपना अधिकार {0} तक मान्य है: यह उससे अधिक समय तक नहीं चल सकता।",
        ["The quota must be between 1 and {0}."] = "सीमा 1 से {0} के बीच होनी चाहिए।",
        ["Your own quota is {0}: this one cannot be larger."] = "आपकी अपनी सीमा {0} है: यह उससे बड़ी नहीं हो सकती।",
        ["This person already holds an authorization for this unit."] = "इस व्यक्ति के पास इस इकाई का अधिकार पहले से है।",
        ["Give a reason of 5 to 500 characters for revoking this authorization."] = "यह अधिकार रद्द करने का कारण 5 से 500 अक्षरों में लिखें।",
        ["This authorization has already been revoked."] = "यह अधिकार पहले ही रद्द किया जा चुका है।",
    };
}
