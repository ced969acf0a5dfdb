using System.Security.Cryptography;
using System.Text;
using FaqBot.Knowledge.Chunking;

namespace FaqBot.Knowledge.Semantic;

/// <summary>One passage's vectors: of its text, and of each patient question its section carries.</summary>
/// <param name="TextHash">Hash of the passage text the vector was made from: an unchanged passage is never re-embedded.</param>
public sealed record PassageVector(string PassageId, string TextHash, float[] Text, IReadOnlyList<(string Question, float[] Vector)> Questions);

/// <summary>
/// The embeddings of every passage, kept in a file beside the index and keyed by each passage's text hash and each
/// question's text, so that a rebuild after an edit embeds only what changed. The file is written whole to a temporary
/// name and renamed into place: a reader sees the old file or the new one, never half of one.
/// </summary>
public sealed class PassageVectors
{
    private const string Magic = "FAQBOT-VECTORS";
    private const int SchemaVersion = 1;

    private readonly Dictionary<string, PassageVector> _byId;

    private PassageVectors(string contentHash, IEnumerable<PassageVector> vectors)
    {
        ContentHash = contentHash;
        _byId = vectors.ToDictionary(v => v.PassageId, StringComparer.Ordinal);
    }

    /// <summary>The knowledge folder's content hash the vectors were made for.</summary>
    public string ContentHash { get; }

    public int Count => _byId.Count;

    /// <summary>How many texts were embedded to build this (0 when every vector came from the previous file).</summary>
    public int Embedded { get; private init; }

    public PassageVector? this[string passageId] => _byId.GetValueOrDefault(passageId);

    public IEnumerable<PassageVector> All => _byId.Values;

    /// <summary>Every patient question's vector, over all passages.</summary>
    public IEnumerable<float[]> QuestionVectors => _byId.Values.SelectMany(v => v.Questions.Select(q => q.Vector));

    public static string HashText(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    /// <summary>Embeds the passages and their questions, reusing every vector of <paramref name="previous"/> whose text
    /// is unchanged.</summary>
    public static PassageVectors Build(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, IReadOnlyList<string>> questionsByPassage,
        SentenceEmbedder embedder, string contentHash, PassageVectors? previous = null, IProgress<int>? progress = null)
    {
        var oldTexts = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var oldQuestions = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var vector in previous?._byId.Values ?? Enumerable.Empty<PassageVector>())
        {
            oldTexts.TryAdd(vector.TextHash, vector.Text);
            foreach (var (question, questionVector) in vector.Questions)
            {
                oldQuestions.TryAdd(question, questionVector);
            }
        }

        var embedded = 0;
        var result = new List<PassageVector>(passages.Count);
        foreach (var passage in passages)
        {
            var hash = HashText(passage.Text);
            if (!oldTexts.TryGetValue(hash, out var text))
            {
                text = embedder.EmbedDocument(passage.Text);
                oldTexts[hash] = text;
                embedded++;
            }

            var questions = new List<(string, float[])>();
            foreach (var question in questionsByPassage.GetValueOrDefault(passage.Id) ?? [])
            {
                if (!oldQuestions.TryGetValue(question, out var vector))
                {
                    vector = embedder.EmbedQuery(question);
                    oldQuestions[question] = vector;
                    embedded++;
                }

                questions.Add((question, vector));
            }

            result.Add(new PassageVector(passage.Id, hash, text, questions));
            progress?.Report(result.Count);
        }

        return new PassageVectors(contentHash, result) { Embedded = embedded };
    }

    /// <summary>The file, or null when it is missing, of another schema or model size, or damaged: then it is rebuilt.</summary>
    public static PassageVectors? Load(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != SchemaVersion || reader.ReadInt32() != SentenceEmbedder.Dimensions)
            {
                return null;
            }

            var contentHash = reader.ReadString();
            var count = reader.ReadInt32();
            var vectors = new List<PassageVector>(count);
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                var textHash = reader.ReadString();
                var text = ReadVector(reader);
                var questionCount = reader.ReadInt32();
                var questions = new List<(string, float[])>(questionCount);
                for (var q = 0; q < questionCount; q++)
                {
                    questions.Add((reader.ReadString(), ReadVector(reader)));
                }

                vectors.Add(new PassageVector(id, textHash, text, questions));
            }

            return reader.ReadString() == Magic ? new PassageVectors(contentHash, vectors) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.{RandomNumberGenerator.GetHexString(8)}.tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(SchemaVersion);
                writer.Write(SentenceEmbedder.Dimensions);
                writer.Write(ContentHash);
                writer.Write(_byId.Count);
                foreach (var vector in _byId.Values)
                {
                    writer.Write(vector.PassageId);
                    writer.Write(vector.TextHash);
                    WriteVector(writer, vector.Text);
                    writer.Write(vector.Questions.Count);
                    foreach (var (question, questionVector) in vector.Questions)
                    {
                        writer.Write(question);
                        WriteVector(writer, questionVector);
                    }
                }

                // A closing mark: a file cut short by a crash fails to load instead of loading half.
                writer.Write(Magic);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static float[] ReadVector(BinaryReader reader)
    {
        var vector = new float[SentenceEmbedder.Dimensions];
        var bytes = reader.ReadBytes(vector.Length * sizeof(float));
        if (bytes.Length != vector.Length * sizeof(float))
        {
            throw new EndOfStreamException();
        }

        Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
        return vector;
    }

    private static void WriteVector(BinaryWriter writer, float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        writer.Write(bytes);
    }
}
