namespace IamHarden.Core.Policy;

public enum Effect { Allow, Deny }
