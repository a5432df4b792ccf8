using System.Text.Json;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Tests.Batch;

public sealed class CsvProfileColumnsTests
{
    [Fact]
    public void Names_AreThePropertiesOfTheProfileSchemaInOrder()
    {
        using var schema = JsonDocument.Parse(JsonSchemas.Profile);

        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name);

        CsvProfileColumns.Names.Should().Equal(properties);
    }
}
