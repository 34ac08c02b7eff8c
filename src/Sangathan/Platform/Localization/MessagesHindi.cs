namespace Sangathan.Platform.Localization;

/// <summary>
/// Hindi for the SMS and e-mail texts that went through no dictionary before (issue 23): kept here only until
/// tools/texts/texts.py --from-dictionaries moves every such list into Texts/hi.po, the translators' file.
/// </summary>
internal static class MessagesHindi
{
    public static readonly Dictionary<string, string> Words = new()
    {
        ["Party membership: confirm at {0}"] = "सदस्यता की पुष्टि करें: {0}",
        ["Your party membership card: {0}"] = "आपका सदस्यता कार्ड: {0}",
        ["Your party membership is verified."] = "आपकी पार्टी सदस्यता सत्यापित हो गई है।",
        ["Your membership was not accepted"] = "आपकी सदस्यता स्वीकार नहीं हुई",
        ["Your membership needs a correction; your enroller will contact you"] = "आपकी सदस्यता में सुधार चाहिए",
        ["{{name}}: meeting \"{0}\" of {1} on {2} at {3}.{4} Will you come? Answer: {{link}}"] = "{{name}}: {1} की बैठक \"{0}\" {2} बजे, {3}।{4} क्या आप आएँगे? उत्तर दें: {{link}}",
        ["{{name}}: reminder, meeting \"{0}\" of {1} today at {2}, {3}.{4} Answer: {{link}}"] = "{{name}}: याद दिलाना, {1} की बैठक \"{0}\" {2} बजे, {3}।{4} उत्तर: {{link}}",
        ["{{name}}: meeting \"{0}\" of {1} is now on {2} at {3}.{4} Will you come? Answer: {{link}}"] = "{{name}}: {1} की बैठक \"{0}\" अब {2} बजे, {3}।{4} क्या आप आएँगे? उत्तर दें: {{link}}",
        ["{{name}}: meeting \"{0}\" of {1} on {2} is cancelled."] = "{{name}}: {1} की बैठक \"{0}\" ({2}) रद्द कर दी गई है।",
        ["online"] = "ऑनलाइन",
        ["Notice"] = "सूचना",
        ["Reminder"] = "याद दिलाना",
        ["Changed"] = "बदलाव",
        ["To get no more of these e-mails, open:"] = "ये ई-मेल आगे न पाने के लिए यह खोलें:",
        ["Valid"] = "मान्य",
        ["Issued"] = "जारी",
        ["Scan to verify this card"] = "सत्यापन के लिए स्कैन करें",
        ["If found, please return it to the party office"] = "यह कार्ड मिले तो पार्टी कार्यालय को लौटाएँ",
    };
}
