using Microsoft.Playwright;
using SkiaSharp;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// Headless Chromium whose camera films a still picture: Chromium's fake capture device plays a Y4M file (here made
/// from any image, fitted into the frame on white) and the camera permission is granted without asking. For pages
/// that scan something held up to the phone: member cards at a gate, attendance at a meeting.
/// </summary>
public sealed class FakeCamera : IAsyncDisposable
{
    readonly string video;
    IPlaywright? playwright;
    IBrowser? chromium;

    FakeCamera(string video) => this.video = video;

    /// <summary>A browser whose camera shows <paramref name="image"/> (PNG or JPEG) in a frame of the given size.</summary>
    public static async Task<FakeCamera> ShowingAsync(byte[] image, int width = 1280, int height = 720)
    {
        var file = Path.Combine(Path.GetTempPath(), $"camera-{Guid.NewGuid():N}.y4m");
        await File.WriteAllBytesAsync(file, Y4m(image, width, height));
        var camera = new FakeCamera(file);
        camera.playwright = await Playwright.CreateAsync();
        camera.chromium = await camera.playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Browser.ExecutablePath,
            Headless = true,
            Args = [.. Browser.Arguments, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={file}"],
        });
        return camera;
    }

    /// <summary>A page in a context of its own that may use the camera, resolving relative URLs against <paramref name="app"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri app)
    {
        var context = await chromium!.NewContextAsync(new() { BaseURL = app.ToString(), Permissions = ["camera"] });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The picture as two frames of uncompressed 4:2:0 video (YUV4MPEG2, full-range BT.601 as its "C420jpeg" says),
    /// which Chromium loops for as long as the camera is open.
    /// </summary>
    public static byte[] Y4m(byte[] image, int width, int height)
    {
        using var source = SKBitmap.Decode(image) ?? throw new ArgumentException("Not an image.", nameof(image));
        using var frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(SKColors.White);
            var scale = Math.Min((float)width / source.Width, (float)height / source.Height);
            var (w, h) = (source.Width * scale, source.Height * scale);
            using var picture = SKImage.FromBitmap(source);
            canvas.DrawImage(picture, SKRect.Create((width - w) / 2, (height - h) / 2, w, h), new SKSamplingOptions(SKFilterMode.Linear));
        }
        var pixels = frame.GetPixelSpan();
        var y = new byte[width * height];
        var u = new byte[width / 2 * (height / 2)];
        var v = new byte[u.Length];
        for (var row = 0; row < height; row++)
            for (var col = 0; col < width; col++)
            {
                var p = (row * width + col) * 4;
                y[row * width + col] = Clamp(0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2]);
            }
        for (var row = 0; row < height / 2; row++)
            for (var col = 0; col < width / 2; col++)
            {
                double r = 0, g = 0, b = 0;
                for (var k = 0; k < 4; k++)
                {
                    var p = ((row * 2 + k / 2) * width + col * 2 + k % 2) * 4;
                    r += pixels[p] / 4.0; g += pixels[p + 1] / 4.0; b += pixels[p + 2] / 4.0;
                }
                u[row * (width / 2) + col] = Clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
                v[row * (width / 2) + col] = Clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
            }
        using var output = new MemoryStream();
        var header = System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n");
        output.Write(header);
        for (var f = 0; f < 2; f++)
        {
            output.Write("FRAME\n"u8);
            output.Write(y);
            output.Write(u);
            output.Write(v);
        }
        return output.ToArray();
    }

    static byte Clamp(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);

    public async ValueTask DisposeAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        playwright?.Dispose();
        File.Delete(video);
    }
}
