namespace Sangathan.Platform;

/// <summary>A rule a request broke, already in the reader's language; Field names the form field or "".</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What a use case that changes data returns: the new id, or the errors and nothing saved.</summary>
public sealed record Outcome(int Id, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public bool NotFound { get; init; }

    /// <summary>The caller may see the record but not do this to it.</summary>
    public bool Forbidden { get; init; }

    /// <summary>The record is no longer in the state this asks for (already decided, say): 409 with the message.</summary>
    public bool Conflict { get; init; }

    public static Outcome Ok(int id) => new(id, []);
    public static Outcome Fail(params FieldError[] errors) => new(0, errors);
    public static Outcome Missing() => new(0, []) { NotFound = true };
    public static Outcome Denied() => new(0, []) { Forbidden = true };

    /// <summary>The API's answer: 200/201 with the id, 404, or a 400 ValidationProblem with every message.</summary>
    public IResult ToHttp(Func<int, IResult> ok) =>
        NotFound ? TypedResults.NotFound()
        : Forbidden ? TypedResults.StatusCode(StatusCodes.Status403Forbidden)
        : Conflict ? TypedResults.Problem(Errors.FirstOrDefault()?.Message, statusCode: StatusCodes.Status409Conflict)
        : Succeeded ? ok(Id)
        : TypedResults.ValidationProblem(Errors.GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}
