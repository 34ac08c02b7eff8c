using Sangathan.Membership;
using SkiaSharp;

namespace Sangathan.Tests.Membership;

public sealed class MemberPhotoTests
{
    [Fact]
    public void AShrunkPhoneJpegIsKeptAsItCameWithoutItsMetadataOrAnythingAppended()
    {
        byte[] hidden = [.. "PK\u0003\u0004 a zip riding behind the picture"u8];
        var upload = TestPhotos.Jpeg(400, 300).Concat(hidden).ToArray();
        var (photo, error) = MemberPhoto.Check(upload);
        Assert.Null(error);
        var kept = System.Text.Encoding.Latin1.GetString(photo!.Jpeg);
        Assert.DoesNotContain(TestPhotos.ExifMarker, kept);
        Assert.DoesNotContain("a zip riding", kept);
        Assert.Equal(upload.Length - hidden.Length - TestPhotos.ExifBytes, photo.Jpeg.Length);
        using var decoded = SKBitmap.Decode(photo.Jpeg);
        Assert.Equal((400, 300), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void ALargePhotoIsShrunkAndTheSamePictureHashesAlikeEitherWay()
    {
        var large = TestPhotos.Jpeg(1280, 960, seed: 7);
        var (shrunk, _) = MemberPhoto.Check(large);
        using var decoded = SKBitmap.Decode(shrunk!.Jpeg);
        Assert.Equal((480, 360), (decoded.Width, decoded.Height));
        var (again, _) = MemberPhoto.Check(shrunk.Jpeg);
        Assert.True(MemberPhoto.Distance(shrunk.Hash, again!.Hash) <= 6, "the same picture, shrunk or not, hashes nearly alike");
        var (other, _) = MemberPhoto.Check(TestPhotos.Jpeg(640, 480, seed: 8, gradient: false));
        Assert.True(MemberPhoto.Distance(shrunk.Hash, other!.Hash) > 10, "another picture hashes apart");
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("truncated")]
    [InlineData("tiny")]
    [InlineData("empty")]
    public void WhatIsNotAWholePhotoIsRefused(string kind)
    {
        var bytes = kind switch
        {
            "pdf" => TestPhotos.Pdf(),
            "truncated" => TestPhotos.Jpeg(400, 300)[..900],
            "tiny" => TestPhotos.Jpeg(16, 16),
            _ => [],
        };
        var (photo, error) = MemberPhoto.Check(bytes);
        Assert.Null(photo);
        Assert.NotNull(error);
    }
}
