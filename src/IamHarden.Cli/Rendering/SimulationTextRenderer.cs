using IamHarden.Core.Evaluation;
using Spectre.Console;

namespace IamHarden.Cli.Rendering;

/// <summary>The human-readable answer of `simulate`: the decision in colour, then why.</summary>
public static class SimulationTextRenderer
{
    public static void Render(AuthorizationRequest request, EvaluationResult result)
    {
        var colour = result.Decision switch
        {
            Decision.Allowed => "green",
            Decision.ExplicitDeny => "red",
            Decision.ImplicitDeny => "yellow",
            _ => "red",
        };
        AnsiConsole.MarkupLine($"[bold {colour}]{result.Decision.AwsName()}[/]  {Markup.Escape(request.Action)} on {Markup.Escape(request.Resource)} by {Markup.Escape(request.Principal.Arn)}");
        if (result.Decision == Decision.Error)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(result.Error ?? "")}");
            return;
        }
        if (result.Decision == Decision.ImplicitDeny)
            AnsiConsole.MarkupLine($"  {Markup.Escape(result.Explain())}");
        foreach (var statement in result.MatchedStatements)
            AnsiConsole.MarkupLine($"  {(statement.Effect == Core.Policy.Effect.Deny ? "denied" : "allowed")} by {Markup.Escape(statement.ToString())}");
        if (result.MissingContextKeys.Length > 0)
            AnsiConsole.MarkupLine($"  [grey]context keys the policies read but the request does not carry: {Markup.Escape(string.Join(", ", result.MissingContextKeys))}[/]");
    }
}
