using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Ingestion;

// Java Lucene 8 on the same passages and questions (java/LuceneBench.java), compiled and run with the JDK's javac and
// java against Debian's liblucene8-java jars. Only the benchmark needs it; no test does.
internal sealed class JavaLucene(string work, string classpath, string passages, string questions, int rounds)
{
    private static readonly string[] Jars = ["lucene-core-8.*.jar", "lucene-analyzers-common-8.*.jar"];

    public static JavaLucene Prepare(string repoRoot, BenchArguments arguments)
    {
        var jars = Jars.Select(j => Directory.Exists("/usr/share/java") ? Directory.GetFiles("/usr/share/java", j).Order().LastOrDefault() : null).ToList();
        if (jars.Any(j => j is null))
        {
            throw new InvalidOperationException($"--vs-java needs Debian's liblucene8-java ({string.Join(", ", Jars)} in /usr/share/java): apt-get install liblucene8-java");
        }

        var work = Directory.CreateTempSubdirectory("faqbot-bench-java-").FullName;
        var classpath = string.Join(':', jars);
        Run("javac", $"-d {work} -cp {classpath} {Path.Combine(repoRoot, "tests", "FaqBot.Bench", "java", "LuceneBench.java")}");

        var passages = Path.Combine(work, "passages.tsv");
        var knowledge = KnowledgeFolder.Read(arguments.Knowledge);
        using (var writer = new StreamWriter(passages, false, new UTF8Encoding(false)))
        {
            foreach (var article in knowledge.Articles)
            {
                foreach (var p in PassageChunker.Chunk(article).Passages)
                {
                    writer.WriteLine(string.Join('\t', p.Id, Escape(p.Title), Escape(string.Join(" ", p.HeadingPath)), Escape(p.Text)));
                }
            }
        }

        var questions = Path.Combine(work, "questions.txt");
        File.WriteAllLines(questions, File.ReadLines(arguments.Questions).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!.ReplaceLineEndings(" ")));
        return new JavaLucene(work, classpath + ":" + work, passages, questions, arguments.Rounds);
    }

    public (double BuildSeconds, double P50, double P99, double BestP50, double BestP99) Run()
    {
        try
        {
            var output = Run("java", $"-Xmx1g -cp {classpath} LuceneBench {passages} {questions} {Path.Combine(work, "index")} {rounds}");
            Console.Write(output);
            double Number(string label) => double.Parse(output.Split(label)[1].TrimStart().Split(' ')[0], CultureInfo.InvariantCulture);
            var bestLine = output.Split("best round")[1];
            return (Number("passages,"), Number("search: p50"), Number("p99"), double.Parse(bestLine.Split("p50")[1].TrimStart().Split(' ')[0], CultureInfo.InvariantCulture),
                double.Parse(bestLine.Split("p99")[1].TrimStart().Split(' ')[0], CultureInfo.InvariantCulture));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "").Replace("\n", "\\n");

    private static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
    }
}
