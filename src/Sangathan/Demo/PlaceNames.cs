namespace Sangathan.Demo;

/// <summary>
/// Village and town-locality names in both scripts. Villages are real names or built the way Rajasthani
/// village names are (a root and -pura, -garh, -sar, "ki Dhani", sometimes "Kalan"/"Khurd").
/// </summary>
internal static class PlaceNames
{
    static readonly Spelling[] Roots = PersonNames.Pairs(
        "Ram राम|Kishan किशन|Gopal गोपाल|Mohan मोहन|Bhim भीम|Shiv शिव|Hanuman हनुमान|Lakshman लक्ष्मण|Govind गोविंद|" +
        "Madho माधो|Kesar केसर|Dev देव|Bhawani भवानी|Fateh फतेह|Jaswant जसवंत|Ratan रतन|Amar अमर|Hamir हमीर|" +
        "Udai उदय|Raj राज|Jait जैत|Lal लाल|Chain चैन|Man मान|Gulab गुलाब|Moti मोती|Heera हीरा|Kalyan कल्याण|" +
        "Narayan नारायण|Keshav केशव|Jagat जगत|Sultan सुल्तान|Khem खेम|Dungar डूंगर|Bhairon भैरों|Kalu कालू|" +
        "Balu बालू|Jodh जोध|Anand आनंद|Sher शेर");

    static readonly Spelling[] Endings = PersonNames.Pairs(
        "pura पुरा|garh गढ़|sar सर|nagar नगर|pur पुर|khera खेड़ा|was वास|_ki_Dhani _की_ढाणी|_ka_Bas _का_बास|sagar सागर");

    static readonly Spelling[] Qualifiers = PersonNames.Pairs("_Kalan _कलां|_Khurd _खुर्द");

    static readonly Spelling[] RealVillages = PersonNames.Pairs(
        "Bhadrajun भाद्राजून|Palsana पलसाना|Bagar बगड़|Kanota कानोता|Achrol अचरोल|Jobner जोबनेर|Samod सामोद|" +
        "Naila नायला|Bichun बिचून|Khejarli खेजड़ली|Dhawa धवा|Salawas सालावास|Kakani काकाणी|Mathania मथानिया|" +
        "Tinwari तिंवरी|Balesar बालेसर|Dechu देचू|Setrawa सेतरावा|Jhanwar झंवर|Nimaj निमाज|Rohat रोहट|" +
        "Deshnok देशनोक|Gajner गजनेर|Napasar नापासर|Bajju बज्जू|Khuri खुड़ी|Ramdevra रामदेवरा|Dhorimanna धोरीमन्ना|" +
        "Sindhari सिणधरी|Kherli खेरली|Bhusawar भुसावर|Sewar सेवर|Rupbas रूपवास|Bonli बौंली|Piplu पीपलू|" +
        "Sarwar सरवाड़|Pisangan पीसांगन|Bhinai भिनाय|Railmagra रेलमगरा|Amet आमेट|Delwara देलवाड़ा|Kelwara केलवाड़ा|" +
        "Sayra सायरा|Kotra कोटड़ा|Semari सेमारी|Lasadiya लसाड़िया|Bhinder भींडर|Kanor कानोड़|Rishabhdev ऋषभदेव|" +
        "Simalwara सीमलवाड़ा|Galiyakot गलियाकोट|Arthuna अरथूना|Talwara तलवाड़ा|Dungla डूंगला|Bhadesar भदेसर|" +
        "Rashmi राशमी|Gangrar गंगरार|Kareda करेड़ा|Banera बनेड़ा|Hurda हुरड़ा|Kotri कोटड़ी|Talera तालेड़ा|" +
        "Nainwa नैनवा|Dei देई|Itawa इटावा|Sultanpur सुल्तानपुर|Kaithoon कैथून|Mangrol मांगरोल|Shahbad शाहबाद|" +
        "Aklera अकलेरा|Pirawa पिड़ावा|Sunel सुनेल|Bakani बकानी|Asnawar असनावर|Losal लोसल|Bidasar बीदासर|" +
        "Mundru मूंडरू|Palri पालड़ी|Baori बावड़ी|Khatu खाटू");

