using FaqBot.Knowledge.Chunking;

namespace FaqBot.Knowledge.Search;

/// <summary>The read side of the knowledge base; the seam where another engine (Lucene.Net) could replace SQLite FTS5.</summary>
public interface IPassageSearcher
{
    /// <summary>Never throws on user text: empty, huge or syntax-looking questions give an empty or abstaining result.</summary>
    SearchResult Search(string question, int limit = 10);

    Passage? GetPassage(string passageId);

    /// <summary>The passage after this one in the same article, for "tell me more"; null at the article's end.</summary>
    Passage? GetNextPassage(string passageId);

    /// <summary>One line per article (title and its top headings), for "what can you answer?".</summary>
    IReadOnlyList<ArticleSummary> GetArticles();

    /// <summary>Changes whenever the same question may get other passages than before (staff hid one or showed it
    /// again), so caches of search results know to forget.</summary>
    long ResultsVersion => 0;
}
