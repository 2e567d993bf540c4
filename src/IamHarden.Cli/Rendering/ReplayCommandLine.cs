using IamHarden.Analysis.Replay;
using IamHarden.Core.Evaluation;

namespace IamHarden.Cli.Rendering;

/// <summary>The `simulate` command that reproduces a replayed refusal.</summary>
public static class ReplayCommandLine
{
    /// <summary>
    /// The command for an explicit deny (the proposed policies alone deny it, whatever else the
    /// caller holds); null for an implicit deny, which depends on permissions the trail does not show.
    /// Generated policies are named "NAME.json", as `iamharden policy ... -o NAME.json` writes them.
    /// </summary>
    public static string? For(ReplayedEvent e)
    {
        if (e.Result.Decision != Decision.ExplicitDeny) return null;
        var policies = e.Applied.Select(p => (p.Placement switch
        {
            PolicyPlacement.PermissionsBoundary => "--boundary",
            PolicyPlacement.ServiceControl => "--scp",
            _ => "--policy",
        }, p.SourceFile ?? p.Policy.Name + ".json"));
        return SimulateCommandLine.For(e.Request, policies);
    }
}
