using Monitoring.Assessment;
using Npgsql;

namespace Monitoring.Silo.Storage;

/// <summary>An alliance's review steps in PostgreSQL (table <c>assessment_steps</c>, migration 0055): one row a step, read in order.</summary>
public sealed class PostgresAssessmentStore(NpgsqlDataSource dataSource) : IAssessmentStore
{
    public async Task<AssessmentStep[]> LoadAsync(string allianceId, int fundYear, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT seq, stage, score, notes, actor, role, scope, at, indicator_score FROM assessment_steps WHERE alliance_id = @alliance AND fund_year = @year ORDER BY seq");
        command.Parameters.AddWithValue("alliance", allianceId);
        command.Parameters.AddWithValue("year", fundYear);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<AssessmentStep>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(new AssessmentStep(reader.GetInt32(0), reader.GetString(1), reader.GetDecimal(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetDecimal(8)));
        }

        return [.. steps];
    }

    public async Task AppendAsync(string allianceId, int fundYear, AssessmentStep step, CancellationToken cancellationToken = default)
    {
        await using var insert = dataSource.CreateCommand(
            "INSERT INTO assessment_steps (alliance_id, fund_year, seq, stage, score, notes, actor, role, scope, at, indicator_score) " +
            "VALUES (@alliance, @year, @seq, @stage, @score, @notes, @actor, @role, @scope, @at, @indicator)");
        insert.Parameters.AddWithValue("alliance", allianceId);
        insert.Parameters.AddWithValue("year", fundYear);
        insert.Parameters.AddWithValue("seq", step.Seq);
        insert.Parameters.AddWithValue("stage", step.Stage);
        insert.Parameters.AddWithValue("score", step.Score);
        insert.Parameters.AddWithValue("notes", (object?)step.Notes ?? DBNull.Value);
        insert.Parameters.AddWithValue("actor", step.Actor);
        insert.Parameters.AddWithValue("role", step.Role);
        insert.Parameters.AddWithValue("scope", step.Scope);
        insert.Parameters.AddWithValue("at", step.At.ToUniversalTime());
        insert.Parameters.AddWithValue("indicator", (object?)step.IndicatorScore ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
