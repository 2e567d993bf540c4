namespace IamHarden.Core.Policy;

/// <summary>
/// IAM's size quotas. IAM counts the characters of a policy without whitespace (outside strings),
/// so a pretty-printed policy and its minified form have the same size.
/// </summary>
public static class PolicySize
{
    /// <summary>Customer managed policy: 6,144 characters.</summary>
    public const int ManagedPolicy = 6144;
    /// <summary>All inline policies of a user together: 2,048 characters.</summary>
    public const int UserInline = 2048;
    /// <summary>All inline policies of a group together: 5,120 characters.</summary>
    public const int GroupInline = 5120;
    /// <summary>All inline policies of a role together: 10,240 characters.</summary>
    public const int RoleInline = 10240;
    /// <summary>Service control policy: 5,120 characters.</summary>
    public const int ServiceControlPolicy = 5120;

    /// <summary>Counts the characters of JSON text, leaving out whitespace between tokens.</summary>
    public static int CharactersWithoutWhitespace(string json)
    {
        int count = 0;
        bool inString = false, escaped = false;
        foreach (var c in json)
        {
            if (inString)
            {
                count++;
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') { inString = true; count++; continue; }
            if (!char.IsWhiteSpace(c)) count++;
        }
        return count;
    }

    public static int CharactersWithoutWhitespace(PolicyDocument document) =>
        CharactersWithoutWhitespace(PolicyPrinter.Print(document, indented: false));
}
