using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Snapshot;

/// <summary>Reads the small snapshot files: account summary, password policy, virtual MFA devices.</summary>
internal static class SmallFilesReader
{
    public static Dictionary<string, long> AccountSummary(byte[] bytes, string fileName)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var cursor = Start(bytes, fileName, "the output of 'aws iam get-account-summary'");
        bool found = false;
        cursor.Object("the account summary", (ref JsonCursor c, string name) =>
        {
            if (name != "SummaryMap") { c.Skip(); return; }
            found = true;
            c.Object("SummaryMap", (ref JsonCursor m, string key) => result[key] = m.Integer(key));
        });
        if (!found) throw new SnapshotException($"{fileName}:1:1: no \"SummaryMap\"; expected the output of 'aws iam get-account-summary'");
        return result;
    }

    public static PasswordPolicy PasswordPolicy(byte[] bytes, string fileName)
    {
        int minimum = 0;
        int? maxAge = null, reuse = null;
        bool symbols = false, numbers = false, upper = false, lower = false, allowChange = false, expire = false, hardExpiry = false, found = false;
        var cursor = Start(bytes, fileName, "the output of 'aws iam get-account-password-policy'");
        cursor.Object("the password policy", (ref JsonCursor c, string name) =>
        {
            if (name != "PasswordPolicy") { c.Skip(); return; }
            found = true;
            c.Object("PasswordPolicy", (ref JsonCursor m, string key) =>
            {
                switch (key)
                {
                    case "MinimumPasswordLength": minimum = (int)m.Integer(key); break;
                    case "RequireSymbols": symbols = m.Bool(key); break;
                    case "RequireNumbers": numbers = m.Bool(key); break;
                    case "RequireUppercaseCharacters": upper = m.Bool(key); break;
                    case "RequireLowercaseCharacters": lower = m.Bool(key); break;
                    case "AllowUsersToChangePassword": allowChange = m.Bool(key); break;
                    case "ExpirePasswords": expire = m.Bool(key); break;
                    case "MaxPasswordAge": maxAge = (int)m.Integer(key); break;
                    case "PasswordReusePrevention": reuse = (int)m.Integer(key); break;
                    case "HardExpiry": hardExpiry = m.Bool(key); break;
                    default: m.Skip(); break;
                }
            });
        });
        if (!found) throw new SnapshotException($"{fileName}:1:1: no \"PasswordPolicy\"; expected the output of 'aws iam get-account-password-policy' (delete the file if the account has no password policy)");
        return new PasswordPolicy(minimum, symbols, numbers, upper, lower, allowChange, expire, maxAge, reuse, hardExpiry);
    }

    public static List<VirtualMfaDevice> VirtualMfaDevices(byte[] bytes, string fileName)
    {
        var result = new List<VirtualMfaDevice>();
        var cursor = Start(bytes, fileName, "the output of 'aws iam list-virtual-mfa-devices'");
        bool found = false;
        cursor.Object("the virtual MFA device list", (ref JsonCursor c, string name) =>
        {
            if (name != "VirtualMFADevices") { c.Skip(); return; }
            found = true;
            c.Array("VirtualMFADevices", (ref JsonCursor d) =>
            {
                string serial = "";
                string? userArn = null;
                DateTimeOffset? enabled = null;
                d.Object("a virtual MFA device", (ref JsonCursor m, string key) =>
                {
                    switch (key)
                    {
                        case "SerialNumber": serial = m.String(key); break;
                        case "EnableDate": enabled = m.Date(key); break;
                        case "User": m.Object("User", (ref JsonCursor u, string f) => { if (f == "Arn") userArn = u.String("Arn"); else u.Skip(); }); break;
                        default: m.Skip(); break;
                    }
                });
                result.Add(new VirtualMfaDevice(serial, userArn, enabled));
            });
        });
        if (!found) throw new SnapshotException($"{fileName}:1:1: no \"VirtualMFADevices\"; expected the output of 'aws iam list-virtual-mfa-devices'");
        return result;
    }

    private static JsonCursor Start(byte[] bytes, string fileName, string expected)
    {
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty) throw new SnapshotException($"{fileName}:1:1: the file is empty; expected {expected}");
        var cursor = new JsonCursor(bytes, new SourceText(bytes, fileName));
        cursor.Read();
        return cursor;
    }
}
