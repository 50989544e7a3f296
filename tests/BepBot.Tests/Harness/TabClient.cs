using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BepBot.Tests.Harness;

/// <summary>Calls the dashboard tab's API as its script does: a bearer token, the reader's language, JSON posts.</summary>
public sealed class TabClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path, string? token, string locale = "fr-BE")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/tab/api/" + path);
        Sign(request, token, locale);
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string verb, string? token, JsonNode data, string contentType = "application/json", string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/tab/api/actions/" + verb)
        {
            Content = new StringContent(data.ToJsonString(), Encoding.UTF8, contentType),
        };
        Sign(request, token, "fr-BE");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return http.SendAsync(request);
    }

    /// <summary>A page's view, which must load (200).</summary>
    public async Task<JsonObject> PageAsync(string token, string page, string locale = "fr-BE")
    {
        using var response = await GetAsync("pages/" + page, token, locale);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>An action's result, which must be answered (200).</summary>
    public async Task<JsonObject> ActAsync(string token, string verb, JsonNode data)
    {
        using var response = await PostAsync(verb, token, data);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static void Sign(HttpRequestMessage request, string? token, string locale)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.AcceptLanguage.ParseAdd(locale);
    }
}
