namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>How the solver represents the value of one context key, chosen from the operators that read it.</summary>
internal enum KeyKind
{
    /// <summary>Only Null reads it: presence and whether the value is empty.</summary>
    NullOnly,
    /// <summary>String and ARN operators, and policy variables: a string.</summary>
    String,
    /// <summary>Bool (possibly also String operators, which then see "true"/"false"): a Boolean.</summary>
    Bool,
    /// <summary>Numeric operators: a decimal, held as an integer scaled by a power of ten.</summary>
    Numeric,
    /// <summary>Date operators: an instant in .NET ticks (100 ns), UTC.</summary>
    Date,
    /// <summary>Both Date and Numeric operators (aws:EpochTime): whole seconds since 1970.</summary>
    EpochSeconds,
    /// <summary>IpAddress operators: an IPv4 or IPv6 address (family flag and a 128-bit vector).</summary>
    Ip,
    /// <summary>BinaryEquals: one of the policies' values, or a different one.</summary>
    Binary,
}
