using IamHarden.Analysis.Configuration;
using IamHarden.Aws;
using IamHarden.Aws.Apply;
using IamHarden.Cli.Input;

namespace IamHarden.Cli.Commands;

/// <summary>What plan and apply do before deciding anything: read the desired state, read the account, plan and guard.</summary>
internal static class GuardrailRun
{
    public static DesiredState ReadDesired(string path)
    {
        try
        {
            return DesiredState.FromConfig(ConfigReader.Read(path));
        }
        catch (ConfigException e)
        {
            throw new UserInputException(e.Message) { IsPositioned = true };
        }
    }

    public static async Task<PreparedApply> PrepareAsync(AwsSession session, DesiredState desired, GuardrailSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var scps = PolicyFiles.LoadServiceControlPolicies(settings.Scps, Console.Error);
            return await PreparedApply.PrepareAsync(session, desired, settings.ParsedCallerIp, new CallerIpDetector(), cancellationToken, scps, settings.MfaSession);
        }
        catch (ConfigException e)
        {
            throw new UserInputException(e.Message) { IsPositioned = true };
        }
        catch (CallerCredentialsException e)
        {
            throw new UserInputException(e.Message);
        }
    }
}
