using System.Text.Json.Nodes;
using BepBot.Infrastructure.Graph;
using BepBot.Tests.Harness;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;

namespace BepBot.Tests.Graph;

public sealed class GraphGatewayTests
{
    [Fact]
    public void Gateway_WithoutCredentialsOrLocalUrl_IsNotConfigured()
    {
        using var gateway = new GraphGateway(Options.Create(new GraphOptions()));

        gateway.IsConfigured.ShouldBeFalse();
        gateway.Client.ShouldBeNull();
    }

    [Fact]
    public async Task Gateway_PointedAtFakeGraph_SendsRealSdkRequests()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.On("GET", "/users/[^/]+", request => GraphResponse.Ok(new JsonObject { ["id"] = request.Path.Split('/')[2], ["displayName"] = "Megan Bowen" }));
        using var gateway = new GraphGateway(Options.Create(new GraphOptions { BaseUrl = graph.BaseUrl }));

        var user = await gateway.Client!.Users["megan@bep.be"].GetAsync();

        user!.DisplayName.ShouldBe("Megan Bowen");
        graph.RequestsTo("GET", "/users/megan@bep.be").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Gateway_OnThrottling_RetriesAfterTheDelayGraphAsks()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.On("GET", "/users/[^/]+", _ => GraphResponse.Ok(new JsonObject { ["id"] = "1", ["displayName"] = "Adele Vance" }));
        graph.FailNext("GET", "/users/[^/]+", 429, times: 1, retryAfter: TimeSpan.Zero);
        using var gateway = new GraphGateway(Options.Create(new GraphOptions { BaseUrl = graph.BaseUrl }));

        var user = await gateway.Client!.Users["adele@bep.be"].GetAsync();

        user!.DisplayName.ShouldBe("Adele Vance");
        graph.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Gateway_OnForbidden_SurfacesTheGraphError()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.FailNext("GET", "/users/[^/]+", 403);
        using var gateway = new GraphGateway(Options.Create(new GraphOptions { BaseUrl = graph.BaseUrl }));

        var error = await Should.ThrowAsync<ODataError>(() => gateway.Client!.Users["x@bep.be"].GetAsync());

        error.ResponseStatusCode.ShouldBe(403);
        graph.Requests.Count.ShouldBe(1);
    }
}
