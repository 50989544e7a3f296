using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace BepBot.Features.Projects;

/// <summary>
/// French as people type it: elisions (l', d', qu'), any case, French stop words, accents folded whole (the stock
/// FrenchAnalyzer folds them only partly), then light stemming so "parcs naturels" finds "Parc naturel".
/// </summary>
public sealed class FrenchSearchAnalyzer : Analyzer
{
    public static LuceneVersion Version => LuceneVersion.LUCENE_48;

    private static readonly CharArraySet Elisions = new(
        Version, ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new ElisionFilter(source, Elisions);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, FrenchAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream);
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
