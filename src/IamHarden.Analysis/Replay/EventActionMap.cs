using System.Text.RegularExpressions;
using IamHarden.Core.Catalog;

namespace IamHarden.Analysis.Replay;

/// <summary>
/// Translates a CloudTrail event into the IAM action that authorized it. The default rule is the
/// service prefix of eventSource plus eventName (`iam.amazonaws.com` + `CreateUser` →
/// `iam:CreateUser`); the exceptions below are the documented ones (spec aws-iam-api.md §5.4;
/// Amazon S3 User Guide "Amazon S3 CloudTrail events" and the Service Authorization Reference for
/// the S3 action names). Names are returned in the catalog's casing when the catalog knows them.
/// </summary>
public static partial class EventActionMap
{
    /// <summary>Event sources whose IAM service prefix is not the host name's first label.</summary>
    private static readonly Dictionary<string, string> PrefixBySource = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monitoring.amazonaws.com"] = "cloudwatch",
    };

    /// <summary>S3 operations authorized by an action of another name.</summary>
    private static readonly Dictionary<string, string> S3Actions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ListBuckets"] = "ListAllMyBuckets",
        ["HeadBucket"] = "ListBucket",
        ["ListObjects"] = "ListBucket",
        ["ListObjectsV2"] = "ListBucket",
        ["ListObjectVersions"] = "ListBucketVersions",
        ["ListMultipartUploads"] = "ListBucketMultipartUploads",
        ["ListParts"] = "ListMultipartUploadParts",
        ["HeadObject"] = "GetObject",
        ["SelectObjectContent"] = "GetObject",
        ["DeleteObjects"] = "DeleteObject",
        ["CreateMultipartUpload"] = "PutObject",
        ["UploadPart"] = "PutObject",
        ["CompleteMultipartUpload"] = "PutObject",
        ["CopyObject"] = "PutObject",
        ["UploadPartCopy"] = "PutObject",
        ["GetBucketLifecycle"] = "GetLifecycleConfiguration",
        ["PutBucketLifecycle"] = "PutLifecycleConfiguration",
        ["DeleteBucketLifecycle"] = "PutLifecycleConfiguration",
        ["GetBucketEncryption"] = "GetEncryptionConfiguration",
        ["PutBucketEncryption"] = "PutEncryptionConfiguration",
        ["DeleteBucketEncryption"] = "PutEncryptionConfiguration",
        ["GetBucketReplication"] = "GetReplicationConfiguration",
        ["PutBucketReplication"] = "PutReplicationConfiguration",
        ["DeleteBucketReplication"] = "PutReplicationConfiguration",
        ["DeleteBucketCors"] = "PutBucketCORS",
        ["DeleteBucketTagging"] = "PutBucketTagging",
        ["DeleteBucketPublicAccessBlock"] = "PutBucketPublicAccessBlock",
        ["GetObjectLockConfiguration"] = "GetBucketObjectLockConfiguration",
        ["PutObjectLockConfiguration"] = "PutBucketObjectLockConfiguration",
    };

    /// <summary>The action <paramref name="record"/> stands for.</summary>
    public static EventAction For(CloudTrailRecord record)
    {
        var source = record.EventSource;
        var name = record.EventName;
        if (source.Equals("signin.amazonaws.com", StringComparison.OrdinalIgnoreCase)) return new(EventActionKind.SignIn, "signin:" + name);
        var prefix = PrefixBySource.GetValueOrDefault(source) ?? FirstLabel(source);
        switch (prefix.ToLowerInvariant())
        {
            case "sts" when name.Equals("GetCallerIdentity", StringComparison.OrdinalIgnoreCase):
                return new(EventActionKind.NeedsNoPermission, "sts:GetCallerIdentity");
            case "apigateway":
                return new(EventActionKind.NotDerivable, "apigateway:" + name);
            case "lambda":
                name = name == "Invoke" ? "InvokeFunction" : LambdaVersionSuffix().Replace(name, "");
                break;
            case "cloudfront":
                name = CloudFrontVersionSuffix().Replace(name, "");
                break;
            case "s3":
                if (name is "HeadObject" or "GetObject" && record.RequestParameters.ContainsKey("versionId")) name = "GetObjectVersion";
                else name = S3Actions.GetValueOrDefault(name) ?? name;
                break;
        }
        var action = prefix + ":" + name;
        return EventAction.Of(ActionCatalog.Default.FindAction(action)?.FullName ?? action);
    }

    private static string FirstLabel(string source)
    {
        int dot = source.IndexOf('.');
        return dot > 0 ? source[..dot] : source;
    }

    [GeneratedRegex(@"\d{8}(v\d+)?$")]
    private static partial Regex LambdaVersionSuffix();

    [GeneratedRegex(@"\d{4}_\d{2}_\d{2}$")]
    private static partial Regex CloudFrontVersionSuffix();
}
