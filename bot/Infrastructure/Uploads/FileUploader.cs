using System.Net.Http.Headers;
using BepBot.Infrastructure.Downloads;

namespace BepBot.Infrastructure.Uploads;

/// <summary>
/// Puts a file into the OneDrive session Teams opened when a person accepted a file-consent card: one PUT of the
/// whole file with its Content-Range, to the upload address Teams gave; https only, or plain http to this machine;
/// no redirect followed; within a given time.
/// </summary>
public sealed class FileUploader(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "file-uploads";

    /// <exception cref="TimeoutException">The upload took longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="HttpRequestException">The address answered anything but a success, or could not be reached.</exception>
    public async Task UploadAsync(Uri uploadUrl, byte[] content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!FileDownloader.IsAllowed(uploadUrl))
        {
            throw new HttpRequestException($"Upload address scheme {uploadUrl.Scheme} refused.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var body = new ByteArrayContent(content);
        body.Headers.ContentLength = content.Length;
        body.Headers.ContentRange = content.Length == 0 ? null : new ContentRangeHeaderValue(0, content.Length - 1, content.Length);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PutAsync(uploadUrl, body, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Upload answered {(int)response.StatusCode}.", null, response.StatusCode);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Upload not finished within {timeout}.", ex);
        }
    }
}
