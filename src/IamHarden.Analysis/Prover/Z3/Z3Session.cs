using System.Runtime.InteropServices;

namespace IamHarden.Analysis.Prover.Z3;

/// <summary>
/// One Z3 context driven through its SMT-LIB2 text interface: declarations stay between calls,
/// so a query is sent once and checked and questioned with further commands. Not thread-safe;
/// use one session per thread. Dispose to free the native context.
/// </summary>
public sealed class Z3Session : IDisposable
{
    private IntPtr _context;

    public Z3Session()
    {
        Z3Library.EnsureAvailable();
        var config = Z3Native.Z3_mk_config();
        try
        {
            Z3Native.Z3_set_param_value(config, "model", "true");
            _context = Z3Native.Z3_mk_context(config);
        }
        finally
        {
            Z3Native.Z3_del_config(config);
        }
        if (_context == IntPtr.Zero) throw new Z3Exception("Z3 could not create a context");
        Z3Native.Z3_set_error_handler(_context, IntPtr.Zero);
    }

    /// <summary>Runs SMT-LIB2 commands and returns what they print. Throws <see cref="Z3Exception"/> when Z3 reports an error.</summary>
    public string Run(string commands)
    {
        ObjectDisposedException.ThrowIf(_context == IntPtr.Zero, this);
        var output = Marshal.PtrToStringUTF8(Z3Native.Z3_eval_smtlib2_string(_context, commands)) ?? "";
        int code = Z3Native.Z3_get_error_code(_context);
        if (code != 0)
        {
            var message = Marshal.PtrToStringUTF8(Z3Native.Z3_get_error_msg(_context, code)) ?? $"error {code}";
            throw new Z3Exception($"Z3: {message}: {Excerpt(output)}");
        }
        if (output.Contains("(error ", StringComparison.Ordinal)) throw new Z3Exception("Z3: " + Excerpt(output));
        return output;
    }

    /// <summary>Stops a running check from another thread (it then answers "unknown").</summary>
    public void Interrupt()
    {
        if (_context != IntPtr.Zero) Z3Native.Z3_interrupt(_context);
    }

    public void Dispose()
    {
        if (_context == IntPtr.Zero) return;
        Z3Native.Z3_del_context(_context);
        _context = IntPtr.Zero;
    }

    private static string Excerpt(string text) => text.Length > 2000 ? text[..2000] + "..." : text.Trim();
}
