namespace Monitoring.Demo;

/// <summary>
/// What sort of institution a demo hospital is, which decides the cases it treats: a county people's hospital
/// (县人民医院, or the prefecture's 市人民医院), a hospital of traditional Chinese medicine (中医医院), a maternal and
/// child health hospital (妇幼保健院), a township health centre (乡镇卫生院), or a private hospital (民营医院).
/// </summary>
public enum InstitutionKind
{
    General,
    Tcm,
    MaternalChild,
    Township,
    Private,
}
