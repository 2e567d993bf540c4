using System.Reflection;
using System.Runtime.InteropServices;

namespace IamHarden.Analysis.Prover.Z3;

/// <summary>
/// The few functions of Z3's C API the prover needs: a context and its SMT-LIB2 text interface
/// (Microsoft.Z3 on NuGet has no Linux library and does not match the system's 4.8, so the
/// system libz3.so.4 is called directly). The library is looked up as <see cref="LibraryName"/>
/// unless the environment variable IAMHARDEN_LIBZ3 names another file (then only that file: the
/// way to use a Z3 build of one's own, and to test what happens when the library is missing).
/// </summary>
internal static class Z3Native
{
    public const string LibraryName = "libz3.so.4";
    public const string LibraryOverrideVariable = "IAMHARDEN_LIBZ3";

    static Z3Native() => NativeLibrary.SetDllImportResolver(typeof(Z3Native).Assembly, Resolve);

    /// <summary>Makes sure the static constructor (the resolver) has run before the first call.</summary>
    public static void EnsureResolver() { }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName) return IntPtr.Zero;
        var path = Environment.GetEnvironmentVariable(LibraryOverrideVariable);
        if (string.IsNullOrEmpty(path)) return NativeLibrary.TryLoad(LibraryName, assembly, searchPath, out var system) ? system : IntPtr.Zero;
        // An override that does not load must not fall back to the system library (returning zero
        // would let the runtime's default probing find libz3.so.4 after all).
        if (NativeLibrary.TryLoad(path, out var handle)) return handle;
        throw new DllNotFoundException($"{path} ({LibraryOverrideVariable}) could not be loaded");
    }

    [DllImport(LibraryName)]
    public static extern IntPtr Z3_mk_config();

    [DllImport(LibraryName)]
    public static extern void Z3_del_config(IntPtr config);

    [DllImport(LibraryName)]
    public static extern void Z3_set_param_value(IntPtr config, [MarshalAs(UnmanagedType.LPUTF8Str)] string id, [MarshalAs(UnmanagedType.LPUTF8Str)] string value);

    [DllImport(LibraryName)]
    public static extern IntPtr Z3_mk_context(IntPtr config);

    [DllImport(LibraryName)]
    public static extern void Z3_del_context(IntPtr context);

    /// <summary>Null handler: errors are only recorded (the default handler may end the process).</summary>
    [DllImport(LibraryName)]
    public static extern void Z3_set_error_handler(IntPtr context, IntPtr handler);

    [DllImport(LibraryName)]
    public static extern int Z3_get_error_code(IntPtr context);

    [DllImport(LibraryName)]
    public static extern IntPtr Z3_get_error_msg(IntPtr context, int code);

    /// <summary>Runs SMT-LIB2 commands; returns their output (owned by Z3, valid until the next call).</summary>
    [DllImport(LibraryName)]
    public static extern IntPtr Z3_eval_smtlib2_string(IntPtr context, [MarshalAs(UnmanagedType.LPUTF8Str)] string script);

    /// <summary>Asks a running check to stop (safe from another thread).</summary>
    [DllImport(LibraryName)]
    public static extern void Z3_interrupt(IntPtr context);

    [DllImport(LibraryName)]
    public static extern void Z3_get_version(out uint major, out uint minor, out uint build, out uint revision);
}
