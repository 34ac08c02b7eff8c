namespace Sangathan.Demo;

/// <summary>A name part spelled in both scripts, so a person's English and Hindi names always match.</summary>
internal readonly record struct Spelling(string En, string Hi);

/// <summary>First names and surnames common in Rajasthan, paired across scripts; first names carry a gender.</summary>
internal static class PersonNames
{
    public static readonly Spelling[] Men = Pairs(
        "Ramesh रमेश|Suresh सुरेश|Mahesh महेश|Dinesh दिनेश|Mukesh मुकेश|Rajesh राजेश|Naresh नरेश|Ashok अशोक|" +
        "Vijay विजय|Sanjay संजय|Ajay अजय|Manoj मनोज|Anil अनिल|Sunil सुनील|Rakesh राकेश|Rajendra राजेंद्र|" +
        "Surendra सुरेंद्र|Mahendra महेंद्र|Narendra नरेंद्र|Jitendra जितेंद्र|Om_Prakash ओम_प्रकाश|Ram_Niwas राम_निवास|" +
        "Banwari_Lal बनवारी_लाल|Kishan_Lal किशन_लाल|Mohan_Lal मोहन_लाल|Shankar_Lal शंकर_लाल|Babu_Lal बाबू_लाल|" +
        "Madan_Lal मदन_लाल|Girdhari_Lal गिरधारी_लाल|Bhanwar_Lal भंवर_लाल|Bhagirath भागीरथ|Hanuman_Ram हनुमान_राम|" +
        "Prahlad प्रह्लाद|Govind गोविंद|Gopal गोपाल|Kailash कैलाश|Shyam_Sundar श्याम_सुंदर|Deepak दीपक|Vikram विक्रम|" +
        "Pradeep प्रदीप|Sandeep संदीप|Harish हरीश|Yogesh योगेश|Lokesh लोकेश|Hemant हेमंत|Devendra देवेंद्र|" +
        "Bhupendra भूपेंद्र|Dharmendra धर्मेंद्र|Arjun अर्जुन|Rohit रोहित|Amit अमित|Sumit सुमित|Ravi रवि|Jagdish जगदीश|" +
        "Laxman लक्ष्मण|Moti_Ram मोती_राम|Sohan_Lal सोहन_लाल|Hari_Ram हरि_राम|Chetan चेतन|Pawan पवन");

    public static readonly Spelling[] Women = Pairs(
        "Sunita सुनीता|Anita अनीता|Kavita कविता|Savita सविता|Suman सुमन|Santosh संतोष|Kamla कमला|Vimla विमला|" +
        "Geeta गीता|Seema सीमा|Rekha रेखा|Manju मंजू|Pushpa पुष्पा|Saroj सरोज|Usha उषा|Sarita सरिता|Mamta ममता|" +
        "Neha नेहा|Pooja पूजा|Priyanka प्रियंका|Rajni रजनी|Shobha शोभा|Sushila सुशीला|Bhanwari भंवरी|Kanta कांता|" +
        "Lalita ललिता|Shanti शांति|Nirmala निर्मला|Sangeeta संगीता|Poonam पूनम|Rashmi रश्मि|Durga दुर्गा|Meera मीरा");

