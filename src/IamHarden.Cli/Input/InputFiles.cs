namespace IamHarden.Cli.Input;

/// <summary>Reads files (or standard input for "-") with clear errors and a size guard.</summary>
public static class InputFiles
{
    /// <summary>Policy files larger than this are refused before parsing (IAM's own limit is far smaller).</summary>
    public const long MaxPolicyFileBytes = 1024 * 1024;

    /// <summary>"-", or the stand-in the argument guards put in its place before option parsing.</summary>
    public static bool IsStandardInput(string path) => path is "-" or Commands.LintArguments.StandardInput;

    public static byte[] ReadAllBytes(string path, long maxBytes = MaxPolicyFileBytes, string what = "file")
    {
        if (IsStandardInput(path))
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stdin.Read(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes) throw TooLarge("<stdin>", buffer.Length, maxBytes, what);
            }
            return buffer.ToArray();
        }
        var info = new FileInfo(path);
        if (Directory.Exists(path)) throw new UserInputException($"{path}: is a directory; expected a {what}");
        if (!info.Exists) throw new UserInputException($"{path}: no such {what}");
        if (info.Length > maxBytes) throw TooLarge(path, info.Length, maxBytes, what);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot read the {what}: {ex.Message}");
        }
    }

    public static Stream OpenRead(string path, string what = "file")
    {
        if (IsStandardInput(path)) return Console.OpenStandardInput();
        if (Directory.Exists(path)) throw new UserInputException($"{path}: is a directory; expected a {what}");
        if (!File.Exists(path)) throw new UserInputException($"{path}: no such {what}");
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot read the {what}: {ex.Message}");
        }
    }

    private static UserInputException TooLarge(string path, long size, long max, string what) =>
        new($"{path}:1:1: the {what} is {size / 1024.0 / 1024.0:0.#} MB; at most {max / 1024} KB is accepted (IAM policies are at most a few KB)");
}
