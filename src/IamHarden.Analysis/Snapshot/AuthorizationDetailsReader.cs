using System.Text.Json;
using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Snapshot;

/// <summary>
/// Reads authorization-details.json exactly as `aws iam get-account-authorization-details` writes
/// it (spec aws-iam-api.md §3): users, groups, roles and managed policies with their documents
/// (JSON objects, or URL-encoded strings when the CLI could not decode them). Tolerant of what
/// real accounts hold (paths, boundaries, tags, many versions, extra members); strict about
/// broken structure, with file and line in every error.
/// </summary>
internal sealed class AuthorizationDetailsReader
{
    private readonly byte[] _bytes;
    private readonly SourceText _source;
    private readonly PolicyDocumentCache _cache = new();
    private readonly List<SnapshotWarning> _warnings;
    private readonly string _fileName;

    public AuthorizationDetailsReader(byte[] bytes, string fileName, List<SnapshotWarning> warnings)
    {
        _bytes = bytes;
        _fileName = fileName;
        _source = new SourceText(bytes, fileName);
        _warnings = warnings;
    }

    public List<IamUser> Users { get; } = [];
    public List<IamGroup> Groups { get; } = [];
    public List<IamRole> Roles { get; } = [];
    public Dictionary<string, ManagedPolicy> Policies { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset? Newest { get; private set; }

    /// <summary>Where each ARN was first described: the CLI merges pages into one list, so a repeat means a damaged file.</summary>
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    /// <summary>Principals whose policies could not be parsed: their effective permissions are unknown.</summary>
    public HashSet<string> UnparsablePolicyHolders { get; } = new(StringComparer.Ordinal);

    public void Read()
    {
        if (_bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            throw new SnapshotException($"{_fileName}:1:1: the file is empty; expected the JSON written by 'aws iam get-account-authorization-details'");
        var cursor = new JsonCursor(_bytes, _source);
        cursor.Read();
        bool sawAny = false;
        cursor.Object("the output of get-account-authorization-details", (ref JsonCursor c, string name) =>
        {
            switch (name)
            {
                case "UserDetailList": sawAny = true; c.Array("UserDetailList", (ref JsonCursor u) => Users.Add(ReadUser(ref u))); break;
                case "GroupDetailList": sawAny = true; c.Array("GroupDetailList", (ref JsonCursor g) => Groups.Add(ReadGroup(ref g))); break;
                case "RoleDetailList": sawAny = true; c.Array("RoleDetailList", (ref JsonCursor r) => Roles.Add(ReadRole(ref r))); break;
                case "Policies": sawAny = true; c.Array("Policies", (ref JsonCursor p) => ReadPolicy(ref p)); break;
                case "IsTruncated":
                    if (c.Bool("IsTruncated"))
                        throw c.Error("IsTruncated is true: this is one page of a paginated answer, so users and policies are missing; run the AWS CLI without --max-items (it merges every page)");
                    break;
                default: c.Skip(); break;
            }
        });
        if (!sawAny)
            throw new SnapshotException($"{_fileName}:1:1: none of UserDetailList, GroupDetailList, RoleDetailList or Policies is present; this is not the output of 'aws iam get-account-authorization-details'");
    }

    private IamUser ReadUser(ref JsonCursor c)
    {
        string name = "", path = "/", arn = "", id = "";
        DateTimeOffset? created = null;
        string? boundary = null;
        var groups = new List<string>();
        var inline = new List<(string Name, ReadOnlyMemory<byte> Json, bool Encoded, int Line)>();
        var attached = new List<AttachedPolicy>();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        int line = c.Line;
        var self = this;
        c.Object("a user", (ref JsonCursor m, string member) =>
        {
            switch (member)
            {
                case "UserName": name = m.String("UserName"); break;
                case "Path": path = m.String("Path"); break;
                case "Arn": arn = m.String("Arn"); break;
                case "UserId": id = m.String("UserId"); break;
                case "CreateDate": created = m.Date("CreateDate"); self.Seen(created); break;
                case "GroupList": m.Array("GroupList", (ref JsonCursor g) => groups.Add(g.String("a group name"))); break;
                case "UserPolicyList": m.Array("UserPolicyList", (ref JsonCursor p) => inline.Add(self.ReadInlineReference(ref p))); break;
                case "AttachedManagedPolicies": m.Array("AttachedManagedPolicies", (ref JsonCursor p) => attached.Add(ReadAttached(ref p))); break;
                case "PermissionsBoundary": boundary = ReadBoundary(ref m); break;
                case "Tags": m.Array("Tags", (ref JsonCursor t) => { var (k, v) = ReadTag(ref t); tags[k] = v; }); break;
                default: m.Skip(); break;
            }
        });
        if (name.Length == 0 || arn.Length == 0) throw new SnapshotException($"{_fileName}:{line}: a user without UserName or Arn");
        Unique(arn, line, "user " + name);
        return new IamUser(name, path, arn, id, created, groups, ParseInline(inline, arn, "user " + name), attached, boundary, tags);
    }

    private IamGroup ReadGroup(ref JsonCursor c)
    {
        string name = "", path = "/", arn = "", id = "";
        var inline = new List<(string, ReadOnlyMemory<byte>, bool, int)>();
        var attached = new List<AttachedPolicy>();
        int line = c.Line;
        var self = this;
        c.Object("a group", (ref JsonCursor m, string member) =>
        {
            switch (member)
            {
                case "GroupName": name = m.String("GroupName"); break;
                case "Path": path = m.String("Path"); break;
                case "Arn": arn = m.String("Arn"); break;
                case "GroupId": id = m.String("GroupId"); break;
                case "CreateDate": self.Seen(m.Date("CreateDate")); break;
                case "GroupPolicyList": m.Array("GroupPolicyList", (ref JsonCursor p) => inline.Add(self.ReadInlineReference(ref p))); break;
                case "AttachedManagedPolicies": m.Array("AttachedManagedPolicies", (ref JsonCursor p) => attached.Add(ReadAttached(ref p))); break;
                default: m.Skip(); break;
            }
        });
        if (name.Length == 0 || arn.Length == 0) throw new SnapshotException($"{_fileName}:{line}: a group without GroupName or Arn");
        Unique(arn, line, "group " + name);
        return new IamGroup(name, path, arn, id, ParseInline(inline, arn, "group " + name), attached);
    }

    private IamRole ReadRole(ref JsonCursor c)
    {
        string name = "", path = "/", arn = "", id = "";
        string? boundary = null;
        DateTimeOffset? lastUsed = null;
        (ReadOnlyMemory<byte> Json, bool Encoded, int Line)? trust = null;
        var inline = new List<(string, ReadOnlyMemory<byte>, bool, int)>();
        var attached = new List<AttachedPolicy>();
        int line = c.Line;
        var self = this;
        c.Object("a role", (ref JsonCursor m, string member) =>
        {
            switch (member)
            {
                case "RoleName": name = m.String("RoleName"); break;
                case "Path": path = m.String("Path"); break;
                case "Arn": arn = m.String("Arn"); break;
                case "RoleId": id = m.String("RoleId"); break;
                case "CreateDate": self.Seen(m.Date("CreateDate")); break;
                case "AssumeRolePolicyDocument": trust = self.ReadDocument(ref m); break;
                case "RolePolicyList": m.Array("RolePolicyList", (ref JsonCursor p) => inline.Add(self.ReadInlineReference(ref p))); break;
                case "AttachedManagedPolicies": m.Array("AttachedManagedPolicies", (ref JsonCursor p) => attached.Add(ReadAttached(ref p))); break;
                case "PermissionsBoundary": boundary = ReadBoundary(ref m); break;
                case "RoleLastUsed":
                    m.Object("RoleLastUsed", (ref JsonCursor r, string f) => { if (f == "LastUsedDate") lastUsed = r.Date("LastUsedDate"); else r.Skip(); });
                    break;
                default: m.Skip(); break;
            }
        });
        if (name.Length == 0 || arn.Length == 0) throw new SnapshotException($"{_fileName}:{line}: a role without RoleName or Arn");
        Unique(arn, line, "role " + name);
        PolicyDocument? trustDocument = null;
        if (trust is { } t) trustDocument = ParseDocument(t.Json, t.Encoded, t.Line, $"trust policy of role {name}", arn, PolicyKind.Trust);
        return new IamRole(name, path, arn, id, trustDocument, ParseInline(inline, arn, "role " + name), attached, boundary, lastUsed);
    }

    private void ReadPolicy(ref JsonCursor c)
    {
        string name = "", arn = "", path = "/", defaultVersion = "";
        int attachments = 0, versions = 0, defaults = 0;
        (ReadOnlyMemory<byte> Json, bool Encoded, int Line)? document = null;
        int line = c.Line;
        var self = this;
        c.Object("a managed policy", (ref JsonCursor m, string member) =>
        {
            switch (member)
            {
                case "PolicyName": name = m.String("PolicyName"); break;
                case "Arn": arn = m.String("Arn"); break;
                case "Path": path = m.String("Path"); break;
                case "DefaultVersionId": defaultVersion = m.String("DefaultVersionId"); break;
                case "AttachmentCount": attachments = (int)m.Integer("AttachmentCount"); break;
                case "CreateDate" or "UpdateDate": self.Seen(m.Date(member)); break;
                case "PolicyVersionList":
                    m.Array("PolicyVersionList", (ref JsonCursor v) =>
                    {
                        versions++;
                        bool isDefault = false;
                        (ReadOnlyMemory<byte>, bool, int)? versionDocument = null;
                        v.Object("a policy version", (ref JsonCursor f, string field) =>
                        {
                            switch (field)
                            {
                                case "IsDefaultVersion": isDefault = f.Bool("IsDefaultVersion"); break;
                                case "Document": versionDocument = self.ReadDocument(ref f); break;
                                default: f.Skip(); break;
                            }
                        });
                        if (isDefault) { document = versionDocument; defaults++; }
                    });
                    break;
                default: m.Skip(); break;
            }
        });
        if (arn.Length == 0) throw new SnapshotException($"{_fileName}:{line}: a managed policy without Arn");
        // The name is the ARN's last segment; some producers (moto) leave PolicyName out of AWS managed policies.
        if (name.Length == 0) name = arn[(arn.LastIndexOf('/') + 1)..];
        Unique(arn, line, "managed policy " + name);
        // IAM keeps exactly one default version; two mean the file was edited or assembled wrongly, and either could be the one in force.
        if (defaults > 1)
            throw new SnapshotException($"{_fileName}:{line}: managed policy {arn} has {defaults} versions with IsDefaultVersion true; IAM has exactly one default version (collect the file again)");
        if (document is not { } d)
        {
            _warnings.Add(new SnapshotWarning(_fileName, line, $"managed policy {arn} has no default version document (IsDefaultVersion true); it is treated as unknown"));
            UnparsablePolicyHolders.Add(arn);
            return;
        }
        var parsed = ParseDocument(d.Json, d.Encoded, d.Line, $"managed policy {name}", arn, PolicyKind.Identity);
        if (parsed is null) return;
        Policies[arn] = new ManagedPolicy(arn, name, path, defaultVersion, parsed, attachments, versions);
    }

    private (string Name, ReadOnlyMemory<byte> Json, bool Encoded, int Line) ReadInlineReference(ref JsonCursor c)
    {
        string name = "";
        (ReadOnlyMemory<byte> Json, bool Encoded, int Line) document = default;
        var self = this;
        c.Object("an inline policy", (ref JsonCursor m, string member) =>
        {
            if (member == "PolicyName") name = m.String("PolicyName");
            else if (member == "PolicyDocument") document = self.ReadDocument(ref m);
            else m.Skip();
        });
        return (name, document.Json, document.Encoded, document.Line);
    }

    private (ReadOnlyMemory<byte> Json, bool Encoded, int Line) ReadDocument(ref JsonCursor c)
    {
        int line = c.Line;
        bool encoded = c.TokenType == JsonTokenType.String;
        var (bytes, _) = c.RawValue(_bytes);
        return (bytes, encoded, line);
    }

    private List<InlinePolicy> ParseInline(List<(string Name, ReadOnlyMemory<byte> Json, bool Encoded, int Line)> references, string holderArn, string holder)
    {
        var result = new List<InlinePolicy>(references.Count);
        foreach (var (name, json, encoded, line) in references)
        {
            if (json.IsEmpty) throw new SnapshotException($"{_fileName}:{line}: inline policy \"{name}\" of {holder} has no PolicyDocument");
            var document = ParseDocument(json, encoded, line, $"inline policy {name} of {holder}", holderArn, PolicyKind.Identity);
            if (document is not null) result.Add(new InlinePolicy(name, holderArn, document));
        }
        return result;
    }

    private PolicyDocument? ParseDocument(ReadOnlyMemory<byte> json, bool encoded, int line, string what, string holderArn, PolicyKind kind)
    {
        var result = _cache.Parse(json, encoded, what, kind);
        if (!result.HasErrors) return result.Document;
        var first = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        _warnings.Add(new SnapshotWarning(_fileName, line + Math.Max(0, first.Span.Line - 1),
            $"{what} cannot be evaluated ({first.Code}: {first.Message}); findings that depend on it are marked undetermined"));
        UnparsablePolicyHolders.Add(holderArn);
        return null;
    }

    private static AttachedPolicy ReadAttached(ref JsonCursor c)
    {
        string name = "", arn = "";
        c.Object("an attached policy", (ref JsonCursor m, string member) =>
        {
            if (member == "PolicyName") name = m.String("PolicyName");
            else if (member == "PolicyArn") arn = m.String("PolicyArn");
            else m.Skip();
        });
        if (arn.Length == 0) throw c.Error("an attached policy without PolicyArn");
        return new AttachedPolicy(name, arn);
    }

    private static string? ReadBoundary(ref JsonCursor c)
    {
        string? arn = null;
        c.Object("PermissionsBoundary", (ref JsonCursor m, string member) =>
        {
            if (member == "PermissionsBoundaryArn") arn = m.String("PermissionsBoundaryArn");
            else m.Skip();
        });
        return arn;
    }

    private static (string Key, string Value) ReadTag(ref JsonCursor c)
    {
        string key = "", value = "";
        c.Object("a tag", (ref JsonCursor m, string member) =>
        {
            if (member == "Key") key = m.String("Key");
            else if (member == "Value") value = m.String("Value");
            else m.Skip();
        });
        return (key, value);
    }

    private void Unique(string arn, int line, string what)
    {
        if (_firstLine.TryAdd(arn, line)) return;
        throw new SnapshotException($"{_fileName}:{line}: {what} ({arn}) is described twice (also at line {_firstLine[arn]}); the AWS CLI writes each once — was the file assembled from overlapping pages?");
    }

    private void Seen(DateTimeOffset? date)
    {
        if (date is { } d && (Newest is null || d > Newest)) Newest = d;
    }
}
