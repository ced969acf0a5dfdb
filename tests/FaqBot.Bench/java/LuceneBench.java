import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.MMapDirectory;

// The comparison side of FaqBot.Bench --vs-java: plain Lucene 8 BM25 with EnglishAnalyzer on the same passages
// (title, headings and text in one field) and the same questions, measured the way the bench measures FaqBot.
// Usage: LuceneBench passages.tsv questions.txt indexDir rounds
public final class LuceneBench {
    public static void main(String[] args) throws IOException {
        List<String[]> passages = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            passages.add(line.split("\t", -1));
        }
        List<String> questions = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        Path indexDir = Paths.get(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Analyzer analyzer = new EnglishAnalyzer();

        long start = System.nanoTime();
        try (MMapDirectory directory = new MMapDirectory(indexDir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (String[] p : passages) {
                Document document = new Document();
                document.add(new StoredField("id", p[0]));
                document.add(new TextField("text", unescape(p[1]) + "\n" + unescape(p[2]) + "\n" + unescape(p[3]), Field.Store.YES));
                writer.addDocument(document);
            }
            writer.commit();
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("java build: %d passages, %.2f s%n", passages.size(), buildSeconds);

        try (MMapDirectory directory = new MMapDirectory(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            long warmUntil = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (String q : questions) {
                    search(searcher, analyzer, q);
                }
            }

            double[] samples = new double[questions.size() * rounds];
            double[] best = new double[questions.size()];
            Arrays.fill(best, Double.MAX_VALUE);
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < questions.size(); i++) {
                    long t = System.nanoTime();
                    search(searcher, analyzer, questions.get(i));
                    double us = (System.nanoTime() - t) / 1000.0;
                    samples[n++] = us;
                    best[i] = Math.min(best[i], us);
                }
            }
            Arrays.sort(samples);
            Arrays.sort(best);
            System.out.printf("java search: p50 %.0f us, p99 %.0f us; best round p50 %.0f us, p99 %.0f us%n",
                percentile(samples, 0.50), percentile(samples, 0.99), percentile(best, 0.50), percentile(best, 0.99));
        }
    }

    // The analysed question's terms OR-ed, top 10: what a plain Lucene search box does without a query parser.
    private static int search(IndexSearcher searcher, Analyzer analyzer, String question) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        try (TokenStream stream = analyzer.tokenStream("text", question)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            int count = 0;
            while (stream.incrementToken() && count++ < 1024) {
                builder.add(new TermQuery(new Term("text", term.toString())), BooleanClause.Occur.SHOULD);
            }
            stream.end();
        }
        Query query = builder.build();
        return searcher.search(query, 10).scoreDocs.length;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }
}
