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

        // The page.
        ["Enrollment rights"] = "सदस्य बनाने के अधिकार",
        ["Who may enroll members here and below, and who authorized them."] = "यहाँ और इसके नीचे कौन सदस्य बना सकता है, और उन्हें किसने अधिकार दिया।",
        ["Your authorizations"] = "आपके अधिकार",
        ["Who authorized whom"] = "किसने किसे अधिकार दिया",
        ["Authorized by them: {0}"] = "इनके द्वारा अधिकृत: {0}",
        ["No one is authorized here yet."] = "यहाँ अभी किसी को अधिकार नहीं दिया गया है।",
        ["Only the first {0} are shown: open a unit below to see the rest."] = "केवल पहले {0} दिखाए गए हैं: बाकी देखने के लिए नीचे की कोई इकाई खोलें।",
        ["Units below"] = "नीचे की इकाइयाँ",
        ["In force"] = "लागू",
        ["Expired"] = "अवधि समाप्त",
        ["Revoked"] = "रद्द",
        ["Suspended: no post carries it"] = "निलंबित: इसे धारण कराने वाला कोई पद नहीं",
        ["{0} enrolled"] = "{0} सदस्य बनाए",
        ["{0} of {1} enrolled"] = "{1} में से {0} सदस्य बनाए",
        ["since {0}"] = "{0} से",
        ["valid till {0}"] = "{0} तक मान्य",
        ["Authorize someone"] = "किसी को अधिकार दें",
        ["Authorize"] = "अधिकार दें",
        ["An office bearer of the unit, or of a unit above it, may be authorized to enroll members there and below."] =
            "इकाई के, या उसके ऊपर की किसी इकाई के पदाधिकारी को वहाँ और उसके नीचे सदस्य बनाने का अधिकार दिया जा सकता है।",
        ["To enroll in"] = "कहाँ सदस्य बनाने के लिए",
        ["Their mobile number"] = "उनका मोबाइल नंबर",
        ["or their person number"] = "या उनकी व्यक्ति संख्या",
        ["Valid till (leave empty for no end)"] = "कब तक मान्य (कोई अंत न हो तो खाली छोड़ें)",
        ["How many members they may enroll (leave empty for no limit)"] = "वे कितने सदस्य बना सकते हैं (कोई सीमा न हो तो खाली छोड़ें)",
        ["Revoke"] = "रद्द करें",
        ["Revoke an authorization"] = "अधिकार रद्द करना",
        ["The authorizations given under it"] = "इसके अधीन दिए गए अधिकार",
        ["Revoke them too"] = "उन्हें भी रद्द करें",
        ["Keep them, under the one above"] = "उन्हें लागू रखें, ऊपर वाले के अधीन",
        ["Why? (recorded in the audit log)"] = "क्यों? (ऑडिट लॉग में दर्ज होगा)",
        ["Do not revoke"] = "रद्द न करें",
    };
}
