using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>The rules a member's details must meet, wherever they come from (the field, the website); nothing is saved here.</summary>
public static class MemberValidation
{
    public static (Member Member, List<FieldError> Errors) Check(MemberInput input, MembershipOptions options)
    {
        var errors = new List<FieldError>();
        var voterId = PersonRules.NormalizeVoterId(input.VoterId);
        if (voterId is null) errors.Add(new("VoterId", T("A voter ID (EPIC) is three letters and seven digits, like ABC1234567.")));

        // One form of the name is enough: the other script is generated from it (रमेश कुमार, Ramesh Kumar).
        var (nameEn, nameHi) = NameScripts.Complete(input.NameEn, input.NameHi);
        if (nameEn.Length == 0) errors.Add(new("NameEn", T("Enter the name in English or in Hindi.")));
        else if (nameEn.Length > PersonRules.MaxName || nameHi.Length > PersonRules.MaxName)
            errors.Add(new("NameEn", T("This is too long: at most {0} characters.", PersonRules.MaxName)));

        var mobile = PersonRules.NormalizeMobile(input.Mobile);
        if (mobile is null) errors.Add(new("Mobile", T("Enter a valid Indian mobile number of 10 digits.")));

        var category = options.Categories.FirstOrDefault(c => string.Equals(c.Key, input.Category?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (category is null) errors.Add(new("Category", T("Choose a category.")));
        if (input.Age is not { } age || age < options.MinAge || age > 120)
            errors.Add(new("Age", T("The age must be between {0} and 120.", options.MinAge)));
        if (input.BoothId is null) errors.Add(new("BoothId", T("Choose the booth.")));
        if (!input.Consent) errors.Add(new("Consent", T("The member must agree to the party holding their details.")));

        var village = Limited(errors, "Village", input.Village);
        var address = Limited(errors, "Address", input.Address);
        var member = new Member
        {
            VoterId = voterId ?? "", NameEn = nameEn, NameHi = nameHi, Mobile = mobile ?? "",
            Category = category?.Key ?? "", Gender = Enum.IsDefined(input.Gender) ? input.Gender : Gender.Unspecified,
            Age = input.Age ?? 0, Village = village, Address = address, BoothId = input.BoothId ?? 0,
            RequestKey = "", DeviceId = PersonRules.CleanOrNull(input.DeviceId) is { Length: <= 64 } device ? device : null,
            Language = input.Language == "en" ? "en" : "hi",
        };
        return (member, errors);
    }

    /// <summary>A client's idempotency key: 8 to 64 letters, digits, '-' or '_' (a UUID fits).</summary>
    public static bool IsRequestKey(string? key) =>
        key is { Length: >= 8 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    static string? Limited(List<FieldError> errors, string field, string? text)
    {
        var clean = PersonRules.CleanOrNull(text);
        if (clean is { Length: > PersonRules.MaxText }) errors.Add(new(field, T("This is too long: at most {0} characters.", PersonRules.MaxText)));
        return clean;
    }
}
