using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Ingestion;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using FaqBot.Knowledge.Search.Queries;
using FaqBot.Knowledge.Search.Ranking;

namespace FaqBot.Knowledge.Search.Generations;

// One open generation of the index and everything the searcher keeps in memory from it: passages with citations,
// the vocabulary, and each passage's terms once it has been a candidate. The reader's reference count (see
// GenerationManager) decides when it closes, so a search that started on it finishes on it.
internal sealed class IndexGeneration : IReaderDisposedListener
{
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly PassageTerms?[] _terms;

    private IndexGeneration(string folder, Lucene.Net.Store.Directory directory, DirectoryReader reader, SynonymTable synonyms)
    {
        (Folder, _directory, Reader) = (folder, directory, reader);
        var meta = reader.IndexCommit.UserData;
        if (meta.TryGetValue(IndexSchema.SchemaKey, out var schema) ? schema != IndexSchema.Version : true)
        {
            throw new InvalidDataException($"The index in {folder} has schema '{schema}', not {IndexSchema.Version}; rebuild it.");
        }

        ContentHash = meta.TryGetValue(IndexSchema.ContentHashKey, out var hash) ? hash : null;
        (Passages, RowOfDocument) = LoadPassages(reader);
        RowById = new Dictionary<string, int>(Passages.Length, StringComparer.Ordinal);
        for (var i = 0; i < Passages.Length; i++)
        {
            RowById[Passages[i].Id] = i;
        }

        Articles = Summaries(Passages);
        Vocabulary = LoadVocabulary(reader, Passages.Length);
        Analyzer = new QueryAnalyzer(Vocabulary, synonyms);
        Searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _terms = new PassageTerms?[Passages.Length];
        reader.AddReaderDisposedListener(this);
    }

    public string Folder { get; }

    public string? ContentHash { get; }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    public Passage[] Passages { get; }

    public int[] RowOfDocument { get; }

    public Dictionary<string, int> RowById { get; }

    public IReadOnlyList<ArticleSummary> Articles { get; }

    public Vocabulary Vocabulary { get; }

    public QueryAnalyzer Analyzer { get; }

    public static IndexGeneration Open(string folder, SynonymTable synonyms)
    {
        var directory = FSDirectory.Open(folder);
        try
        {
            return new IndexGeneration(folder, directory, DirectoryReader.Open(directory), synonyms);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public PassageTerms Terms(int row)
    {
        if (_terms[row] is { } cached)
        {
            return cached;
        }

        var passage = Passages[row];
        return _terms[row] = new PassageTerms(Vocabulary, passage.Title, passage.HeadingPath, passage.Text);
    }

    void IReaderDisposedListener.OnDispose(IndexReader reader) => _directory.Dispose();

    private static (Passage[] Passages, int[] RowOfDocument) LoadPassages(DirectoryReader reader)
    {
        var passages = new Passage[reader.NumDocs];
        var rowOfDocument = new int[reader.MaxDoc];
        var citations = new Dictionary<string, Citation>(StringComparer.Ordinal);
        for (var document = 0; document < reader.MaxDoc; document++)
        {
            var stored = reader.Document(document);
            var row = stored.GetField(IndexSchema.Row).GetInt32Value()!.Value;
            var docId = stored.Get(IndexSchema.DocId);
            if (!citations.TryGetValue(docId, out var citation))
            {
                citations[docId] = citation = new Citation(stored.Get(IndexSchema.CitationTitle), stored.Get(IndexSchema.Publisher), stored.Get(IndexSchema.Author),
                    stored.Get(IndexSchema.Url), stored.Get(IndexSchema.Published), stored.Get(IndexSchema.Updated), stored.Get(IndexSchema.ReviewedBy), stored.Get(IndexSchema.ReviewedOn));
            }

            var path = stored.Get(IndexSchema.HeadingPath);
            passages[row] = new Passage(stored.Get(IndexSchema.Id), docId, path.Length == 0 ? [] : path.Split(IndexSchema.HeadingSeparator),
                stored.GetField(IndexSchema.Ordinal).GetInt32Value()!.Value, stored.Get(IndexSchema.Text), citation);
            rowOfDocument[document] = row;
        }

        return (passages, rowOfDocument);
    }

    private static List<ArticleSummary> Summaries(Passage[] passages) =>
        passages.GroupBy(p => p.DocId)
            .Select(g => new ArticleSummary(g.Key, g.First().Citation, g.Where(p => p.HeadingPath.Count > 0).Select(p => p.HeadingPath[0]).Distinct().ToList()))
            .ToList();

    // Lucene's term dictionary is the vocabulary: surface words with their document frequencies (stemmed with the
    // index's own stemmer) and each stem's document frequency.
    private static Vocabulary LoadVocabulary(DirectoryReader reader, int passageCount)
    {
        var words = Terms(reader, IndexSchema.Words).Select(t => (t.Term, Stemmer.StemOnce(t.Term), t.DocFreq)).ToList();
        var stemDf = Terms(reader, IndexSchema.Passage).ToDictionary(t => t.Term, t => t.DocFreq, StringComparer.Ordinal);
        return new Vocabulary(passageCount, words, stemDf);
    }

    private static IEnumerable<(string Term, int DocFreq)> Terms(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            yield break;
        }

        var each = terms.GetEnumerator();
        while (each.MoveNext())
        {
            yield return (each.Term.Utf8ToString(), each.DocFreq);
        }
    }
}
