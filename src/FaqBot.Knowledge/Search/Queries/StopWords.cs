namespace FaqBot.Knowledge.Search.Queries;

/// <summary>Function words, question words and chat filler that say nothing about what a patient wants to know.</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // function words
        "a", "about", "above", "again", "against", "all", "am", "an", "and", "any", "are", "aren", "as", "at",
        "be", "because", "been", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
        "couldn", "d", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "each", "either", "else",
        "etc", "even", "ever", "every", "few", "for", "from", "further", "had", "hadn", "has", "hasn", "have", "haven",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "i", "if", "im", "in", "into", "is",
        "isn", "it", "its", "itself", "ive", "just", "ll", "m", "me", "might", "mine", "more", "most", "much", "must",
        "my", "myself", "neither", "nor", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "re", "s", "same", "shall", "she", "should", "shouldn", "so", "some",
        "such", "t", "than", "that", "thats", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "ve", "very", "was",
        "wasn", "we", "were", "weren", "will", "with", "won", "would", "wouldn", "y", "you", "your", "yours",
        "yourself", "yourselves", "also", "really", "still", "yet", "whether", "while", "within", "without",
        "anything", "something", "everything", "nothing", "anyone", "someone", "everyone", "one", "ones", "lot", "lots",
        "bit", "kind", "sort", "thing", "things", "stuff", "way", "ways",
        // question words
        "what", "whats", "when", "where", "which", "who", "whom", "whose", "why", "how", "hows",
        // chat filler
        "hi", "hello", "hey", "please", "pls", "plz", "thanks", "thank", "thx", "ok", "okay", "yes", "no", "not",
        "wondering", "wonder", "wondered", "question", "questions", "ask", "asking", "tell", "know", "knowing",
        "want", "wanted", "wanna", "need", "like", "would", "get", "got", "getting", "go", "going", "gonna",
        "let", "lets", "say", "said", "think", "thought", "guess", "mean", "maybe", "probably", "actually",
        "basically", "anyway", "anyways", "someone", "somebody", "anybody", "sure", "well", "oh", "um", "uh",
        "u", "ur", "r", "im", "id", "dont", "cant", "wont", "isnt", "doesnt", "didnt", "cause", "coz", "cuz",
        "much", "many", "lol", "also", "already", "now", "today", "currently", "recently", "soon",
        "is", "are", "info", "information", "explain", "describe", "usually", "typically", "generally", "normally",
    };

    // Words patients use around the point rather than for it ("how long does it take"); they count, but little.
    private static readonly HashSet<string> Weak = new(StringComparer.Ordinal)
    {
        "long", "take", "takes", "took", "taking", "make", "makes", "made", "good", "bad", "best", "better", "work",
        "works", "worked", "time", "times", "day", "days", "people", "person", "help", "helps", "happen", "happens",
        "start", "started", "done", "come", "comes", "give", "look", "looks", "feel", "feels", "see", "try", "right",
        "new", "old", "big", "little", "fine", "normal", "okay", "common", "possible", "able", "use", "used", "using",
        "try", "tried", "first", "next", "last", "part", "parts", "area", "areas", "type", "types", "often", "long",
        "worth", "fix", "problem", "problems", "issue", "issues", "thing", "result", "results", "expect", "supposed",
        // A patient's "clinic" is the place they go to ("where is the clinic", "done at the clinic"), not the topic;
        // at full weight it matched every "clinical" (the same stem) and answered "where is the clinic" with a
        // heading about clinical efficacy at full confidence.
        "clinic", "clinics",
    };

    public static bool Contains(string word) => Words.Contains(word);

    public static bool IsWeak(string word) => Weak.Contains(word);
}
