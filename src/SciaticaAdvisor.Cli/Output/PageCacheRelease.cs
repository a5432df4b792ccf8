using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SciaticaAdvisor.Cli.Output;

/// <summary>
/// Keeps a long output from filling the page cache with pages nobody will read soon: each window of
/// bytes written is handed to the kernel to write back at once, and the window before it, written
/// back by then as a rule, is dropped from the cache (pages still being written stay). Linux only; advice to the kernel, so a file system that ignores
/// it (tmpfs) loses nothing, and the file's bytes are the same either way.
/// </summary>
/// <remarks>
/// A million advices are ~4.4 GB. Written through the page cache as it fills, each page of it is a
/// page the kernel must find, and on a virtual machine that hands freed memory back to its host
/// (free page reporting) a page not touched for a while is one the host must fault in again: there a
/// buffered 4.6 GB write took 7.3–8.3 s of kernel time against 1.1 s when its pages had just been
/// freed (docs/performance.md, "The batch's write"). Dropped behind the writer, the same few
/// windows' pages are used over and over. The cost is the page cache's help to a reader that opens
/// the output at once: it reads from the disk.
/// </remarks>
internal sealed partial class PageCacheRelease
{
    /// <summary>The bytes handed to the kernel at a time by default: 2 to 32 MiB made no difference that showed (docs/performance.md).</summary>
    internal const long DefaultWindow = 8L * 1024 * 1024;

    private const uint SyncFileRangeWrite = 2;
    private const int Invalid = 22;
    private const int NotSeekable = 29;
    private const int NoSuchCall = 38;
    private const int FadviseDontNeed = 4;

    private readonly SafeFileHandle _file;

    private readonly long _window;

    /// <summary>Where the next window starts: the file up to here has been handed to the kernel.</summary>
    private long _handed;

    private bool _working = true;

    private PageCacheRelease(SafeFileHandle file, long start, long window)
    {
        _file = file;
        _window = window;
        _handed = start - start % window;
    }

    /// <summary>How many windows were dropped from the cache: for tests and the batch's stats.</summary>
    public int Dropped { get; private set; }

    /// <summary>Whether the kernel took the advice: false after a file that refused it (a device, an old kernel).</summary>
    public bool Working => _working;

    /// <summary>
    /// A release for a file written from <paramref name="start"/> on, or null where there is none to do
    /// (not Linux, not a seekable file). A device that seeks (<c>/dev/null</c>) refuses the first call
    /// (<c>ESPIPE</c>), and the release stops there.
    /// </summary>
    /// <param name="stream">The output.</param>
    /// <param name="start">Where the run starts writing it (a resumed run: after what it keeps).</param>
    /// <param name="window">The bytes handed to the kernel at a time.</param>
    public static PageCacheRelease? For(Stream stream, long start, long window = DefaultWindow) =>
        OperatingSystem.IsLinux() && stream is FileStream { CanSeek: true, SafeFileHandle: { IsInvalid: false } file }
            ? new PageCacheRelease(file, start, window)
            : null;

    /// <summary>Tells the release the file has been written up to <paramref name="position"/>.</summary>
    public void WrittenTo(long position)
    {
        while (_working && position - _handed >= _window)
        {
            var fd = (int)_file.DangerousGetHandle();
            try
            {
                if (SyncFileRange(fd, _handed, _window, SyncFileRangeWrite) != 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error is not (NoSuchCall or NotSeekable or Invalid))
                    {
                        // EIO, ENOSPC, ENOMEM: the write-back failed, which the run must not vouch for.
                        throw new IOException($"the output's write-back failed (errno {error})");
                    }

                    // ENOSYS, ESPIPE, EINVAL: nothing to gain on this file; the writes go on as they were.
                    _working = false;
                    return;
                }

                if (_handed >= _window && Fadvise(fd, _handed - _window, _window, FadviseDontNeed) == 0)
                {
                    Dropped++;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _working = false;
                return;
            }

            _handed += _window;
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(int fd, long offset, long count, uint flags);

    /// <summary><c>posix_fadvise</c>, which returns its error rather than setting <c>errno</c>.</summary>
    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Fadvise(int fd, long offset, long length, int advice);
}
