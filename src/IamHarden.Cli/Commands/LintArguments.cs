namespace IamHarden.Cli.Commands;

/// <summary>
/// Spectre.Console.Cli reads a lone "-" as an option without a name and refuses it, so `lint -`
/// (standard input, the usual convention) would never reach the command. Before parsing, a "-"
/// among lint's arguments is replaced by <see cref="StandardInput"/>, a name no file can have,
/// and <see cref="LintRun"/> reads standard input for it.
/// </summary>
public static class LintArguments
{
    /// <summary>Stands for "-" after parsing; the NUL character cannot occur in a path.</summary>
    public const string StandardInput = "\0-";

    public static string[] ProtectStandardInput(string[] args)
    {
        if (args.Length == 0 || args[0] != "lint") return args;
        var result = (string[])args.Clone();
        for (int i = 1; i < result.Length; i++)
        {
            // "-o -" (write to standard output) keeps its meaning as an option value.
            bool isOptionValue = result[i - 1] is "-o" or "--output";
            if (result[i] == "-" && !isOptionValue) result[i] = StandardInput;
        }
        return result;
    }
}
