using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages;

internal static class FormErrors
{
    /// <summary>Puts a use case's errors on the form, under the names the form's fields carry.</summary>
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary state, string prefix = "Input")
    {
        foreach (var e in errors) state.AddModelError(e.Field.Length == 0 ? "" : $"{prefix}.{e.Field}", e.Message);
    }

    /// <summary>The form again with what is wrong, answered 400 as all refused input is; a browser shows it the same.</summary>
    public static PageResult Refused(this PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    /// <summary>The door's refusal as a page answers it: 404 for a record the reader may not see, 403 for one they only may not change.</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult Refusal<T>(this PageModel page, Access.Opened<T> opened) where T : class =>
        opened.Missing ? page.NotFound() : page.Forbid();

    /// <summary>The same for a use case's outcome: null when it went through or failed on the form's fields.</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult? Refusal(this PageModel page, Outcome outcome) =>
        outcome.NotFound ? page.NotFound() : outcome.Forbidden ? page.Forbid() : null;

    /// <summary>
    /// Model binding's own messages ("The value 'x' is not valid") are English; pages show ours instead,
    /// in the reader's language.
    /// </summary>
    public static void Localize(ModelStateDictionary state)
    {
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count == 0) continue;
            entry.Errors.Clear();
            entry.Errors.Add(T("This value is not valid."));
        }
    }
}
