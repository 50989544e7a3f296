using Azure.Core;
using Azure.Core.Pipeline;

namespace BepBot.Tests.Harness;

/// <summary>
/// An Azure SDK pipeline step that lets the first write (PUT) to a blob whose name starts with a prefix reach the store,
/// then throws as a dropped connection would before the answer came back: the write landed, the client does not know.
/// </summary>
public sealed class LostAnswerPolicy(string blobPrefix) : HttpPipelinePolicy
{
    private int _lost;

    public int Lost => _lost;

    /// <summary>Blob client options whose every attempt goes through this policy (so the client's retry sends the write again).</summary>
    public T InstallIn<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return options;
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline);
        LoseTheFirstAnswer(message);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        ProcessNext(message, pipeline);
        LoseTheFirstAnswer(message);
    }

    private void LoseTheFirstAnswer(HttpMessage message)
    {
        // Azurite's paths read account/container/blob.
        var blobName = Uri.UnescapeDataString(message.Request.Uri.Path).TrimStart('/').Split('/', 3).ElementAtOrDefault(2) ?? string.Empty;
        if (message.Request.Method == RequestMethod.Put && blobName.StartsWith(blobPrefix, StringComparison.Ordinal)
            && message.Response.Status is >= 200 and < 300 && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
        {
            throw new IOException($"Connection dropped before the answer to PUT {blobName} arrived (test fault).");
        }
    }
}
