using System.Runtime.InteropServices;

namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// ONNX Runtime allocates each run's tensors with malloc. glibc serves blocks over 128 KB from the heap once a block
/// that size has been freed (its mmap threshold rises by itself, up to 32 MB), and a heap rarely shrinks: after a few
/// long passages the bot kept about 60 MB it no longer used. A fixed threshold sends every large tensor to its own
/// mapping, given back to the system when freed.
/// </summary>
internal static class NativeHeap
{
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD in glibc's malloc.h

    private static int _done;

    public static void KeepLargeBlocksOutOfTheHeap()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        try
        {
            _ = Mallopt(MmapThreshold, 128 * 1024);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, e.g. Alpine): its allocator returns large blocks by itself.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
