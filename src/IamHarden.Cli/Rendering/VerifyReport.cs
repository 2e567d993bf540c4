using IamHarden.Analysis.Prover;

namespace IamHarden.Cli.Rendering;

/// <summary>What `verify` proved, with what it needs to print replayable counterexamples.</summary>
public sealed record VerifyReport(IReadOnlyList<PropertyResult> Results, IReadOnlyList<string> PolicyFiles, string? Boundary, IReadOnlyList<string> Scps, ProverPrincipal Principal, string Solver)
{
    public string SimulateCommand(ProverCounterexample counterexample) =>
        SimulateCommandLine.For(counterexample.Request, PolicyFiles, Boundary, Scps);
}
