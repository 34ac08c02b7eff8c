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
        [ConsentNotices.English] =
            "मैं पार्टी से जुड़ना चाहता/चाहती हूँ। मैं सहमति देता/देती हूँ कि पार्टी सदस्यता के प्रबंधन और पार्टी के काम व चुनावों के लिए मुझसे संपर्क करने हेतु " +
            "मेरा नाम, मतदाता पहचान पत्र, मोबाइल नंबर, फ़ोटो, वर्ग, आयु और पता रखे। पार्टी इन्हें पार्टी के बाहर किसी को नहीं देगी। " +
            "मैं इन्हें सुधारने या हटाने के लिए कह सकता/सकती हूँ।",
    };
}
