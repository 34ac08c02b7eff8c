using System.Security.Cryptography;
using System.Text;
using Sangathan.Data;

namespace Sangathan.Platform;

/// <summary>A random secret kept in a file of the data folder, for a setting left empty on a single server.</summary>
public static class SecretFile
{
    /// <summary>
    /// The 32-byte key of one use (<paramref name="info"/> keeps each use's key apart), derived from the configured
    /// secret, or with none configured from one kept in the data folder's <paramref name="fileName"/>, which suits a
    /// single server only and is warned about.
    /// </summary>
    public static byte[] Key(string configured, string setting, string fileName, string info, IHostEnvironment host, DatabaseOptions database, ILogger logger)
    {
        var secret = configured;
        if (secret.Length == 0)
        {
            var file = Path.GetFullPath(Path.Combine(host.ContentRootPath, database.DataFolder, fileName));
            secret = ReadOrCreate(file);
            logger.LogWarning("{Setting} is not set: the secret in {File} is used instead; give every server the same one in production", setting, file);
        }
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.UTF8.GetBytes(info));
    }

    public static string ReadOrCreate(string file)
    {
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            // A move that never overwrites: of two processes starting together, both keep the first one's secret.
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temp);
        }
        return File.ReadAllText(file).Trim();
    }
}
