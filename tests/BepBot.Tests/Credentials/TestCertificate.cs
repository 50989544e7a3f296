using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BepBot.Tests.Credentials;

/// <summary>A self-signed certificate with its private key in a PEM file, as Graph:CertificatePath names one.</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(string path) => Path = path;

    public string Path { get; }

    public static TestCertificate WritePem()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=bepbot-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bepbot-graph-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return new TestCertificate(path);
    }

    public void Dispose() => File.Delete(Path);
}
