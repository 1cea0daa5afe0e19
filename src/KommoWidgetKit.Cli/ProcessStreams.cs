using System.Runtime.InteropServices;
using System.Text;

namespace KommoWidgetKit.Cli;

/// <summary>The process's standard output and error as the commands write to them.</summary>
/// <remarks>
/// On Linux and macOS these are UTF-8 writers straight over file descriptors 1 and 2 (each write a <c>write(2)</c> of
/// what was written, as System.Console's own stream does), without System.Console's set-up: looking up the locale's
/// encoding by name, terminal and signal handling for keyboard input, which the commands do not read. That set-up was
/// about a twentieth of a <c>validate</c> answered from the cache (bench/README.md). Output is always UTF-8, as on every
/// current system; a closed pipe (<c>| head</c>) or a closed descriptor ends the output silently, as System.Console
/// does. On Windows they are <see cref="Console.Out"/> and <see cref="Console.Error"/>.
/// </remarks>
internal static partial class ProcessStreams
{
    private const int StdoutFd = 1, StderrFd = 2;

    private static TextWriter? s_out, s_error;

    /// <summary>Standard output.</summary>
    public static TextWriter Out => s_out ??= Create(StdoutFd);

    /// <summary>Standard error.</summary>
    public static TextWriter Error => s_error ??= Create(StderrFd);

    /// <summary>True when <paramref name="writer"/> is this process's standard output or error and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer)
    {
        if (OperatingSystem.IsWindows())
        {
            return ReferenceEquals(writer, Console.Out) ? !Console.IsOutputRedirected
                : ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        }
        int fd = ReferenceEquals(writer, s_out) ? StdoutFd : ReferenceEquals(writer, s_error) ? StderrFd : -1;
        return fd >= 0 && IsATty(fd) == 1;
    }

    /// <summary>True when <paramref name="writer"/> is this process's standard output or error.</summary>
    public static bool IsProcessWriter(TextWriter writer) =>
        ReferenceEquals(writer, s_out) || ReferenceEquals(writer, s_error) ||
        (OperatingSystem.IsWindows() && (ReferenceEquals(writer, Console.Out) || ReferenceEquals(writer, Console.Error)));

    private static TextWriter Create(int fd)
    {
        if (OperatingSystem.IsWindows()) return fd == StdoutFd ? Console.Out : Console.Error;
        var writer = new StreamWriter(new DescriptorStream(fd), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1024)
        {
            AutoFlush = true,
        };
        return TextWriter.Synchronized(writer);
    }

    // errno values shared by Linux and macOS.
    private const int EINTR = 4, EBADF = 9, EAGAIN_LINUX = 11, EAGAIN_MACOS = 35, EPIPE = 32;

    /// <summary>A write-only stream over a file descriptor this process does not own (never closed here).</summary>
    private sealed class DescriptorStream(int fd) : Stream
    {
        private bool _gone;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override unsafe void Write(ReadOnlySpan<byte> buffer)
        {
            fixed (byte* start = buffer)
            {
                byte* p = start;
                nint left = buffer.Length;
                while (left > 0 && !_gone)
                {
                    nint written = WriteFd(fd, p, left);
                    if (written >= 0)
                    {
                        p += written;
                        left -= written;
                        continue;
                    }
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == EINTR) continue;
                    if (errno == (OperatingSystem.IsMacOS() ? EAGAIN_MACOS : EAGAIN_LINUX))
                    {
                        // A non-blocking descriptor handed to us (rare): wait until it takes more.
                        var poll = new PollFd { Fd = fd, Events = PollOut };
                        _ = Poll(&poll, 1, -1);
                        continue;
                    }
                    if (errno is EPIPE or EBADF)
                    {
                        // The reader went away or there is no such output: what is left has nowhere to go.
                        _gone = true;
                        return;
                    }
                    throw new IOException($"writing to file descriptor {fd} failed (errno {errno})", errno);
                }
            }
        }
    }

    private const short PollOut = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteFd(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);
}
