using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace KommoWidgetKit.Cli.Commands;

/// <summary>Unified diffs (as <c>git diff</c> and <c>patch</c> read them) of files the fixes change; line endings are part of
/// each line, so a CRLF → LF change shows, and the output applies with <c>git apply</c>.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of one file; <paramref name="before"/> is null for a file the fixes create.</summary>
    public static string Render(string path, byte[]? before, byte[] after)
    {
        string oldText = before is null ? "" : Encoding.UTF8.GetString(before);
        string newText = Encoding.UTF8.GetString(after);
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineEndingsPreservingChunker.Instance);
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var sb = new StringBuilder();
        sb.Append("--- ").Append(before is null ? "/dev/null" : "a/" + path).Append('\n');
        sb.Append("+++ b/").Append(path).Append('\n');

        var blocks = diff.DiffBlocks;
        int i = 0;
        while (i < blocks.Count)
        {
            // A hunk takes the blocks whose context windows touch.
            int j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * Context) j++;
            int oldStart = Math.Max(0, blocks[i].DeleteStartA - Context);
            int newStart = Math.Max(0, blocks[i].InsertStartB - Context);
            int oldEnd = Math.Min(oldLines.Count, blocks[j].DeleteStartA + blocks[j].DeleteCountA + Context);
            int newEnd = Math.Min(newLines.Count, blocks[j].InsertStartB + blocks[j].InsertCountB + Context);
            sb.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart)).Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");
            int a = oldStart;
            for (int k = i; k <= j; k++)
            {
                var block = blocks[k];
                for (; a < block.DeleteStartA; a++) Line(sb, ' ', oldLines[a]);
                for (int d = 0; d < block.DeleteCountA; d++) Line(sb, '-', oldLines[block.DeleteStartA + d]);
                for (int n = 0; n < block.InsertCountB; n++) Line(sb, '+', newLines[block.InsertStartB + n]);
                a = block.DeleteStartA + block.DeleteCountA;
            }
            for (; a < oldEnd; a++) Line(sb, ' ', oldLines[a]);
            i = j + 1;
        }
        return sb.ToString();
    }

    private static string Range(int start, int count) =>
        count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static void Line(StringBuilder sb, char mark, string line)
    {
        sb.Append(mark).Append(line);
        if (!line.EndsWith('\n')) sb.Append('\n').Append("\\ No newline at end of file\n");
    }
}
