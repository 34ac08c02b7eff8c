using System.Security.Cryptography;

namespace Sangathan.Data;

/// <summary>
/// A secret the app makes for itself when none is configured, kept in a file of the data folder readable by its owner
/// only: enough for one server (the demo); several servers must be given the same secret in configuration.
/// </summary>
public static class SecretFiles
{
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
