using System.Text;

namespace KommoWidgetKit.LanguageServer.Rpc;

/// <summary>Reads LSP base-protocol messages: <c>Content-Length: N</c> headers, a blank line, N bytes of JSON.</summary>
public sealed class MessageReader(Stream input)
{
    /// <summary>Messages larger than this are read past and refused, so a bad client cannot make the server hold them.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly Stream _input = input;
    private readonly byte[] _one = new byte[1];

    /// <summary>The next message's bytes; null at the end of the stream. A message whose headers make no sense or that is
    /// over <see cref="MaxMessageBytes"/> comes back as <see cref="FramingProblem"/> (its bytes, if any, are skipped).</summary>
    public ReadResult? Read()
    {
        int? length = null;
        while (true)
        {
            string? line = ReadHeaderLine();
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (length is null) continue; // stray blank lines between messages
                break;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0) return new ReadResult(null, $"malformed header line '{Shorten(line)}'");
            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < 0)
                    return new ReadResult(null, $"bad Content-Length '{Shorten(value)}'");
                length = n;
            }
        }
        int size = length!.Value;
        if (size > MaxMessageBytes)
        {
            Skip(size);
            return new ReadResult(null, $"message of {size:N0} bytes is over the limit of {MaxMessageBytes:N0}");
        }
        var body = new byte[size];
        int read = 0;
        while (read < size)
        {
            int n = _input.Read(body, read, size - read);
            if (n == 0) return null;
            read += n;
        }
        return new ReadResult(body, null);
    }

    private void Skip(long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            int n = _input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (n == 0) return;
            count -= n;
        }
    }

    // Header lines end with CRLF (a lone LF is accepted); they are ASCII and short.
    private string? ReadHeaderLine()
    {
        var sb = new StringBuilder();
        while (true)
        {
            int n = _input.Read(_one, 0, 1);
            if (n == 0) return sb.Length == 0 ? null : sb.ToString();
            char c = (char)_one[0];
            if (c == '\n') return sb.ToString().TrimEnd('\r');
            if (sb.Length > 1024) return sb.ToString(); // not a header: let the caller refuse it
            sb.Append(c);
        }
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

/// <summary>A message read, or why none could be.</summary>
public sealed record ReadResult(byte[]? Body, string? FramingProblem);

/// <summary>Writes LSP base-protocol messages; safe to call from several threads.</summary>
public sealed class MessageWriter(Stream output)
{
    private readonly Stream _output = output;
    private readonly Lock _lock = new();

    /// <summary>Writes one message.</summary>
    public void Write(ReadOnlySpan<byte> json)
    {
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {json.Length}\r\n\r\n");
        lock (_lock)
        {
            _output.Write(header);
            _output.Write(json);
            _output.Flush();
        }
    }
}
