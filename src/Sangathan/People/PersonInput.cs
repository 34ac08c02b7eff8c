namespace Sangathan.People;

/// <summary>What a form or API client may set on a person; never the entity itself.</summary>
public sealed record PersonInput(
    string? NameEn, string? NameHi, string? Mobile, string? Email, string? Village, string? Jurisdiction,
    string? Facebook, string? X, string? Instagram, string? YouTube, string? WhatsApp,
    Gender Gender = Gender.Unspecified, DateOnly? DateOfBirth = null, string? VoterId = null);
