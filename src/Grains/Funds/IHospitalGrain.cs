namespace Monitoring.Funds;

/// <summary>A designated hospital (定点医疗机构), keyed by hospitalId.</summary>
public interface IHospitalGrain : IFundAccountGrain;
