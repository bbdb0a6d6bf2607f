using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Docs;

/// <summary>
/// docs/ is the project's own description of its formats: every example file and every JSON block a page marks as an
/// example must satisfy the schema it names, so the pages cannot drift from the formats they describe.
/// </summary>
public sealed partial class DocumentationExamplesTests
{
    private static readonly string Docs = ContractFiles.Directory;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private static EvaluationResults Evaluate(string schemaFile, JsonNode? instance)
    {
        // Loaded once each: the library registers a schema under its $id and refuses to register it twice.
        var schema = Schemas.GetOrAdd(schemaFile, file => JsonSchema.FromText(File.ReadAllText(Path.Combine(Docs, "schemas", file))));
        return schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static void AssertValid(string schemaFile, JsonNode? instance, string where)
    {
        var result = Evaluate(schemaFile, instance);
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{where} does not satisfy {schemaFile}: {string.Join("; ", errors)}");
    }

    public static TheoryData<string, string> ExampleFiles => new()
    {
        { "examples/claims.json", "claim-event.schema.json" },
        { "examples/alerts.json", "alert.schema.json" },
        { "examples/registry.json", "registry.schema.json" },
    };

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_file_satisfies_its_schema(string file, string schemaFile)
    {
        var document = JsonNode.Parse(ContractFiles.Read(file));
        var items = document is JsonArray array ? [.. array] : new[] { document };
        Assert.NotEmpty(items);
        for (var i = 0; i < items.Length; i++)
        {
            AssertValid(schemaFile, items[i], $"{file}[{i}]");
        }
    }

    [Fact]
    public void Every_json_block_marked_as_an_example_in_the_pages_satisfies_its_schema()
    {
        var checkedBlocks = 0;
        foreach (var page in Directory.GetFiles(Docs, "*.md"))
        {
            foreach (Match block in MarkedExample().Matches(File.ReadAllText(page)))
            {
                AssertValid(block.Groups["schema"].Value, JsonNode.Parse(block.Groups["json"].Value), $"{Path.GetFileName(page)} block {block.Index}");
                checkedBlocks++;
            }
        }

        Assert.True(checkedBlocks >= 4, $"only {checkedBlocks} marked example blocks found in docs/*.md");
    }

    [Fact]
    public void Schemas_refuse_what_they_must()
    {
        // A check that cannot fail proves nothing: the schemas must refuse a claim without its id and an unknown severity.
        Assert.False(Evaluate("claim-event.schema.json", JsonNode.Parse("""{"kind":"settlement","settledAt":"2026-03-01T10:00:00+08:00"}""")).IsValid);
        var alert = JsonNode.Parse(ContractFiles.Read("examples/alerts.json"))![0]!;
        alert["severity"] = "mild";
        Assert.False(Evaluate("alert.schema.json", alert).IsValid);
    }

    [Fact]
    public void Readme_and_docs_never_send_a_reader_outside_the_repository()
    {
        var pages = Directory.GetFiles(Docs, "*.md").Append(Path.Combine(ContractFiles.RepositoryRoot, "README.md"));
        foreach (var page in pages)
        {
            Assert.DoesNotContain("../shared", File.ReadAllText(page), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("""<!-- example: (?<schema>[a-z-]+\.schema\.json) -->\s*```json\s*(?<json>.*?)```""", RegexOptions.Singleline)]
    private static partial Regex MarkedExample();
}
