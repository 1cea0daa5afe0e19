using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KommoWidgetKit.DevHost.State;

/// <summary>Makes the one-time <c>X-Auth-Token</c> JWT (HS256) that <c>$authorizedAjax</c> sends.</summary>
internal static class DevToken
{
    public static string Create(string secret, string issuer, string audience, long accountId, long userId, string subdomain,
        string clientUuid, DateTimeOffset now, TimeSpan lifetime)
    {
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", issuer);
            json.WriteString("aud", audience);
            json.WriteString("jti", Guid.NewGuid().ToString());
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("nbf", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", now.Add(lifetime).ToUnixTimeSeconds());
            json.WriteNumber("account_id", accountId);
            json.WriteNumber("user_id", userId);
            json.WriteString("subdomain", subdomain);
            json.WriteString("client_uuid", clientUuid);
            json.WriteEndObject();
        }
        var payload = Base64Url(buffer.ToArray());
        var signingInput = header + "." + payload;
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>A stable integration uuid for a widget code (the dev host has no real integration).</summary>
    public static string ClientUuid(string code)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("kommo-widget-dev:" + code));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
