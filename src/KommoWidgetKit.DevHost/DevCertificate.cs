using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KommoWidgetKit.DevHost;

/// <summary>The self-signed certificate for <c>localhost</c> the host serves HTTPS with: made once, kept in the widget's
/// <c>.kommo/</c> folder (which pack never ships) as PEM files, remade when it has expired or is unreadable.</summary>
internal sealed class DevCertificate
{
    /// <summary>The certificate file (PEM), the one to trust.</summary>
    public const string CertificateFileName = "dev-https.crt";

    /// <summary>The private key file (PEM, PKCS#8; readable by its owner only).</summary>
    public const string KeyFileName = "dev-https.key";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private DevCertificate(X509Certificate2 certificate, string path, bool created)
    {
        Certificate = certificate;
        CertificatePath = path;
        Created = created;
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePath { get; }

    /// <summary>True when this start made the certificate (so it is not trusted anywhere yet).</summary>
    public bool Created { get; }

    /// <summary>Base64 SHA-256 of the public key (what Chromium's <c>--ignore-certificate-errors-spki-list</c> takes).</summary>
    public string SpkiSha256 => Convert.ToBase64String(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>SHA-256 fingerprint as certificate managers show it (AB:CD:…).</summary>
    public string Fingerprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256) is var hex
        ? string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)))
        : "";

    /// <summary>Loads the certificate from <paramref name="folder"/>, or makes and keeps a new one.</summary>
    public static DevCertificate LoadOrCreate(string folder, DateTimeOffset now)
    {
        string certPath = Path.Combine(folder, CertificateFileName);
        string keyPath = Path.Combine(folder, KeyFileName);
        if (File.Exists(certPath) && File.Exists(keyPath))
        {
            try
            {
                var existing = X509Certificate2.CreateFromPemFile(certPath, keyPath);
                if (existing.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(1) && existing.NotBefore.ToUniversalTime() <= now.UtcDateTime)
                {
                    return new DevCertificate(ForServer(existing), certPath, created: false);
                }
                existing.Dispose();
            }
            catch (CryptographicException)
            {
                // Damaged or edited by hand: make a new one below.
            }
        }
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=kommo-widget dev", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build(true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var made = request.CreateSelfSigned(now.AddDays(-1), now.Add(Lifetime));
        WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certPath, made.ExportCertificatePem() + "\n");
        return new DevCertificate(ForServer(made), certPath, created: true);
    }

    // SslStream on Windows cannot use an ephemeral key; a PKCS#12 round trip gives it a persisted one.
    private static X509Certificate2 ForServer(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }
        var loaded = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        certificate.Dispose();
        return loaded;
    }

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Write('\n');
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>How to trust the certificate on this system, one command or step a line.</summary>
    public IEnumerable<string> TrustHints(string httpsAddress)
    {
        string file = CertificatePath;
        if (OperatingSystem.IsMacOS())
        {
            yield return $"  trust it once (macOS: Safari, Chrome): security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db '{file}'";
        }
        else if (OperatingSystem.IsWindows())
        {
            yield return $"  trust it once (Windows: Edge, Chrome): certutil -user -addstore Root \"{file}\"";
        }
        else
        {
            yield return $"  trust it once (Linux: Chrome, Chromium; certutil is in libnss3-tools): certutil -d sql:$HOME/.pki/nssdb -A -t \"P,,\" -n 'kommo-widget dev {Fingerprint[..11]}' -i '{file}'";
        }
        yield return $"  Firefox: open {httpsAddress}/ and accept the certificate, or import it (Settings > Privacy & Security > Certificates > View Certificates > Servers); other systems: docs/loader.md";
    }
}
