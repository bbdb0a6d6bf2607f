namespace Monitoring.Demo;

/// <summary>
/// How often a group of cases occurs, relative to the other groups, at each kind of institution
/// (0 = that kind does not treat it).
/// </summary>
public sealed record CaseMix(double General, double Tcm, double MaternalChild, double Township, double Private)
{
    public double For(InstitutionKind kind) => kind switch
    {
        InstitutionKind.General => General,
        InstitutionKind.Tcm => Tcm,
        InstitutionKind.MaternalChild => MaternalChild,
        InstitutionKind.Township => Township,
        InstitutionKind.Private => Private,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
