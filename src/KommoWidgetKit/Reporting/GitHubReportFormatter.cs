using System.Text;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Reporting;

/// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>) that annotate the files of a pull request.</summary>
public static class GitHubReportFormatter
{
    /// <summary>Writes one command per finding, then the summary line as plain log text.</summary>
    public static void Write(TextWriter writer, ValidationResult result, ReportSource source, ReportOptions options)
    {
        foreach (var d in result.Diagnostics)
        {
            var line = new StringBuilder("::");
            line.Append(d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" });
            line.Append(" file=").Append(EscapeProperty(source.AnnotationPath(d.Span.Path)));
            string message = d.Message;
            if (source.IsArchive)
            {
                // Annotations can only point at the archive; the position inside it goes into the message.
                message = source.ArchivePrefix(d.Span) + message;
            }
            else if (d.Span.HasPosition)
            {
                line.Append(",line=").Append(d.Span.StartLine).Append(",col=").Append(d.Span.StartColumn);
                if (d.Span.EndLine >= d.Span.StartLine && d.Span.EndLine > 0)
                {
                    line.Append(",endLine=").Append(d.Span.EndLine);
                    if (d.Span.EndColumn > 0) line.Append(",endColumn=").Append(d.Span.EndColumn);
                }
            }
            line.Append(",title=").Append(EscapeProperty(d.Id + " " + d.Descriptor.Name));
            line.Append("::").Append(EscapeData(message));
            writer.Write(line.ToString());
            writer.Write('\n');
        }
        writer.Write(TextReportFormatter.Summary(result, source));
        writer.Write('\n');
    }

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a command property: as data, plus <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
