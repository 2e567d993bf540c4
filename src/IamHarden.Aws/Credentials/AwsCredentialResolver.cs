using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace IamHarden.Aws;

/// <summary>
/// Finds credentials the way the AWS CLI does: explicit credentials, else a named profile (<c>--profile</c>) from the
/// shared config files, else the SDK's default chain (environment, web identity, AWS_PROFILE / [default] profile,
/// SSO with a cached login, container and EC2 metadata). Failures become <see cref="AwsCredentialsException"/> with
/// the SDK's reasons, never an unbounded wait: resolution and the first fetch of keys share one timeout.
/// </summary>
public static class AwsCredentialResolver
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>Resolves credentials and region for <paramref name="options"/>, and fetches the keys once to prove they work locally.</summary>
    public static async Task<ResolvedCredentials> ResolveAsync(AwsClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CredentialResolutionTimeout);
        try
        {
            var (credentials, profileRegion, source) = await FindAsync(options, timeout.Token).ConfigureAwait(false);
            // Refreshing credential kinds (assume-role, SSO, process, metadata) only fail when first used; fetch the
            // keys now so a bad setup is reported as a credentials problem rather than in the middle of a request.
            await credentials.GetCredentialsAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
            return new ResolvedCredentials(credentials, ChooseRegion(options.Region, profileRegion), source);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCredentialsException(
                $"Resolving AWS credentials did not finish within {options.CredentialResolutionTimeout.TotalSeconds:0} s " +
                "(an unreachable metadata service, SSO portal or STS endpoint?). Set AWS_EC2_METADATA_DISABLED=true " +
                "when not on EC2, or pass --profile.");
        }
        catch (AmazonClientException e)
        {
            throw new AwsCredentialsException(Explain(e.Message, options.Profile), e);
        }
        catch (AmazonServiceException e)
        {
            throw new AwsCredentialsException(
                $"AWS refused to issue credentials for {(options.Profile is null ? "the default credential chain" : $"profile '{options.Profile}'")}: {e.Message}", e);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("could not be found or loaded", StringComparison.Ordinal))
        {
            throw new AwsCredentialsException($"This kind of profile needs an SDK part that is missing: {e.Message}", e);
        }
    }

    private static async Task<(AWSCredentials Credentials, string? ProfileRegion, string Source)> FindAsync(
        AwsClientOptions options, CancellationToken cancellationToken)
    {
        if (options.Credentials is { } explicitCredentials)
            return (explicitCredentials, null, $"explicit credentials ({explicitCredentials.GetType().Name})");

        var store = options.SharedCredentialsFile is null
            ? new CredentialProfileStoreChain()
            : new CredentialProfileStoreChain(options.SharedCredentialsFile);

        if (options.Profile is { } name)
        {
            if (!store.TryGetProfile(name, out var profile))
            {
                var known = store.ListProfiles().Select(p => p.Name).Distinct().Order(StringComparer.Ordinal).ToList();
                throw new AwsCredentialsException(
                    $"The AWS profile '{name}' was not found in the shared config or credentials file. " +
                    (known.Count == 0 ? "No profiles are configured." : $"Known profiles: {string.Join(", ", known)}."));
            }
            if (!store.TryGetAWSCredentials(name, out var credentials))
                throw new AwsCredentialsException(
                    $"The AWS profile '{name}' has no usable credentials (no keys, role, SSO session or credential_process).");
            AttachMfaPrompt(name, credentials, options.MfaTokenCodeProvider);
            return (credentials, profile.Region?.SystemName, $"profile '{name}' ({credentials.GetType().Name})");
        }

        var resolved = await new DefaultAWSCredentialsIdentityResolver()
            .ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        string? defaultProfileRegion = null;
        var defaultProfileName = DefaultAWSCredentialsIdentityResolver.GetProfileName();
        if (!string.IsNullOrEmpty(defaultProfileName) && store.TryGetProfile(defaultProfileName, out var defaultProfile))
            defaultProfileRegion = defaultProfile.Region?.SystemName;
        return (resolved, defaultProfileRegion, $"default credential chain ({resolved.GetType().Name})");
    }

    private static void AttachMfaPrompt(string profile, AWSCredentials credentials, Func<string>? provider)
    {
        if (credentials is not AssumeRoleAWSCredentials assumeRole || string.IsNullOrEmpty(assumeRole.Options?.MfaSerialNumber))
            return;
        if (provider is null)
            throw new AwsCredentialsException(
                $"The AWS profile '{profile}' assumes a role that requires MFA ({assumeRole.Options.MfaSerialNumber}), " +
                "and no way to ask for the code was given. Run interactively, or use credentials from " +
                "'aws sts get-session-token --serial-number … --token-code …' in the environment.");
        assumeRole.Options.MfaTokenCodeCallback = provider;
    }

    internal static string ChooseRegion(string? explicitRegion, string? profileRegion)
    {
        // The same order as the AWS CLI: --region, then the environment, then the profile.
        foreach (var candidate in new[]
                 {
                     explicitRegion,
                     Environment.GetEnvironmentVariable("AWS_REGION"),
                     Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"),
                     profileRegion,
                 })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
                return candidate.Trim();
        }
        return DefaultRegion;
    }

    private static string Explain(string sdkMessage, string? profile)
    {
        if (sdkMessage.Contains("is an SSO profile", StringComparison.Ordinal))
            return $"{sdkMessage} Run 'aws sso login{(profile is null ? "" : $" --profile {profile}")}' first: IamHarden never starts an interactive SSO login.";
        if (sdkMessage.Contains("requires an MFA", StringComparison.Ordinal))
            return $"{sdkMessage} Pass the profile explicitly with --profile so IamHarden can ask for the MFA code.";
        if (sdkMessage.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal))
            return "No AWS credentials were found. Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, pass --profile, or " +
                   $"configure a [default] profile. What each source said: {sdkMessage}";
        return $"AWS credentials could not be resolved: {sdkMessage}";
    }
}
