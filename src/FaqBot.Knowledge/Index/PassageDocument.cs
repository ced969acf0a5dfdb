using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Chunking;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace FaqBot.Knowledge.Index;

// One Lucene document per passage: title, heading path and body as weighted stems (BM25), every surface word once
// (document frequencies for spelling correction), and the passage with its citation, stored.
internal static class PassageDocument
{
    private static readonly FieldType DocumentsOnly = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

    // Term frequencies and norms for BM25; no positions: synonym phrases are checked when re-ranking.
    private static readonly FieldType PassageField = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    public static (Document Document, int BodyWords) Create(int row, Passage passage, Stemmer stemmer)
    {
        var title = TextWords.Of(passage.Title);
        var heading = passage.HeadingPath.SelectMany(h => TextWords.Of(h)).ToList();
        var body = TextWords.Of(passage.Text);
        var surface = new HashSet<string>(body, StringComparer.Ordinal);
        surface.UnionWith(title);
        surface.UnionWith(heading);

        var c = passage.Citation;
        var document = new Document
        {
            new Field(IndexSchema.Passage, Stream(Weighted(title, heading, body, stemmer)), PassageField),
            new Field(IndexSchema.Words, Stream([.. surface]), DocumentsOnly),
            new StoredField(IndexSchema.Row, row),
            new StoredField(IndexSchema.Id, passage.Id),
            new StoredField(IndexSchema.DocId, passage.DocId),
            new StoredField(IndexSchema.Ordinal, passage.Ordinal),
            new StoredField(IndexSchema.HeadingPath, string.Join(IndexSchema.HeadingSeparator, passage.HeadingPath)),
            new StoredField(IndexSchema.Text, passage.Text),
            // Repeated on each passage of an article; stored fields are compressed in blocks, so that costs little.
            new StoredField(IndexSchema.CitationTitle, c.Title),
            new StoredField(IndexSchema.Publisher, c.Publisher),
            new StoredField(IndexSchema.Author, c.Author),
            new StoredField(IndexSchema.Url, c.Url),
            new StoredField(IndexSchema.Published, c.Published),
            new StoredField(IndexSchema.Updated, c.Updated),
            new StoredField(IndexSchema.ReviewedBy, c.ReviewedBy),
            new StoredField(IndexSchema.ReviewedOn, c.ReviewedOn),
        };
        return (document, body.Count);
    }

    private static List<string> Weighted(List<string> title, List<string> heading, List<string> body, Stemmer stemmer)
    {
        var stems = new List<string>((title.Count * IndexSchema.TitleWeight) + (heading.Count * IndexSchema.HeadingWeight) + body.Count);
        for (var i = 0; i < IndexSchema.TitleWeight; i++)
        {
            stems.AddRange(title.Select(stemmer.Stem));
        }

        for (var i = 0; i < IndexSchema.HeadingWeight; i++)
        {
            stems.AddRange(heading.Select(stemmer.Stem));
        }

        stems.AddRange(body.Select(stemmer.Stem));
        return stems;
    }

    private static WordsTokenStream Stream(IReadOnlyList<string> words) => new WordsTokenStream().SetWords(words);

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
