using System.IO.Compression;
using System.Text;
using KommoWidgetKit.Packaging;

namespace KommoWidgetKit.Tests.Packaging;

public class DeflaterTests
{
    // Source-like text: words repeated near and far, as AMD modules are.
    private static byte[] Script(int modules)
    {
        var sb = new StringBuilder();
        var random = new Random(7);
        string[] words = ["define", "function", "return", "self", "this.callbacks", "render", "settings", "var", "if", "true", "null", "$.ajax", "widget"];
        for (int m = 0; m < modules; m++)
        {
            sb.Append("define('m").Append(m).Append("', ['jquery'], function ($) {\n");
            for (int i = 0; i < 60; i++)
                sb.Append("  ").Append(words[random.Next(words.Length)]).Append(' ').Append(words[random.Next(words.Length)]).Append("(").Append(random.Next(1000)).Append(");\n");
            sb.Append("});\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Inflate(byte[] deflated)
    {
        using var output = new MemoryStream();
        using (var inflate = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress)) inflate.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public void Zlib_output_inflates_to_the_input_and_incompressible_input_is_stored()
    {
        using var session = Deflater.OpenZlib();
        var text = Script(40);
        var deflated = session.Compress(text);
        Assert.NotNull(deflated);
        Assert.True(deflated!.Length < text.Length / 3);
        Assert.Equal(text, Inflate(deflated));

        var noise = new byte[50_000];
        new Random(3).NextBytes(noise);
        Assert.Null(session.Compress(noise));
        Assert.Null(session.Compress([]));
    }

    [SkippableFact]
    public void LibDeflate_output_inflates_to_the_input_and_is_smaller_than_zlib_ng()
    {
        using var lib = Deflater.OpenLibDeflate();
        Skip.If(lib is null, "libdeflate is not installed (Debian: apt-get install libdeflate0); .ci/run installs it");
        using var zlib = Deflater.OpenZlib();
        foreach (int modules in new[] { 1, 10, 80 })
        {
            var text = Script(modules);
            var a = lib!.Compress(text)!;
            var b = zlib.Compress(text)!;
            Assert.Equal(text, Inflate(a));
            Assert.True(a.Length < b.Length, $"{modules} modules: libdeflate {a.Length} bytes, zlib-ng {b.Length}");
            // The same input gives the same bytes: the archive stays reproducible.
            Assert.Equal(a, lib.Compress(text));
        }
        // Output that would not be smaller than the input is not produced at all: the entry is stored.
        var noise = new byte[10_000];
        new Random(5).NextBytes(noise);
        Assert.Null(lib!.Compress(noise));
        Assert.Null(lib.Compress([0x41]));
    }

    [Fact]
    public void The_environment_variable_chooses_the_compressor_or_is_refused()
    {
        Assert.Null(Deflater.Chosen("zlib"));
        Assert.Null(Deflater.Chosen(" ZLIB-NG "));
        var unknown = Assert.Throws<PackException>(() => Deflater.Chosen("brotli"));
        Assert.Contains("KOMMO_WIDGET_DEFLATE must be libdeflate or zlib, not 'brotli'", unknown.Message);
        bool available = Deflater.OpenLibDeflate() is { } s && Dispose(s);
        Assert.Equal(available, Deflater.Chosen(null) is not null);
        Assert.Equal(available, Deflater.Chosen("") is not null);
        if (available) Assert.NotNull(Deflater.Chosen("libdeflate"));
        else Assert.Contains("no libdeflate library was found", Assert.Throws<PackException>(() => Deflater.Chosen("libdeflate")).Message);
    }

    private static bool Dispose(IDisposable d)
    {
        d.Dispose();
        return true;
    }

    [Fact]
    public void A_session_compresses_from_many_threads_each_with_its_own_compressor()
    {
        var inputs = Enumerable.Range(1, 24).Select(Script).ToArray();
        var outputs = new byte[inputs.Length][];
        Parallel.For(0, inputs.Length, Deflater.Open, (i, _, session) =>
        {
            outputs[i] = session.Compress(inputs[i])!;
            return session;
        }, session => session.Dispose());
        for (int i = 0; i < inputs.Length; i++) Assert.Equal(inputs[i], Inflate(outputs[i]));
    }
}
