using BitFaster.Caching.Lru;
using FaqBot.Knowledge.Clinic;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Answering;

/// <summary>
/// Remembers what a message decides on its own (triage, personal advice, search) for messages seen before: patients
/// click the same example questions and buttons, and the same few questions come again and again. The answer to a
/// message depends only on its text and the knowledge, which is fixed while the process runs but for passages staff hide.
/// </summary>
internal sealed class StandaloneCache(int capacity)
{
    // Bounded by BitFaster's concurrent LRU: when full, messages asked once go before the popular ones.
    private readonly FastConcurrentLru<(string Text, int Limit), Standalone> _entries =
        new(Environment.ProcessorCount, Math.Max(3, capacity), StringTupleComparer.Instance);

    private long _resultsVersion;

    /// <param name="resultsVersion">The searcher's <see cref="IPassageSearcher.ResultsVersion"/>: when staff hid a
    /// passage or showed one again, everything remembered is forgotten.</param>
    public Standalone GetOrAdd(string text, int limit, Func<Standalone> decide, long resultsVersion = 0)
    {
        if (capacity <= 0 || text.Length > 500)
        {
            return decide();
        }

        // Read first: every decision passes here, and a write to the shared field on each would bounce its cache line
        // between cores; only a staff change (a new version) writes.
        if (Volatile.Read(ref _resultsVersion) != resultsVersion && Interlocked.Exchange(ref _resultsVersion, resultsVersion) != resultsVersion)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd((text, limit), static (_, decide) => decide(), decide);
    }

    private sealed class StringTupleComparer : IEqualityComparer<(string Text, int Limit)>
    {
        public static readonly StringTupleComparer Instance = new();

        public bool Equals((string Text, int Limit) x, (string Text, int Limit) y) =>
            x.Limit == y.Limit && string.Equals(x.Text, y.Text, StringComparison.Ordinal);

        public int GetHashCode((string Text, int Limit) key) => HashCode.Combine(StringComparer.Ordinal.GetHashCode(key.Text), key.Limit);
    }
}

/// <summary>What a message decides without any conversation context.</summary>
/// <param name="StandsAlone">False for a short follow-up ("how long does it last?") that is searched with the conversation's topic.</param>
internal sealed record Standalone(UrgentMatch? Urgent, bool IsPersonalAdvice, SearchResult Result, bool StandsAlone)
{
    private ClinicMatch? _clinicFact;
    private volatile bool _clinicFactKnown;

    /// <summary>The clinic fact the message asks about, worked out once: it compares the message with every patient
    /// question in the articles, and a declined message comes back as often as an answered one.</summary>
    public ClinicMatch? ClinicFact(ClinicFacts clinic, string text)
    {
        if (!_clinicFactKnown)
        {
            // Two threads may both work it out; the answer is the same, so either write is right.
            _clinicFact = clinic.Match(text);
            _clinicFactKnown = true;
        }

        return _clinicFact;
    }
}
