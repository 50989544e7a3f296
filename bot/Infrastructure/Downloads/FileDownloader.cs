using System.Net;

namespace BepBot.Infrastructure.Downloads;

/// <summary>
/// Fetches a file a user sent the bot from the short-lived link Teams gives (or the Agents Playground's content link):
/// https only, or plain http to this machine; no redirect followed; at most a given number of bytes, within a given time.
/// </summary>
public sealed class FileDownloader(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "file-downloads";

    // Teams' download links are https; plain http only to this machine (tests, local play).
    public static bool IsAllowed(Uri url) => url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);

    /// <exception cref="FileTooLargeException">The file is over <paramref name="maxBytes"/>.</exception>
    /// <exception cref="TimeoutException">The download took longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="HttpRequestException">The link answered anything but 200, or could not be reached.</exception>
    public async Task<byte[]> DownloadAsync(Uri url, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!IsAllowed(url))
        {
            throw new HttpRequestException($"Download link scheme {url.Scheme} refused.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await ReadAsync(url, maxBytes, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Download not finished within {timeout}.", ex);
        }
    }

    private async Task<byte[]> ReadAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"Download answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new FileTooLargeException();
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FileTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