    public static readonly Spelling[] Surnames = Pairs(
        "Meena मीणा|Sharma शर्मा|Choudhary चौधरी|Gupta गुप्ता|Agarwal अग्रवाल|Jain जैन|Gurjar गुर्जर|Bishnoi बिश्नोई|" +
        "Saini सैनी|Mali माली|Kumawat कुमावत|Jangid जांगिड़|Prajapat प्रजापत|Meghwal मेघवाल|Bairwa बैरवा|Jatav जाटव|" +
        "Regar रैगर|Khatik खटीक|Yadav यादव|Swami स्वामी|Purohit पुरोहित|Vyas व्यास|Joshi जोशी|Pareek पारीक|" +
        "Khandelwal खंडेलवाल|Maheshwari माहेश्वरी|Soni सोनी|Suthar सुथार|Dewasi देवासी|Poonia पूनिया|Beniwal बेनीवाल|" +
        "Godara गोदारा|Dudi डूडी|Jakhar जाखड़|Kaswan कस्वां|Mahla महला|Sihag सिहाग|Gehlot गहलोत|Dhaka ढाका|" +
        "Bhargava भार्गव|Trivedi त्रिवेदी|Dadhich दाधीच|Verma वर्मा|Bhil भील|Garasia गरासिया|Damor डामोर|" +
        "Ninama निनामा|Katara कटारा|Kharadi खराड़ी|Roat रोत");

    /// <summary>Rajput clans: men mostly carry "Singh" and women "Kanwar" as a middle name.</summary>
    public static readonly Spelling[] Rajputs = Pairs(
        "Rathore राठौड़|Shekhawat शेखावत|Chouhan चौहान|Bhati भाटी|Tanwar तंवर|Solanki सोलंकी|Parihar परिहार|" +
        "Sisodia सिसोदिया|Rawat रावत");

    public static readonly Spelling[] MuslimMen = Pairs(
        "Imran इमरान|Salim सलीम|Rafiq रफीक|Abdul_Rashid अब्दुल_रशीद|Mohammad_Iqbal मोहम्मद_इकबाल|Shaukat शौकत|" +
        "Aslam असलम|Zakir जाकिर");
    public static readonly Spelling[] MuslimWomen = Pairs("Shabana शबाना|Nasreen नसरीन|Rubina रुबीना|Farida फरीदा");
    public static readonly Spelling[] MuslimSurnames = Pairs("Khan खान|Qureshi कुरैशी|Ansari अंसारी|Pathan पठान|Sheikh शेख|Meo मेव");

    public static readonly Spelling[] SikhMen = Pairs(
        "Gurpreet गुरप्रीत|Harjinder हरजिंदर|Jaswinder जसविंदर|Kuldeep कुलदीप|Baljeet बलजीत|Sukhdev सुखदेव");
    public static readonly Spelling[] SikhWomen = Pairs("Manpreet मनप्रीत|Harpreet हरप्रीत|Jasleen जसलीन");
    public static readonly Spelling[] SikhSurnames = Pairs("Brar बराड़|Sandhu संधू|Sidhu सिद्धू|Gill गिल|Dhillon ढिल्लों|Bhullar भुल्लर");

    /// <summary>Surnames that are more common in a district than across the state; half the draws there use them.</summary>
    public static Spelling[] LocalTo(string districtCode) => districtCode switch
    {
        "UDR" or "DNG" or "BSW" or "PTG" or "SRH" => Pick("Meena Bhil Garasia Damor Ninama Katara Kharadi Roat"),
        "JPR" or "DAU" or "SWM" or "KRL" or "TNK" or "BHP" or "DHO" or "ALW" => Pick("Meena Gurjar Bairwa Sharma Jatav Yadav Saini"),
        "BKN" or "CHU" or "JJN" or "SKR" or "NGR" or "JDH" or "BMR" or "JSM" or "GNG" or "HMH" =>
            Pick("Bishnoi Godara Beniwal Poonia Dudi Jakhar Kaswan Choudhary Mahla Sihag Meghwal"),
        _ => [],
    };

    static Spelling[] Pick(string names) =>
        names.Split(' ').Select(n => Surnames.Concat(Rajputs).First(s => s.En == n)).ToArray();

    /// <summary>Reads "English हिन्दी|..." where '_' stands for a space inside a name.</summary>
    internal static Spelling[] Pairs(string list) => list.Split('|').Select(p =>
    {
        var parts = p.Split(' ');
        return new Spelling(parts[0].Replace('_', ' '), parts[1].Replace('_', ' '));
    }).ToArray();
}
