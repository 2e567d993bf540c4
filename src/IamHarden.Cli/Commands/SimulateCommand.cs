using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Cli.Input;
using IamHarden.Cli.Rendering;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Simulation;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>`simulate`: decide one request, or stream a JSONL batch, exactly as AWS evaluates policies.</summary>
public sealed class SimulateCommand : Command<SimulateSettings>
{
    public override int Execute(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        var userPolicies = settings.User is null ? null : SnapshotUser.Load(settings.Snapshot, settings.Sample, settings.User);
        var principalArn = settings.Principal ?? userPolicies?.User.Arn ?? "arn:aws:iam::123456789012:user/alice";
        if (!PrincipalIdentity.TryParse(principalArn, out var principal))
            throw new UserInputException($"--principal \"{principalArn}\": expected an ARN such as arn:aws:iam::123456789012:user/alice or arn:aws:sts::123456789012:assumed-role/Role/session");

        var policies = new PolicySet
        {
            Identity = [.. userPolicies?.Policies.Identity ?? [], .. PolicyFiles.LoadAll(settings.Policies, PolicyKind.Identity)],
            PermissionsBoundary = settings.Boundary is null ? userPolicies?.Policies.PermissionsBoundary : PolicyFiles.Load(settings.Boundary, PolicyKind.PermissionsBoundary),
            ServiceControlPolicyLevels = settings.Scps.Length == 0 ? [] : [PolicyFiles.LoadAll(settings.Scps, PolicyKind.ServiceControl)],
            ResourceControlPolicies = PolicyFiles.LoadAll(settings.Rcps, PolicyKind.ResourceControl),
            SessionPolicy = settings.SessionPolicy is null ? null : PolicyFiles.Load(settings.SessionPolicy, PolicyKind.Session),
            ResourcePolicy = settings.ResourcePolicy is null ? null : PolicyFiles.Load(settings.ResourcePolicy, PolicyKind.Resource),
        };

        if (settings.Requests is not null) return RunBatch(settings, policies, principal);

        if (AuthorizationRequest.ActionProblem(settings.Action!) is { } actionProblem) throw new UserInputException($"--action: {actionProblem}");
        if (AuthorizationRequest.ResourceProblem(settings.Resource) is { } resourceProblem) throw new UserInputException($"--resource: {resourceProblem}");
        var requestContext = ContextArguments.Parse(settings.Context);
        if (settings.DeriveContext) PrincipalContext.AddDerivedKeys(requestContext, principal);
        var request = new AuthorizationRequest(principal, settings.Action!, settings.Resource, requestContext) { ResourceAccount = settings.ResourceAccount };
        var result = PolicyEvaluator.Evaluate(policies, request);

        if (settings.Output == "json" || settings.Output == "jsonl") WriteJson(request, result);
        else SimulationTextRenderer.Render(request, result);
        return result.Decision == Decision.Error ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static int RunBatch(SimulateSettings settings, PolicySet policies, PrincipalIdentity principal)
    {
        using var input = InputFiles.OpenRead(settings.Requests!, "requests file");
        using var output = Console.OpenStandardOutput();
        var simulator = new BatchSimulator(policies, new BatchLineParser(principal, settings.ResourceAccount));
        try
        {
            simulator.Run(input, output, settings.Explain);
        }
        catch (BatchLineTooLongException ex)
        {
            var name = InputFiles.IsStandardInput(settings.Requests!) ? "<stdin>" : settings.Requests;
            throw new UserInputException($"{name}:{ex.LineNumber}:1: error LINE_TOO_LONG: {ex.Message}") { IsPositioned = true };
        }
        return ExitCodes.Success;
    }

    private static void WriteJson(AuthorizationRequest request, EvaluationResult result)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("decision", result.Decision.AwsName());
            if (result.Error is not null) json.WriteString("error", result.Error);
            json.WriteString("principal", request.Principal.Arn);
            json.WriteString("action", request.Action);
            json.WriteString("resource", request.Resource);
            SimulationJson.WriteReasons(json, result);
            json.WriteEndObject();
        }
        stdout.Write("\n"u8);
    }
}
