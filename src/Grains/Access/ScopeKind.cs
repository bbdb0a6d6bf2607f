namespace Monitoring.Access;

/// <summary>The part of the hierarchy a token is scoped to.</summary>
public enum ScopeKind
{
    All,
    Region,
    County,
    Hospital,
}
