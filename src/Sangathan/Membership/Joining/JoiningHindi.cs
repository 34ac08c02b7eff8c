namespace Sangathan.Membership;

/// <summary>Hindi for the drive's joining pages and messages.</summary>
internal static class JoiningHindi
{
    public static Dictionary<string, string> Words => new()
    {
        ["Join the party"] = "पार्टी से जुड़ें",
        ["Fill in your details, confirm your mobile with the code we send to it, and pay the membership fee of Rs 5 online."] =
            "अपना विवरण भरें, हमारे भेजे कोड से अपने मोबाइल की पुष्टि करें, और 5 रुपये सदस्यता शुल्क ऑनलाइन चुकाएँ।",
        ["All districts"] = "सभी ज़िले",
        ["Find your booth from your voter slip"] = "अपनी मतदाता पर्ची से अपना बूथ खोजें",
        ["Part number"] = "भाग संख्या",
        ["Part"] = "भाग",
        ["Find my booth"] = "मेरा बूथ खोजें",
        ["Or choose it step by step"] = "या क्रम से चुनें",
        ["No booth has this part number in this constituency. Check your voter slip, or find the booth below."] =
            "इस क्षेत्र में इस भाग संख्या का कोई बूथ नहीं है। अपनी मतदाता पर्ची देखें, या नीचे से बूथ खोजें।",
        ["Your booth"] = "आपका बूथ",
        ["Your mobile"] = "आपका मोबाइल",
        ["I have read this and agree"] = "मैंने इसे पढ़ लिया है और मैं सहमत हूँ",
        ["Register and send me a code"] = "पंजीकरण करें और मुझे कोड भेजें",
        ["Your membership"] = "आपकी सदस्यता",
        ["Step 1 of 2: confirm your mobile."] = "चरण 1/2: अपने मोबाइल की पुष्टि करें।",
        ["Step 2 of 2: pay the membership fee of Rs {0}."] = "चरण 2/2: {0} रुपये सदस्यता शुल्क चुकाएँ।",
        ["Enter the code we sent by SMS to {0}"] = "{0} पर SMS से भेजा गया कोड लिखें",
        ["Confirm my mobile"] = "मेरे मोबाइल की पुष्टि करें",
        ["Send the code again"] = "कोड फिर से भेजें",
        ["A new code was sent to your mobile."] = "आपके मोबाइल पर नया कोड भेजा गया।",
        ["Your mobile is already confirmed."] = "आपका मोबाइल पहले ही पुष्ट हो चुका है।",
        // Short: a Hindi SMS is UCS-2, 70 characters to a part, and the link takes 40 of them.
        ["{0} is your code to join. It expires in {1} minutes. Your page: {2}"] = "सदस्यता कोड {0}। पेज: {2}",
        ["Pay Rs {0}"] = "{0} रुपये चुकाएँ",
        ["Try again"] = "फिर से कोशिश करें",
        ["Check again"] = "फिर से देखें",
        ["Party membership fee"] = "पार्टी सदस्यता शुल्क",
        ["You will pay Rs {0} to the party through a secure payment service, and come back here."] =
            "आप सुरक्षित भुगतान सेवा से पार्टी को {0} रुपये चुकाएँगे, फिर यहाँ लौट आएँगे।",
        ["Continue to pay Rs {0}"] = "{0} रुपये चुकाने के लिए आगे बढ़ें",
        ["Your payment has not completed yet. If you have paid, it will show here in a few minutes."] =
            "आपका भुगतान अभी पूरा नहीं हुआ है। यदि आपने भुगतान कर दिया है, तो कुछ मिनटों में यहाँ दिखेगा।",
        ["The payment did not go through. You can try again."] = "भुगतान नहीं हो सका। आप फिर से कोशिश कर सकते हैं।",
        ["The payment was not completed. You can try again."] = "भुगतान पूरा नहीं हुआ। आप फिर से कोशिश कर सकते हैं।",
        ["Fee paid online."] = "शुल्क ऑनलाइन चुकाया गया।",
        ["Fee paid in cash."] = "शुल्क नकद चुकाया गया।",
        ["Your membership now waits for the district's scrutiny; you will be told by SMS."] =
            "अब आपकी सदस्यता ज़िले की जाँच की प्रतीक्षा में है; आपको SMS से बताया जाएगा।",
        ["Your membership is verified. Welcome to the party!"] = "आपकी सदस्यता सत्यापित हो गई है। पार्टी में आपका स्वागत है!",
        ["Your membership was not accepted."] = "आपकी सदस्यता स्वीकार नहीं हुई।",
        ["Your membership needs a correction; the party will contact you."] = "आपकी सदस्यता में सुधार चाहिए; पार्टी आपसे संपर्क करेगी।",
        ["Your mobile is confirmed. The fee of Rs 5 was not taken in cash: pay it online to complete your membership."] =
            "आपका मोबाइल पुष्ट हो गया। 5 रुपये शुल्क नकद नहीं लिया गया: सदस्यता पूरी करने के लिए इसे ऑनलाइन चुकाएँ।",
        ["No fee is due: the membership is paid or not yet confirmed."] = "कोई शुल्क बाकी नहीं है: सदस्यता का भुगतान हो चुका है या अभी पुष्टि नहीं हुई है।",
        ["Too many payment attempts. Please ask the party office for help."] = "भुगतान के बहुत अधिक प्रयास हो चुके हैं। कृपया पार्टी कार्यालय से मदद लें।",
        ["The payment service cannot be reached just now. Please try again in a few minutes."] =
            "भुगतान सेवा से अभी संपर्क नहीं हो पा रहा है। कृपया कुछ मिनट बाद फिर कोशिश करें।",
        ["The payment could not be verified."] = "भुगतान की पुष्टि नहीं हो सकी।",
        ["Nothing was recorded; if money was taken, it will show on your page once the payment service confirms it."] =
            "कुछ दर्ज नहीं हुआ; यदि पैसे कटे हैं, तो भुगतान सेवा की पुष्टि होते ही आपके पेज पर दिखेगा।",
        ["Back to your membership"] = "अपनी सदस्यता पर लौटें",
        ["Too many registrations were made from here or for this voter ID. Please try again later."] =
            "यहाँ से या इस मतदाता पहचान पत्र के लिए बहुत अधिक पंजीकरण हो चुके हैं। कृपया बाद में फिर कोशिश करें।",
        ["Your mobile is confirmed, but this voter ID is already enrolled. If it is yours, you can claim it: the district will look at both enrollments and keep the right one."] =
            "आपका मोबाइल पुष्ट हो गया, पर यह मतदाता पहचान पत्र पहले से नामांकित है। यदि यह आपका है, तो आप इस पर दावा कर सकते हैं: ज़िला दोनों नामांकनों की जाँच करके सही को रखेगा।",
        ["Claim this voter ID"] = "इस मतदाता पहचान पत्र पर दावा करें",
        ["There is nothing to claim."] = "दावा करने के लिए कुछ नहीं है।",
    };
}
