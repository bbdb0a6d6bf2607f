using Microsoft.Extensions.DependencyInjection;
using Monitoring.Publishing;

namespace Monitoring.Cases;

/// <summary>
/// Inspection cases in a host: the options, the opener, the desk, the money, and the publishing door wrapped so that
/// findings open cases. Call after the publisher, the ledger, the case store and the notices are registered.
/// </summary>
public static class CasesSetup
{
    public static IServiceCollection AddInspectionCases(this IServiceCollection services)
    {
        services.AddOptions<CasesOptions>().BindConfiguration(CasesOptions.Section)
            .Validate(o => o.IsValid, "Monitoring:Cases needs DecisionDays, AnswerDays and AppealDays of 1..366, a BookingCheckInterval above zero and no empty AutoOpenKinds")
            .ValidateOnStart();
        services.AddSingleton<CaseOpener>();
        services.AddSingleton<RecoveryLedger>();
        services.AddSingleton<CaseDesk>();

        // Every finding goes through the one door; wrapping it is what makes case opening generic over detectors.
        var door = services.LastOrDefault(d => d.ServiceType == typeof(IPublisher))
            ?? throw new InvalidOperationException("AddInspectionCases needs an IPublisher registered first");
        services.Remove(door);
        services.AddSingleton<IPublisher>(sp => new CaseOpeningPublisher(
            (IPublisher)(door.ImplementationInstance ?? door.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, door.ImplementationType!)),
            sp.GetRequiredService<CaseOpener>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CaseOpeningPublisher>>()));
        return services;
    }
}
