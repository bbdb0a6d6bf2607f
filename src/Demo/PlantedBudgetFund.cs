namespace Monitoring.Demo;

/// <summary>A fund account the demo year plants a budget story in: its level and id, name, the story and the date it starts.</summary>
public sealed record PlantedBudgetFund(string Level, string Id, string Name, BudgetStory Story, DateOnly From, decimal Factor);
