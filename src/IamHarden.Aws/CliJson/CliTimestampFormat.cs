namespace IamHarden.Aws;

/// <summary>How timestamps are written in the AWS CLI JSON files, matching the CLI's <c>cli_timestamp_format</c>.</summary>
public enum CliTimestampFormat
{
    /// <summary><c>2023-04-01T10:00:00+00:00</c>: AWS CLI v2's default (v1 with <c>cli_timestamp_format = iso8601</c>).</summary>
    Iso8601,

    /// <summary>The value exactly as IAM sent it, e.g. <c>2023-04-01T10:00:00Z</c>: AWS CLI v1's default.</summary>
    Wire,
}
