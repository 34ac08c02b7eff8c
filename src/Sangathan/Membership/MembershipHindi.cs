namespace Sangathan.Membership;

/// <summary>Hindi for the drive's shared rules and the field enrollment.</summary>
internal static class MembershipHindi
{
    public static Dictionary<string, string> Words => new()
    {
        ["Enter the name in English or in Hindi."] = "नाम अंग्रेज़ी या हिंदी में लिखें।",
        ["Choose a category."] = "वर्ग चुनें।",
        ["The age must be between {0} and 120."] = "आयु {0} से 120 वर्ष के बीच होनी चाहिए।",
        ["Choose the booth."] = "बूथ चुनें।",
        ["The member must agree to the party holding their details."] = "सदस्य को पार्टी द्वारा अपना विवरण रखे जाने की सहमति देनी होगी।",
        ["Take the member's photo."] = "सदस्य का फ़ोटो लें।",
        ["Each enrollment needs its own request key (8 to 64 letters, digits, '-' or '_')."] = "हर नामांकन की अपनी अनुरोध कुंजी होनी चाहिए (8 से 64 अक्षर, अंक, '-' या '_')।",
        ["Choose a booth."] = "एक बूथ चुनें।",
        ["Enroll members"] = "सदस्य बनाएँ",
        ["You have no authorization to enroll members. Ask the office bearer above you or the war room."] = "आपको सदस्य बनाने का अधिकार नहीं है। अपने ऊपर के पदाधिकारी या वॉर रूम से कहें।",
        ["Enrolled"] = "सदस्य बनाया गया",
        ["A link to confirm was sent to the member's mobile."] = "पुष्टि का लिंक सदस्य के मोबाइल पर भेजा गया।",
        ["Member's mobile"] = "सदस्य का मोबाइल",
        ["Category"] = "वर्ग",
        ["Age"] = "आयु",
        ["Address"] = "पता",
        ["Fee of Rs 5 taken in cash"] = "5 रुपये शुल्क नकद लिया",
        ["The member has read this and agrees"] = "सदस्य ने यह पढ़ा है और सहमत है",
        ["Enroll"] = "सदस्य बनाएँ",
        ["On this phone"] = "इस फ़ोन पर",
        ["waiting for a connection"] = "नेटवर्क की प्रतीक्षा में",
        ["sent"] = "भेजा गया",
        ["refused"] = "अस्वीकार",
        ["Not allowed: sign in again or ask for authorization."] = "अनुमति नहीं: फिर से साइन इन करें या अधिकार माँगें।",
        ["Members (verified)"] = "सदस्य (सत्यापित)",
        ["Awaiting scrutiny"] = "जाँच की प्रतीक्षा में",
        ["Awaiting the member"] = "सदस्य की पुष्टि की प्रतीक्षा में",
        ["Joined in the last 7 days"] = "पिछले 7 दिनों में जुड़े",
        ["Confirm your membership"] = "अपनी सदस्यता की पुष्टि करें",
        ["Thank you: your mobile is confirmed. The party will check your details and tell you by SMS."] = "धन्यवाद: आपका मोबाइल पुष्ट हो गया। पार्टी आपके विवरण की जाँच करके आपको SMS से बताएगी।",
        ["This link has expired. Ask the person who enrolled you to send a new one."] = "यह लिंक समाप्त हो चुका है। जिन्होंने आपका नामांकन किया, उनसे नया लिंक भेजने को कहें।",
        ["You were enrolled as a member of the party. If this is you and you want to join, confirm below."] = "आपका नामांकन पार्टी के सदस्य के रूप में किया गया है। यदि यह आप हैं और आप जुड़ना चाहते हैं, तो नीचे पुष्टि करें।",
        ["Yes, I want to join"] = "हाँ, मैं जुड़ना चाहता/चाहती हूँ",
        ["Your authorization does not cover this booth, or its quota is used up."] = "आपका अधिकार इस बूथ पर लागू नहीं है, या उसका कोटा पूरा हो चुका है।",
        ["This voter ID is already enrolled. If it is the member's own, they can claim it on the website's join page by confirming their mobile."] =
            "यह मतदाता पहचान पत्र पहले से नामांकित है। यदि यह सदस्य का अपना है, तो वे वेबसाइट के 'पार्टी से जुड़ें' पेज पर अपने मोबाइल की पुष्टि करके इस पर दावा कर सकते हैं।",
        ["The enrollment could not be saved just now. Send it again."] = "अभी नामांकन सहेजा नहीं जा सका। इसे फिर से भेजें।",
        ["This request key was already used for another enrollment."] = "यह अनुरोध कुंजी किसी दूसरे नामांकन में इस्तेमाल हो चुकी है।",
        ["This member has already confirmed."] = "यह सदस्य पहले ही पुष्टि कर चुका है।",
        ["The link was sent {0} times already; ask the member to open it."] = "लिंक पहले ही {0} बार भेजा जा चुका है; सदस्य से उसे खोलने को कहें।",
        ["The SMS could not be sent now; try again later."] = "अभी SMS नहीं भेजा जा सका; बाद में फिर कोशिश करें।",
        [ConsentNotices.English] =
            "मैं पार्टी से जुड़ना चाहता/चाहती हूँ। मैं सहमति देता/देती हूँ कि पार्टी सदस्यता के प्रबंधन और पार्टी के काम व चुनावों के लिए मुझसे संपर्क करने हेतु " +
            "मेरा नाम, मतदाता पहचान पत्र, मोबाइल नंबर, फ़ोटो, वर्ग, आयु और पता रखे। पार्टी इन्हें पार्टी के बाहर किसी को नहीं देगी। " +
            "मैं इन्हें सुधारने या हटाने के लिए कह सकता/सकती हूँ।",
    };
}
