using System.CommandLine;
using KommoWidgetKit.Diagnostics;
using KommoWidgetKit.Imaging;
using KommoWidgetKit.Model;
using KommoWidgetKit.Reporting;
using KommoWidgetKit.Validation;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget logos IMAGE [PATH]</c>: draw every logo the widget needs from one master image, then check them.</summary>
public static class LogosCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var image = new Argument<string>("IMAGE")
        {
            Description = "Master image: PNG, JPEG, WebP or GIF (told apart by content), ideally at least 400×272; SVG is not supported",
        };
        var path = new Argument<string?>("PATH")
        {
            Description = "Widget folder (with manifest.json) whose images/ folder gets the logos (default: ., the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var fit = CommandInput.Choice<LogoFit>("--fit",
            "contain: the whole image, centred, padded with the background; cover: the logo filled, the image centred and cropped (default: contain)",
            ["contain", "cover"], TryParseFit);
        var background = new Option<LogoColor?>("--background")
        {
            Description = $"Colour behind the image: {LogoColor.Forms} (default: transparent)",
            HelpName = "COLOR",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (LogoColor.TryParse(text, out var color)) return color;
                result.AddError($"--background must be {LogoColor.Forms}, not '{text}'");
                return null;
            },
        };
        var force = new Option<bool>("--force") { Description = "Overwrite logos that exist already (without it, nothing is written when any exists)" };
        var command = new Command("logos",
            "Write images/logo.png, logo_main.png, logo_medium.png, logo_min.png, logo_small.png (and logo_dp.png with the digital_pipeline location) " +
            "from one master image, at Kommo's exact sizes and under 300 KB each, then check the widget's images.")
        {
            image, path, fit, background, force,
        };
        command.SetAction(parse => Run(console, new Request(
            parse.GetValue(image)!,
            parse.GetValue(path) ?? ".",
            new LogoOptions
            {
                Fit = parse.GetValue(fit) ?? LogoFit.Contain,
                Background = parse.GetValue(background) ?? LogoColor.Transparent,
                Overwrite = parse.GetValue(force),
            })));
        return command;
    }

    private sealed record Request(string Image, string Path, LogoOptions Options);

    private static bool TryParseFit(string? text, out LogoFit fit)
    {
        switch (text)
        {
            case "contain": fit = LogoFit.Contain; return true;
            case "cover": fit = LogoFit.Cover; return true;
            default: fit = default; return false;
        }
    }

    private static int Run(CliConsole console, Request request)
    {
        LogoWriteResult result;
        try
        {
            result = LogoMaker.Write(request.Image, request.Path, request.Options);
        }
        catch (LogoException ex) when (ex.ExistingFiles.Count > 0)
        {
            throw new UsageException($"{string.Join(", ", ex.ExistingFiles)} already exist{(ex.ExistingFiles.Count == 1 ? "s" : "")} in '{request.Path}'; nothing was written (use --force to overwrite)");
        }
        catch (LogoException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the logos into '{request.Path}': {ex.Message}");
        }

        foreach (var warning in result.Warnings) console.Error.WriteLine("warning: " + warning);
        var master = result.Master;
        string fit = request.Options.Fit == LogoFit.Cover ? "cover" : "contain";
        string background = request.Options.Background.Alpha == 0 ? "" : $", background {request.Options.Background}";
        console.Out.WriteLine($"wrote {CliText.Count(result.Logos.Count, "logo")} from {request.Image} ({FormatName(master.Format)} {master.Width}×{master.Height}, {fit}{background}):");
        var rows = result.Logos.Select(l => (Path: Display(request.Path, l.Spec.Path), l.Bytes, Size: $"{l.Spec.Width}×{l.Spec.Height}")).ToList();
        int sizeWidth = rows.Max(r => CliText.Bytes(r.Bytes, unit: false).Length);
        int pathWidth = rows.Max(r => r.Path.Length);
        foreach (var (shown, bytes, size) in rows)
            console.Out.WriteLine($"  {CliText.Bytes(bytes, unit: false).PadLeft(sizeWidth)}  {shown.PadRight(pathWidth)}  {size}");

        return CheckImages(console, request.Path);
    }

    // The widget's image rules (KW4xxx) over what is on disk now: the new logos and the images that were there.
    private static int CheckImages(CliConsole console, string widgetPath)
    {
        var widget = CommandInput.LoadWidget(widgetPath);
        var all = WidgetValidator.Validate(widget);
        var images = all.Diagnostics.Where(d => d.Descriptor.Category == RuleCategory.Images).ToList();
        var source = ReportSource.For(widget, widgetPath);
        if (images.Count == 0)
        {
            console.Out.WriteLine("✔ no image findings (KW4xxx)");
        }
        else
        {
            foreach (var d in images)
                console.Out.WriteLine($"{source.Display(d.Span.Path)}: {d.Severity.ToName()} {d.Id}: {d.Message}");
            console.Out.WriteLine($"✖ {CliText.Count(images.Count, "image finding")}; see 'kommo-widget validate {widgetPath}'");
        }
        int others = all.Diagnostics.Count - images.Count;
        if (others > 0)
            console.Out.WriteLine($"note: {CliText.Count(others, "other finding")} outside the images; run 'kommo-widget validate {widgetPath}' for the full report");
        return images.Any(d => d.Severity == Severity.Error) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static string Display(string widgetPath, string relative)
    {
        string root = widgetPath.Replace('\\', '/').TrimEnd('/');
        return root is "" or "." ? relative : root + "/" + relative;
    }

    private static string FormatName(ImageFormat format) => format switch
    {
        ImageFormat.Png => "PNG",
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.WebP => "WebP",
        ImageFormat.Gif => "GIF",
        _ => format.ToString(),
    };
}
