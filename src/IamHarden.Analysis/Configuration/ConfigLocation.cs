namespace IamHarden.Analysis.Configuration;

/// <summary>Where a key or list entry of the configuration file is (1-based line and column), for messages about its value.</summary>
public readonly record struct ConfigLocation(int Line, int Column);
