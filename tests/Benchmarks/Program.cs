using Monitoring.Benchmarks;

// Measurements, not tests: each prints what it measured, and ratios taken within one run.
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "alert-latency" => await AlertLatencyBenchmark.RunAsync(args[1..]),
    "readmission-memory" => await ReadmissionMemoryBenchmark.RunAsync(args[1..]),
    "split-measure" => await SplitMeasure.RunAsync(args[1..]),
    "upcoding-measure" => await UpcodingMeasure.RunAsync(args[1..]),
    "budget-measure" => await BudgetMeasure.RunAsync(args[1..]),
    "low-threshold-measure" => await LowThresholdMeasure.RunAsync(args[1..]),
    "drill-down-measure" => await DrillDownMeasure.RunAsync(args[1..]),
    "bad-input-measure" => await BadInputMeasure.RunAsync(args[1..]),
    "body-memory" => await BodyMemoryMeasure.RunAsync(args[1..]),
    "replay" => await ReplayMeasure.RunAsync(args[1..]),
    "watch-memory" => await WatchMemoryMeasure.RunAsync(args[1..]),
    "fan-out" => await FanOutMeasure.RunAsync(args[1..]),
    "fault-measure" => await FaultMeasure.RunAsync(args[1..]),
    "backtest-measure" => await BacktestMeasure.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ingest [--claims N] [--batch B] [--parallel P]");
    Console.Error.WriteLine("       watch-memory [--claims N] [--year Y] [--seed S]");
    Console.Error.WriteLine("       alert-latency [--alerts N] [--background CLAIMS_PER_S]");
    Console.Error.WriteLine("       readmission-memory [--patients N]");
    Console.Error.WriteLine("       split-measure [--claims N] [--batch B] [--seed S] [--postgres]");
    Console.Error.WriteLine("       upcoding-measure [--claims N] [--batch B] [--seed S]");
    Console.Error.WriteLine("       budget-measure [--claims N] [--batch B] [--seed S] [--postgres]");
    Console.Error.WriteLine("       low-threshold-measure [--claims N] [--batch B] [--seed S]");
    Console.Error.WriteLine("       drill-down-measure [--claims N] [--hospitals H] [--rounds R]");
    Console.Error.WriteLine("       bad-input-measure [--per-kind N] [--valid N] [--batch B] [--per-request-kind N]");
    Console.Error.WriteLine("       body-memory [--events N] [--parallel P]");
    Console.Error.WriteLine("       replay [--claims N] [--year Y] [--seed S] | [--file claims.ndjson --registry registry.json]  [--batch B] [--parallel P]");
    Console.Error.WriteLine("       fan-out [--connections N] [--seconds S] [--open-at-month M]");
    Console.Error.WriteLine("       fault-measure [--claims N] [--batch B] [--seed S]");
    Console.Error.WriteLine("       backtest-measure [--claims N] [--year Y] [--seed S] [--window DAYS | --pace POINTS] [--batch B] [--postgres]");
    return 2;
}
