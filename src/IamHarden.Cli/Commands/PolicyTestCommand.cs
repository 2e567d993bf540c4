using IamHarden.Analysis.Prover;
using IamHarden.Analysis.Prover.PolicyTests;
using IamHarden.Analysis.Prover.Z3;
using IamHarden.Cli.Rendering;

namespace IamHarden.Cli.Commands;

/// <summary>`verify --tests FILE.yaml [--junit FILE]`: a policy test file's requests and properties, for people and CI.</summary>
internal static class PolicyTestCommand
{
    public static int Run(VerifySettings settings)
    {
        PolicyTestFile file;
        try
        {
            file = PolicyTestFileReader.Read(settings.Tests!);
        }
        catch (PolicyTestFileException ex)
        {
            throw new UserInputException(ex.Message) { Details = ex.Details, IsPositioned = ex.Message.Contains(": error ") };
        }
        if (file.Cases.OfType<PropertyTestCase>().Any()) VerifyCommand.EnsureSolver();
        IReadOnlyList<PolicyTestResult> results;
        try
        {
            results = PolicyTestRunner.Run(file);
        }
        catch (ProverInputException ex)
        {
            throw new UserInputException($"{settings.Tests}: {ex.Message}");
        }
        var solver = Z3Library.IsAvailable ? "Z3 " + Z3Library.Version : "no solver";
        OutputTarget.Write(settings.Output, settings.Format == "json" ? PolicyTestJsonWriter.Write(file, results) : PolicyTestTextRenderer.Render(file, results), settings.Force);
        if (settings.JUnit is not null) OutputTarget.Write(settings.JUnit, JUnitXmlWriter.Write(file, results, solver), settings.Force);
        if (results.Any(r => r.Proof?.Verdict == Verdict.InternalError)) return ExitCodes.InternalError;
        return results.All(r => r.Outcome == PolicyTestOutcome.Passed) ? ExitCodes.Success : ExitCodes.Findings;
    }
}
