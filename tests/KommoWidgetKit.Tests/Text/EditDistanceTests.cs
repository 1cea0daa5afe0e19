using KommoWidgetKit.Text;

namespace KommoWidgetKit.Tests.Text;

public class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("sitting", "kitten", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("lcard-1", "lcard-0", 1)]
    [InlineData("--formt", "--format", 1)]
    [InlineData("abc", "acb", 2)]
    [InlineData("Settings", "settings", 1)]
    public void Levenshtein_counts_insertions_deletions_and_substitutions(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Levenshtein(a, b));

    [Theory]
    [InlineData("Settings", "settings", 0)]
    [InlineData("LCARD-1", "lcard-0", 1)]
    [InlineData("--FORMT", "--format", 1)]
    public void Ignore_case_compares_letters_without_case(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.LevenshteinIgnoreCase(a, b));

    [Fact]
    public void Long_strings_beyond_the_stack_rows_give_the_same_answer()
    {
        string a = new('a', 1000), b = new string('a', 990) + new string('b', 20);
        Assert.Equal(20, EditDistance.Levenshtein(a, b)); // 10 substitutions, 10 insertions
        Assert.Equal(1000, EditDistance.Levenshtein(a, ""));
        Assert.Equal(EditDistance.Levenshtein(a, b), EditDistance.Levenshtein(b, a));
    }

    [Fact]
    public void Matches_the_full_table_on_random_strings()
    {
        var random = new Random(7);
        for (int n = 0; n < 200; n++)
        {
            string a = Word(random), b = Word(random);
            Assert.Equal(FullTable(a, b), EditDistance.Levenshtein(a, b));
        }
    }

    [Fact]
    public void Short_strings_do_not_allocate()
    {
        EditDistance.Levenshtein("warm", "up");
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) EditDistance.LevenshteinIgnoreCase("digital_pipeline", "Digital-Pipeline");
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static string Word(Random random)
    {
        var chars = new char[random.Next(0, 12)];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)('a' + random.Next(4));
        return new string(chars);
    }

    private static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
