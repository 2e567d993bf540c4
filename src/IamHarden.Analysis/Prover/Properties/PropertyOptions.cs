namespace IamHarden.Analysis.Prover.Properties;

/// <summary>The command-line switches that refine properties (verify --must-reset-password, --allow-service-calls, --allow-vpc-endpoint-calls).</summary>
public sealed record PropertyOptions
{
    /// <summary>mfa-enrollable also checks changing a password that must be reset at first sign-in.</summary>
    public bool MustResetPassword { get; init; }

    /// <summary>source-ip excepts requests an AWS service makes for the user (aws:ViaAWSService "true").</summary>
    public bool AllowServiceCalls { get; init; }

    /// <summary>source-ip excepts requests without aws:SourceIp (those through a VPC endpoint).</summary>
    public bool AllowVpcEndpointCalls { get; init; }
}
