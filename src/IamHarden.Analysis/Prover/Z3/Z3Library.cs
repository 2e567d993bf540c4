namespace IamHarden.Analysis.Prover.Z3;

/// <summary>Whether the system's Z3 library can be used, and what to tell the user when it cannot.</summary>
public static class Z3Library
{
    private static readonly Lazy<(bool Ok, string? Version, string? Problem)> State = new(Probe);

    /// <summary>True when libz3 loads.</summary>
    public static bool IsAvailable => State.Value.Ok;

    /// <summary>"4.8.12" when loaded, else null.</summary>
    public static string? Version => State.Value.Version;

    /// <summary>Throws <see cref="Z3UnavailableException"/> with installation advice when libz3 cannot be loaded.</summary>
    public static void EnsureAvailable()
    {
        if (!State.Value.Ok) throw new Z3UnavailableException(State.Value.Problem!);
    }

    private static (bool, string?, string?) Probe()
    {
        Z3Native.EnsureResolver();
        try
        {
            Z3Native.Z3_get_version(out var major, out var minor, out var build, out _);
            return (true, $"{major}.{minor}.{build}", null);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            var overridden = Environment.GetEnvironmentVariable(Z3Native.LibraryOverrideVariable);
            var which = string.IsNullOrEmpty(overridden) ? Z3Native.LibraryName : $"{overridden} ({Z3Native.LibraryOverrideVariable})";
            return (false, null,
                $"the Z3 solver library {which} could not be loaded; the prover needs it. Install it with: sudo apt-get install libz3-4 " +
                "(Debian/Ubuntu; other systems: the z3 package of your distribution, which provides libz3.so.4)");
        }
    }
}
