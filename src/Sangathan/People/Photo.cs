namespace Sangathan.People;

/// <summary>Image bytes kept apart from people so that lists never read them; shared by content hash.</summary>
public sealed class Photo
{
    public int Id { get; set; }
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }

    /// <summary>A small square JPEG for avatars, so lists never send the photo itself; made on first use if missing.</summary>
    public byte[]? Thumbnail { get; set; }
}
