using IamHarden.Analysis.Lint;
using IamHarden.Cli.Input;

namespace IamHarden.Cli.Commands;

/// <summary>A file lint could not read at all (missing, a directory, too large, unreadable).</summary>
public sealed record LintInputFailure(string File, string Message);

/// <summary>
/// The results of one `lint` invocation: one <see cref="LintResult"/> per file that could be read,
/// in the order given, and the files that could not be read.
/// </summary>
public sealed record LintRun(IReadOnlyList<LintResult> Results, IReadOnlyList<LintInputFailure> InputFailures)
{
    /// <summary>True when some input was missing, unreadable, not JSON or not a policy (exit code 2).</summary>
    public bool HasUnusableInput => InputFailures.Count > 0 || Results.Any(r => r.IsUnusable);

    /// <summary>Reads and lints every file, in parallel, keeping the order of <paramref name="files"/>.</summary>
    public static LintRun Execute(IReadOnlyList<string> files, LintOptions options, CancellationToken cancellationToken)
    {
        var results = new LintResult?[files.Count];
        var failures = new LintInputFailure?[files.Count];
        // Standard input is read before the parallel loop: it is one stream and must be read once.
        int stdin = files.ToList().FindIndex(IsStandardInput);
        byte[]? stdinBytes = null;
        if (stdin >= 0)
        {
            try { stdinBytes = InputFiles.ReadAllBytes("-", what: "policy file"); }
            catch (UserInputException ex) { failures[stdin] = new LintInputFailure("<stdin>", ex.Message); }
        }
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var path = files[i];
            bool isStdin = IsStandardInput(path);
            var name = isStdin ? "<stdin>" : path;
            try
            {
                var bytes = isStdin ? stdinBytes : InputFiles.ReadAllBytes(path, what: "policy file");
                if (bytes is not null) results[i] = PolicyLinter.Lint(bytes, name, options);
            }
            catch (UserInputException ex)
            {
                failures[i] = new LintInputFailure(name, ex.Message);
            }
        });
        return new LintRun([.. results.OfType<LintResult>()], [.. failures.OfType<LintInputFailure>()]);
    }

    /// <summary>"-", or what <see cref="LintArguments"/> made of it before parsing.</summary>
    public static bool IsStandardInput(string path) => path is "-" or LintArguments.StandardInput;
}
