namespace IamHarden.Analysis.Prover.Properties;

/// <summary>A property argument cannot be read. <see cref="Column"/> is the 1-based position in the argument where the problem starts.</summary>
public sealed class PropertyParseException(string message, int column) : Exception(message)
{
    public int Column { get; } = column;
}