    static readonly Spelling[] Localities = PersonNames.Pairs(
        "Shastri_Nagar शास्त्री_नगर|Gandhi_Nagar गांधी_नगर|Subhash_Nagar सुभाष_नगर|Nehru_Nagar नेहरू_नगर|" +
        "Adarsh_Colony आदर्श_कॉलोनी|Station_Road स्टेशन_रोड|Sadar_Bazar सदर_बाजार|Pratap_Nagar प्रताप_नगर|" +
        "Jawahar_Nagar जवाहर_नगर|Tilak_Nagar तिलक_नगर|Indira_Colony इंदिरा_कॉलोनी|Ambedkar_Nagar अम्बेडकर_नगर|" +
        "Hanuman_Nagar हनुमान_नगर|Krishna_Nagar कृष्णा_नगर|Shiv_Colony शिव_कॉलोनी|Kumhar_Mohalla कुम्हार_मोहल्ला|" +
        "Purana_Shahar पुराना_शहर|Ghanta_Ghar घंटाघर|Housing_Board हाउसिंग_बोर्ड|Rajiv_Nagar राजीव_नगर|" +
        "Vivek_Vihar विवेक_विहार|Sindhi_Colony सिंधी_कॉलोनी|Bapu_Nagar बापू_नगर|Surajpol सूरजपोल|Chandpol चांदपोल|" +
        "Raja_Park राजा_पार्क|Vaishali_Nagar वैशाली_नगर|Mahaveer_Nagar महावीर_नगर|Azad_Mohalla आजाद_मोहल्ला|" +
        "Kabir_Nagar कबीर_नगर");

    // Repeats weight the draw: most polling stations are in government schools.
    static readonly Spelling[] RuralBuildings = PersonNames.Pairs(
        "Govt._Sr._Sec._School राजकीय_उ._मा._विद्यालय|Govt._Sr._Sec._School राजकीय_उ._मा._विद्यालय|" +
        "Govt._Sec._School राजकीय_मा._विद्यालय|Govt._Upper_Primary_School राजकीय_उ._प्रा._विद्यालय|" +
        "Govt._Upper_Primary_School राजकीय_उ._प्रा._विद्यालय|Govt._Primary_School राजकीय_प्रा._विद्यालय|" +
        "Govt._Primary_School राजकीय_प्रा._विद्यालय|Gram_Panchayat_Bhawan ग्राम_पंचायत_भवन|Anganwadi_Kendra आंगनबाड़ी_केंद्र");

    static readonly Spelling[] UrbanBuildings = PersonNames.Pairs(
        "Govt._Sr._Sec._School राजकीय_उ._मा._विद्यालय|Govt._Sr._Sec._School राजकीय_उ._मा._विद्यालय|" +
        "Govt._Sec._School राजकीय_मा._विद्यालय|Govt._Upper_Primary_School राजकीय_उ._प्रा._विद्यालय|" +
        "Govt._Primary_School राजकीय_प्रा._विद्यालय|Community_Hall सामुदायिक_भवन|Anganwadi_Kendra आंगनबाड़ी_केंद्र");

    public static Spelling Building(Random rng, bool urban) =>
        urban ? UrbanBuildings[rng.Next(UrbanBuildings.Length)] : RuralBuildings[rng.Next(RuralBuildings.Length)];

    public static Spelling Village(Random rng)
    {
        if (rng.Next(4) == 0) return RealVillages[rng.Next(RealVillages.Length)];
        var root = Roots[rng.Next(Roots.Length)];
        var end = Endings[rng.Next(Endings.Length)];
        var name = new Spelling(root.En + end.En, root.Hi + end.Hi);
        if (rng.Next(10) != 0 || end.En.StartsWith(' ')) return name;
        var q = Qualifiers[rng.Next(Qualifiers.Length)];
        return new Spelling(name.En + q.En, name.Hi + q.Hi);
    }

    public static Spelling Locality(Random rng) => Localities[rng.Next(Localities.Length)];
}
