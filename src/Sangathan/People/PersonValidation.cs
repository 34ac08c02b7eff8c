using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.People;

/// <summary>Shape rules for a person's fields, shared by the person form and the appointment form.</summary>
public static class PersonValidation
{
    public static (Person Clean, List<FieldError> Errors) Check(PersonInput input, TimeProvider clock)
    {
        var errors = new List<FieldError>();
        // One form of the name is enough: the other script is generated from it until someone writes it.
        var (nameEn, nameHi) = NameScripts.Complete(input.NameEn, input.NameHi);
        if (nameEn.Length == 0) errors.Add(new("NameEn", T("Enter the name in English or in Hindi.")));
        Length(errors, "NameEn", nameEn, PersonRules.MaxName, required: false);
        Length(errors, "NameHi", nameHi, PersonRules.MaxName, required: false);

        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(input.Mobile))
        {
            mobile = PersonRules.NormalizeMobile(input.Mobile);
            if (mobile is null) errors.Add(new("Mobile", T("Enter a valid Indian mobile number of 10 digits.")));
        }
        var email = PersonRules.CleanOrNull(input.Email);
        if (email is not null && (email = EmailRules.Normalize(email)) is null)
            errors.Add(new("Email", T("Enter a valid e-mail address.")));

        string? voterId = null;
        if (!string.IsNullOrWhiteSpace(input.VoterId))
        {
            voterId = PersonRules.NormalizeVoterId(input.VoterId);
            if (voterId is null) errors.Add(new("VoterId", T("A voter ID (EPIC) is three letters and seven digits, like ABC1234567.")));
        }

        var person = new Person
        {
            NameEn = nameEn, NameHi = nameHi, NameKey = PersonRules.KeyOf(nameEn), Mobile = mobile, Email = email,
            Village = Text(errors, "Village", input.Village, PersonRules.MaxText),
            Jurisdiction = Text(errors, "Jurisdiction", input.Jurisdiction, PersonRules.MaxText),
            Facebook = Text(errors, "Facebook", input.Facebook, PersonRules.MaxLink),
            X = Text(errors, "X", input.X, PersonRules.MaxLink),
            Instagram = Text(errors, "Instagram", input.Instagram, PersonRules.MaxLink),
            YouTube = Text(errors, "YouTube", input.YouTube, PersonRules.MaxLink),
            WhatsApp = Text(errors, "WhatsApp", input.WhatsApp, PersonRules.MaxLink),
            Gender = Enum.IsDefined(input.Gender) ? input.Gender : Gender.Unspecified,
            DateOfBirth = input.DateOfBirth,
            VoterId = voterId,
        };
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (input.DateOfBirth is { } dob && (dob > today.AddYears(-16) || dob < today.AddYears(-120)))
            errors.Add(new("DateOfBirth", T("The date of birth must make the person between 16 and 120 years old.")));
        return (person, errors);
    }

    static string? Text(List<FieldError> errors, string field, string? value, int max)
    {
        var clean = PersonRules.CleanOrNull(value);
        Length(errors, field, clean ?? "", max, required: false);
        return clean;
    }

    static void Length(List<FieldError> errors, string field, string value, int max, bool required)
    {
        if (required && value.Length == 0) errors.Add(new(field, T("This field is required.")));
        else if (value.Length > max) errors.Add(new(field, T("This is too long: at most {0} characters.", max)));
    }
}
