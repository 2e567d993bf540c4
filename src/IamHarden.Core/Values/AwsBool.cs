namespace IamHarden.Core.Values;

/// <summary>Bool condition values: "true" or "false", case-insensitive [impl, spec §5.4].</summary>
public static class AwsBool
{
    public static bool TryParse(string text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) { value = true; return true; }
        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) { value = false; return true; }
        value = false;
        return false;
    }
}
