using Spectre.Console;

namespace IamHarden.Cli.Rendering;

/// <summary>Writes a command's output to standard output or a file, never replacing an existing file unless asked to.</summary>
public static class OutputTarget
{
    public static void Write(string? path, string content, bool overwrite)
    {
        if (path is null or "-")
        {
            Console.Out.Write(content);
            Console.Out.Flush();
            return;
        }
        EnsureWritable(path, overwrite);
        // Write next to the target and move into place, so a failure never leaves half a file.
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Renders for people: to the terminal (colours as it supports them), or to a file as plain
    /// text 200 columns wide, with the rules of <see cref="Write"/>.
    /// </summary>
    public static void WriteRendered(string? path, bool overwrite, Action<IAnsiConsole> render)
    {
        if (path is null or "-")
        {
            render(AnsiConsole.Console);
            return;
        }
        EnsureWritable(path, overwrite);
        var recorder = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(recorder),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;
        render(console);
        Write(path, recorder.ToString(), overwrite);
    }

    /// <summary>
    /// Throws the error <see cref="Write"/> would throw for <paramref name="path"/> (an existing file
    /// without <paramref name="overwrite"/>, a missing directory), so a command can refuse before it
    /// does the work rather than after. Standard output (null or "-") is always writable.
    /// </summary>
    public static void EnsureWritable(string? path, bool overwrite)
    {
        if (path is null or "-") return;
        if (File.Exists(path) && !overwrite)
            throw new UserInputException($"{path}: the file already exists; pass --force to replace it");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
            throw new UserInputException($"{path}: the directory {directory} does not exist");
    }

    /// <summary>Streams output to standard output or a file, with the same rules: the file appears only when <paramref name="write"/> completes.</summary>
    public static void Stream(string? path, bool overwrite, Action<Stream> write)
    {
        if (path is null or "-")
        {
            using var stdout = Console.OpenStandardOutput();
            write(stdout);
            return;
        }
        EnsureWritable(path, overwrite);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var file = File.Create(temporary)) write(file);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
