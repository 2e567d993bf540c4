namespace IamHarden.Cli.Commands;

/// <summary>
/// `simulate --requests -` (and `--policy -`) read standard input, but Spectre.Console.Cli reads
/// a lone "-" as an option without a name and refuses it. Before parsing, a "-" that is the value
/// of one of simulate's file options becomes <see cref="LintArguments.StandardInput"/>, which
/// <see cref="Input.InputFiles"/> reads as standard input.
/// </summary>
public static class SimulateArguments
{
    private static readonly string[] FileOptions =
        ["--requests", "-p", "--policy", "--boundary", "--scp", "--rcp", "--session-policy", "--resource-policy"];

    public static string[] ProtectStandardInput(string[] args)
    {
        if (args.Length == 0 || args[0] != "simulate") return args;
        var result = (string[])args.Clone();
        for (int i = 2; i < result.Length; i++)
            if (result[i] == "-" && FileOptions.Contains(result[i - 1])) result[i] = LintArguments.StandardInput;
        return result;
    }
}
