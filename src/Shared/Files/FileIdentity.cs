using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SciaticaAdvisor.Files;

/// <summary>
/// Which file a path names, as the file system knows it (device and inode, after following links),
/// so two paths to one file are found out whatever their spelling: a symbolic link, a hard link,
/// <c>/proc/self/cwd/…</c>, <c>./a/../b</c>.
/// </summary>
internal static partial class FileIdentity
{
    /// <summary>Whether the two paths name the same existing file.</summary>
    public static bool AreSame(string first, string second)
    {
        if (OperatingSystem.IsLinux() && Stat(first) is { } a && Stat(second) is { } b)
        {
            return a == b;
        }

        // Elsewhere (and where stat fails) the best that can be told without the inode: the final
        // targets of any links, spelled out in full. Hard links are not found this way.
        return File.Exists(first) && File.Exists(second)
            && string.Equals(Resolved(first), Resolved(second), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>Whether the path leads to a regular file: not a device (<c>/dev/null</c>, <c>/dev/full</c>), a pipe or a folder.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsLinux() && Mode(path) is { } mode)
        {
            const uint TypeMask = 0xF000, Regular = 0x8000;
            return (mode & TypeMask) == Regular;
        }

        return File.Exists(path) && !path.StartsWith("/dev/", StringComparison.Ordinal);
    }

    private static string Resolved(string path) =>
        Path.GetFullPath(File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path);

    /// <summary>The device and inode of the file <paramref name="path"/> leads to, or <see langword="null"/> when there is none.</summary>
    private static (ulong Device, ulong Inode)? Stat(string path) =>
        StatBuffer(path) is { } buffer ? (BinaryPrimitives.ReadUInt64LittleEndian(buffer), BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8))) : null;

    /// <summary>The st_mode of the file: after st_nlink on x64, before it on arm64.</summary>
    private static uint? Mode(string path) => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => StatBuffer(path) is { } b ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(24)) : null,
        Architecture.Arm64 => StatBuffer(path) is { } b ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(16)) : null,
        _ => null,
    };

    private static byte[]? StatBuffer(string path)
    {
        // struct stat begins with st_dev and st_ino, 8 bytes each, on Linux x64 and arm64 (glibc and musl);
        // the buffer is larger than the whole struct on any of them.
        var buffer = new byte[256];
        int result;
        try
        {
            result = StatNative(path, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat, whose first argument is the struct's version.
            result = XStatNative(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, path, buffer);
        }
        catch (DllNotFoundException)
        {
            return null;
        }

        return result != 0 ? null : buffer;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatNative(string path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "__xstat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int XStatNative(int version, string path, [Out] byte[] buffer);
}
