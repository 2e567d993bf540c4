using System.ComponentModel;
using System.Globalization;
using IamHarden.Aws;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>How the commands that talk to AWS (collect, plan, apply) find the account: the AWS CLI's options and order.</summary>
public class AwsSettings : CommandSettings
{
    [CommandOption("--profile <NAME>")]
    [Description("Named profile from ~/.aws/config and ~/.aws/credentials (static keys, assume-role, SSO, credential_process). Default: the standard chain (environment, AWS_PROFILE, [[default]], web identity, container, EC2 metadata).")]
    public string? Profile { get; init; }

    [CommandOption("--region <REGION>")]
    [Description("Region (chooses the partition and the STS endpoint; IAM is global). Default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1.")]
    public string? Region { get; init; }

    [CommandOption("--endpoint-url <URL>")]
    [Description("Send IAM and STS requests here instead of AWS (e.g. a moto server: http://127.0.0.1:5000).")]
    public string? EndpointUrl { get; init; }

    public override ValidationResult Validate()
    {
        if (EndpointUrl is not null && (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return ValidationResult.Error($"--endpoint-url must be an absolute http:// or https:// URL; found \"{EndpointUrl}\"");
        return ValidationResult.Success();
    }

    /// <summary>The client options; AWS_MAX_ATTEMPTS (as the AWS CLI reads it) sets the attempts per request.</summary>
    public AwsClientOptions ToClientOptions(Action<AwsRetryNotice>? onRetry = null)
    {
        var retry = new AwsRetryOptions();
        if (Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS") is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) || attempts < 1)
                throw new UserInputException($"AWS_MAX_ATTEMPTS must be a whole number of at least 1; found \"{text}\"");
            retry = retry with { MaxAttempts = attempts };
        }
        return new AwsClientOptions
        {
            Profile = Profile,
            Region = Region,
            EndpointUrl = EndpointUrl is null ? null : new Uri(EndpointUrl),
            Retry = retry,
            OnRetry = onRetry,
        };
    }

    /// <summary>Connects (credentials and endpoints are resolved; no request is sent yet).</summary>
    public Task<AwsSession> ConnectAsync(CancellationToken cancellationToken, Action<AwsRetryNotice>? onRetry = null) =>
        AwsSession.ConnectAsync(ToClientOptions(onRetry), cancellationToken);
}
