namespace Sangathan.Membership;

/// <summary>Hindi for the enroller's day and the member's confirmation (issue 20): home, form, my members, SMS, scrutiny.</summary>
internal static class FieldHindi
{
    public static Dictionary<string, string> Words => new()
    {
        // The member's SMS and its answer.
        ["Membership: reply {0} or open {1}"] = "सदस्यता: {0} जवाब भेजें या {1}",
        ["To confirm your party membership, reply {0} to this SMS."] = "पार्टी सदस्यता की पुष्टि के लिए इस SMS के जवाब में {0} भेजें।",
        ["Membership: send {0} to {1} or open {2}"] = "सदस्यता: {0} को {1} पर भेजें या {2}",
        ["To confirm your party membership, send {0} by SMS to {1}."] = "पार्टी सदस्यता की पुष्टि के लिए {0} लिखकर {1} पर SMS भेजें।",
        ["Thank you: your party membership is confirmed. You will be told by SMS after the district's check."] =
            "धन्यवाद: आपकी पार्टी सदस्यता की पुष्टि हो गई। ज़िले की जाँच के बाद आपको SMS से बताया जाएगा।",

        // Scrutiny's answers to the member.
        ["Your party membership is verified. Welcome to the party!"] = "आपकी पार्टी सदस्यता सत्यापित हो गई है। पार्टी में आपका स्वागत है!",
        ["Your party membership was not accepted: {0}"] = "आपकी पार्टी सदस्यता स्वीकार नहीं हुई: {0}",
        ["Your party membership needs a correction; the person who enrolled you will contact you: {0}"] =
            "आपकी पार्टी सदस्यता में सुधार चाहिए; आपका नामांकन करने वाले आपसे संपर्क करेंगे: {0}",
        ["Choose between 1 and {0} members to approve."] = "स्वीकार करने के लिए 1 से {0} सदस्य चुनें।",

        // The home page and the menu.
        ["Enroll a member"] = "नया सदस्य बनाएँ",
        ["Your members"] = "आपके बनाए सदस्य",
        ["Waiting for the member to confirm"] = "सदस्य की पुष्टि की प्रतीक्षा में",
        ["Waiting for scrutiny"] = "जाँच की प्रतीक्षा में",
        ["Verified"] = "सत्यापित",
        ["Sent back for correction"] = "सुधार के लिए लौटाए गए",
        ["My members"] = "मेरे सदस्य",
        ["Your organization"] = "आपका संगठन",

        // My members.
        ["The SMS was sent again to {0}."] = "{0} को SMS फिर से भेजा गया।",
        ["Show"] = "दिखाएँ",
        ["No members here yet."] = "यहाँ अभी कोई सदस्य नहीं है।",
        ["Why"] = "कारण",
        ["Correct and send again"] = "सुधारें और फिर भेजें",
        ["Send the SMS again ({0} of {1} sent)"] = "SMS फिर भेजें ({1} में से {0} भेजे गए)",
        ["The SMS was sent {0} times: ask the member to reply with its code or open its link."] = "SMS {0} बार भेजा जा चुका है: सदस्य से कहें कि उसका कोड जवाब में भेजें या उसका लिंक खोलें।",

        // The enrollment form.
        ["The member's photo"] = "सदस्य का फ़ोटो",
        ["Take the photo"] = "फ़ोटो लें",
        ["Take a new photo"] = "नया फ़ोटो लें",
        ["More: village, address, language of the SMS"] = "और: गाँव, पता, SMS की भाषा",
        ["The member's language, for the SMS"] = "सदस्य की भाषा, SMS के लिए",

        // The enrollment form's checks and answers.
        ["Another booth"] = "दूसरा बूथ",
        ["Choose the gender."] = "लिंग चुनें।",
        ["The photo is nearly blank: take it again, with the member's face filling it."] = "फ़ोटो लगभग खाली है: सदस्य का चेहरा भरकर फिर से लें।",
        ["The photo is too dark: take it again in more light."] = "फ़ोटो बहुत अँधेरा है: अधिक रोशनी में फिर से लें।",
        ["The photo is blurred: hold the phone still and take it again."] = "फ़ोटो धुँधला है: फ़ोन स्थिर रखकर फिर से लें।",
        ["To send this photo anyway, tap Enroll again."] = "फिर भी यही फ़ोटो भेजना हो तो 'सदस्य बनाएँ' दोबारा दबाएँ।",
        ["Kept on this phone: it is sent when there is a connection."] = "इस फ़ोन में रखा गया: नेटवर्क मिलते ही भेजा जाएगा।",
        ["This form is not for the booth you opened. Open the booth's form again with a connection."] = "यह फ़ॉर्म आपके खोले गए बूथ का नहीं है। नेटवर्क के साथ उस बूथ का फ़ॉर्म फिर से खोलें।",
        ["(no name)"] = "(नाम नहीं)",

        // Correcting a member.
        ["Correct a member"] = "सदस्य का विवरण सुधारें",
        ["A field left empty keeps what is on record."] = "जो खाना खाली छोड़ेंगे उसमें दर्ज जानकारी बनी रहेगी।",
        ["Save the correction"] = "सुधार सहेजें",
        ["Only a member sent back for correction can be corrected by their enroller."] = "नामांकक केवल सुधार के लिए लौटाए गए सदस्य का विवरण सुधार सकते हैं।",
        ["Give a reason of 5 to 500 characters for the correction."] = "सुधार का कारण 5 से 500 अक्षरों में लिखें।",
        ["Nothing was changed."] = "कुछ नहीं बदला गया।",
    };
}
