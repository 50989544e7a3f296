using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BepBot.Dashboard;

/// <summary>
/// A change is posted by the tab's own script: JSON (which a cross-site HTML form cannot send without a preflight the
/// bot never grants), from the tab's own origin when the browser names one. The token alone would already refuse a
/// forged request (bearer tokens only, no cookie); this refuses it before anything reads the body.
/// </summary>
public sealed class CrossSiteGuard(IOptions<DashboardOptions> options)
{
    public CrossSiteVerdict Check(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return CrossSiteVerdict.NotJson;
        }

        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return CrossSiteVerdict.ForeignOrigin;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return CrossSiteVerdict.Allowed;
        }

        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || options.Value.AllowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))))
        {
            return CrossSiteVerdict.Allowed;
        }

        return CrossSiteVerdict.ForeignOrigin;
    }
}
