using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Sangathan.Platform.Localization;

/// <summary>
/// ASP.NET Core's localizer over the translators' files: the same words for a page that injects
/// <see cref="IStringLocalizer"/> as for code that calls <see cref="Texts.T(string)"/>, which goes through it too.
/// One catalog for the app, whatever type asks (the English text is the key, not a resource name).
/// </summary>
public sealed class PoStringLocalizer(TextCatalog catalog) : IStringLocalizer, IStringLocalizerFactory
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, name);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Of(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Select(t => new LocalizedString(t.Key, t.Value));

    public IStringLocalizer Create(Type resourceSource) => this;

    public IStringLocalizer Create(string baseName, string location) => this;
}
