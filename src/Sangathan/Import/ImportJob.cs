namespace Sangathan.Import;

public enum ImportState { NeedsMapping = 1, Checking = 2, Checked = 3, Committing = 4, Committed = 5, Failed = 6 }

/// <summary>
/// One uploaded file and where its import stands. The file itself is kept (<see cref="ImportFile"/>) so that a
/// check or a commit can run in the background, and resume from its checkpoint after the server stops.
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string FileSha256 { get; set; }
    public long FileBytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who uploaded it: only they and the war room see the job, and its commit runs with their rights.</summary>
    public required string ActorLabel { get; set; }
    public int? PersonId { get; set; }
    public int? StaffId { get; set; }
    public string? Roles { get; set; }

    public ImportState State { get; set; }
    public string? HeaderSignature { get; set; }

    /// <summary>Column index to field key, as JSON: recognized headers plus whatever the user mapped.</summary>
    public string? Mapping { get; set; }
    public int HeaderRow { get; set; }

    public int Rows { get; set; }
    public int Processed { get; set; }
    public int Creates { get; set; }
    public int Updates { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int Duplicates { get; set; }

    /// <summary>The last row number the commit saved: a resumed commit starts after it.</summary>
    public int CommittedThrough { get; set; }
    public int Resumes { get; set; }

    /// <summary>Why it failed, as an English template the report translates.</summary>
    public string? Failure { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The uploaded bytes, apart from the job so that lists of jobs never read them.</summary>
public sealed class ImportFile
{
    public int JobId { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A remembered column mapping, for the next file of the same shape (same headers in the same order).</summary>
public sealed class ImportMapping
{
    public required string Signature { get; set; }
    public required string Mapping { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
