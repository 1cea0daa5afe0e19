using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KommoWidgetKit.Loading;

namespace KommoWidgetKit.Building;

/// <summary>Builds a <see cref="WidgetProject"/> into a widget Kommo loads: bundles <c>src/</c> with esbuild (from the
/// project's own <c>node_modules</c>) into <c>script.js</c>, an AMD module whose factory returns the entry's default
/// export, writes <c>script.js.map</c> beside it, and copies <c>widget/</c>.</summary>
/// <remarks>
/// <para>The bundle: esbuild writes an IIFE assigned to <see cref="GlobalName"/>, with the modules Kommo provides
/// (<see cref="KommoModules"/>) left external, so the code asks for them with <c>require("jquery")</c>. The IIFE is put
/// inside <c>define(["require", …those modules…], function (…) { … })</c>, whose factory gives them to the bundle
/// through a local <c>require</c> (any other id goes on to RequireJS, so <c>require(['text!…'], cb)</c> still works),
/// hides <c>define</c>, <c>module</c> and <c>exports</c> from it (a bundled UMD library then takes its CommonJS branch
/// instead of registering itself as an anonymous AMD module), and returns the default export. The wrapper adds whole
/// lines before the bundle, so the map is shifted by as many empty lines.</para>
/// <para>Nothing is minified (moderation refuses minified own code). Only files whose content changed are written,
/// each through a temporary file in <c>.kommo/</c> and a rename, so a watcher sees whole files and a CSS-only change
/// stays CSS-only; files the build no longer makes are removed. <c>.kommo/</c> (dev host state) is never touched.</para>
/// </remarks>
public static partial class WidgetBuilder
{
    /// <summary>The JavaScript version of the bundle unless <see cref="BuildOptions.Target"/> says otherwise.</summary>
    public const string DefaultTarget = "es2020";

    /// <summary>The variable the IIFE is assigned to inside the AMD factory.</summary>
    public const string GlobalName = "__kommo_widget";

    /// <summary>The modules Kommo gives widgets through RequireJS, kept out of the bundle (spec §5.3 and what real widgets
    /// load): the libraries, the RequireJS plugins and every <c>lib/…</c> module of the Kommo front end.</summary>
    public static readonly IReadOnlyList<string> KommoModules =
    [
        "jquery", "underscore", "moment", "moment-timezone", "twigjs", "backbone", "pubsub", "es6promise", "FileAPI",
        "text", "json", "text!*", "json!*", "lib/*",
    ];

    /// <summary>Touched in the project (in <c>.kommo/</c>, beside the dev host's state) after every successful build, so
    /// commands can tell whether the sources changed since.</summary>
    public const string StampFile = ".kommo/build-stamp";

    private const string DriverResource = "KommoWidgetKit.Building.esbuild-driver.cjs";

    private static readonly Lazy<string> Driver = new(() =>
    {
        using var stream = typeof(WidgetBuilder).Assembly.GetManifestResourceStream(DriverResource)
            ?? throw new InvalidOperationException("the esbuild driver is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>Builds <paramref name="project"/> into its output folder.</summary>
    public static BuildResult Build(WidgetProject project, BuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        options ??= new BuildOptions();
        var clock = Stopwatch.StartNew();
        BuildResult Fail(IReadOnlyList<BuildMessage> messages, bool setup = false, string? version = null) => new()
        {
            Succeeded = false,
            Messages = messages,
            SetupProblem = setup,
            OutputDirectory = project.OutputDirectory,
            EsbuildVersion = version,
            Elapsed = clock.Elapsed,
        };

        if (OutputProblem(project) is { } outputProblem) return Fail([new(BuildSeverity.Error, outputProblem)]);
        string? entry = project.Entry;
        if (entry is null)
            return Fail([new(BuildSeverity.Error, $"src/ has no entry file: add src/index.ts (or {string.Join(", ", WidgetProject.EntryNames.Skip(1))}) whose default export is the widget constructor", "src")]);
        if (File.Exists(Path.Combine(project.StaticDirectory, "script.js")))
            return Fail([new(BuildSeverity.Error, "widget/script.js would be replaced by the bundle; move its code into src/ (script.js is built from src/index.ts)", "widget/script.js")]);

        string? node = NodeTool.FindNode(options.NodePath);
        if (node is null) return Fail([Setup(project, "Node.js is not installed (no node on PATH): install Node.js 18 or later, then run 'npm install' in the project")], setup: true);

        var config = new Dictionary<string, object>
        {
            ["root"] = project.Root,
            ["entry"] = entry,
            ["outdir"] = project.OutputDirectory,
            ["globalName"] = GlobalName,
            ["target"] = options.Target,
            ["external"] = KommoModules.Concat(options.Externals).Distinct(StringComparer.Ordinal).ToArray(),
        };
        NodeTool.Run run;
        try
        {
            run = NodeTool.Execute(node, ["-e", Driver.Value], project.Root, ConfigJson(config), options.Timeout, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return Fail([Setup(project, $"cannot run Node.js ({node}): {ex.Message}")], setup: true);
        }
        if (run.TimedOut) return Fail([new(BuildSeverity.Error, $"esbuild did not finish in {options.Timeout.TotalSeconds:0} s")]);

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(run.Out.Trim());
        }
        catch (JsonException)
        {
            string detail = (run.Error + run.Out).Trim();
            return Fail([new(BuildSeverity.Error, "esbuild stopped without a result" + (detail.Length > 0 ? ": " + FirstLines(detail, 12) : $" (node exit code {run.ExitCode})"))]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.TryGetProperty("missing", out _))
            {
                string what = File.Exists(Path.Combine(project.Root, "package.json"))
                    ? "esbuild is not installed in the project: run 'npm install' in it (package.json lists esbuild as a devDependency)"
                    : "esbuild is not installed and the project has no package.json: run 'npm install --save-dev esbuild typescript' in it";
                return Fail([Setup(project, what)], setup: true);
            }
            string? version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var messages = new List<BuildMessage>();
            foreach (var name in new[] { "errors", "warnings" })
                if (root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                    foreach (var m in list.EnumerateArray()) messages.Add(ReadMessage(m));
            if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
                return Fail(Ordered(messages), version: version);

            var deps = root.GetProperty("externals").EnumerateArray().Select(e => e.GetString()!).ToList();
            var inputs = root.TryGetProperty("inputs", out var inp) ? inp.EnumerateArray().Select(e => e.GetString()!.Replace('\\', '/')).ToList() : [];
            var outputs = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var f in root.GetProperty("files").EnumerateArray())
                outputs[f.GetProperty("path").GetString()!] = Convert.FromBase64String(f.GetProperty("base64").GetString()!);
            if (!outputs.TryGetValue("script.js", out var script)) return Fail([new(BuildSeverity.Error, "esbuild wrote no script.js")], version: version);
            var (wrapped, shift) = Wrap(Encoding.UTF8.GetString(script), deps, project.Relative(entry));
            outputs["script.js"] = Encoding.UTF8.GetBytes(wrapped);
            if (outputs.TryGetValue("script.js.map", out var map)) outputs["script.js.map"] = ShiftMap(map, shift);

            if (options.TypeCheck)
            {
                var typeMessages = TypeCheck(project, node, options, cancellationToken, out bool setup);
                messages.AddRange(typeMessages);
                if (typeMessages.Any(m => m.Severity == BuildSeverity.Error)) return Fail(Ordered(messages), setup, version);
            }

            foreach (var (path, content) in StaticFiles(project))
            {
                if (outputs.ContainsKey(path))
                {
                    messages.Add(new(BuildSeverity.Error, $"widget/{path} has the name of a file the bundle makes; rename it", "widget/" + path));
                    return Fail(Ordered(messages), version: version);
                }
                outputs[path] = content;
            }
            string staging = Path.Combine(project.Root, ".kommo", "build");
            var (written, removed) = WriteOutput(project.OutputDirectory, staging, outputs);
            string stamp = Path.Combine(project.Root, StampFile.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
            File.WriteAllText(stamp, project.OutputDirectory + "\n");
            return new BuildResult
            {
                Succeeded = true,
                Messages = Ordered(messages),
                OutputDirectory = project.OutputDirectory,
                Files = outputs.Keys.ToList(),
                Written = written,
                Removed = removed,
                Dependencies = deps,
                Inputs = inputs,
                EsbuildVersion = version,
                Elapsed = clock.Elapsed,
            };
        }
    }

    /// <summary>Runs <c>tsc --noEmit</c> on the project's tsconfig.json with the project's own TypeScript; its errors as
    /// build messages (project-relative paths). <paramref name="setupProblem"/> is true when tsc could not run.</summary>
    public static IReadOnlyList<BuildMessage> TypeCheck(WidgetProject project, BuildOptions? options, CancellationToken cancellationToken, out bool setupProblem)
    {
        ArgumentNullException.ThrowIfNull(project);
        options ??= new BuildOptions();
        string? node = NodeTool.FindNode(options.NodePath);
        if (node is null)
        {
            setupProblem = true;
            return [Setup(project, "Node.js is not installed (no node on PATH): install Node.js 18 or later, then run 'npm install' in the project")];
        }
        return TypeCheck(project, node, options, cancellationToken, out setupProblem);
    }

    private static List<BuildMessage> TypeCheck(WidgetProject project, string node, BuildOptions options, CancellationToken cancellationToken, out bool setupProblem)
    {
        setupProblem = false;
        string? typescript = NodeTool.FindPackage(project.Root, "typescript");
        string? tsc = typescript is null ? null : Path.Combine(typescript, "bin", "tsc");
        if (tsc is null || !File.Exists(tsc))
        {
            setupProblem = true;
            return [Setup(project, "TypeScript is not installed in the project: run 'npm install --save-dev typescript' in it (or 'npm install' when package.json lists it)")];
        }
        if (!File.Exists(Path.Combine(project.Root, "tsconfig.json")))
        {
            setupProblem = true;
            return [new(BuildSeverity.Error, "the project has no tsconfig.json for --typecheck", "tsconfig.json")];
        }
        var run = NodeTool.Execute(node, [tsc, "--noEmit", "-p", Path.Combine(project.Root, "tsconfig.json"), "--pretty", "false"], project.Root, null, options.Timeout, cancellationToken);
        if (run.TimedOut) return [new(BuildSeverity.Error, $"tsc did not finish in {options.Timeout.TotalSeconds:0} s")];
        var messages = new List<BuildMessage>();
        BuildMessage? last = null;
        foreach (var raw in (run.Out + run.Error).Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            var m = TscLine().Match(line);
            if (m.Success)
            {
                string file = m.Groups["file"].Value;
                string rel = Path.IsPathRooted(file) ? project.Relative(file) : file.Replace('\\', '/');
                int lineNo = int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture);
                last = new BuildMessage(m.Groups["sev"].Value == "error" ? BuildSeverity.Error : BuildSeverity.Warning, m.Groups["text"].Value,
                    rel, lineNo, int.Parse(m.Groups["col"].Value, CultureInfo.InvariantCulture), SourceLine(Path.Combine(project.Root, rel), lineNo), m.Groups["code"].Value);
                messages.Add(last);
                continue;
            }
            var g = TscGlobal().Match(line);
            if (g.Success)
            {
                last = new BuildMessage(g.Groups["sev"].Value == "error" ? BuildSeverity.Error : BuildSeverity.Warning, g.Groups["text"].Value, null, 0, 0, null, g.Groups["code"].Value);
                messages.Add(last);
                continue;
            }
            // Continuation lines (an elaboration of the message before) are indented.
            if (last is not null && char.IsWhiteSpace(raw[0]))
            {
                var updated = last with { Notes = [.. last.Notes, line.Trim()] };
                messages[^1] = updated;
                last = updated;
            }
        }
        if (run.ExitCode != 0 && messages.Count == 0)
            messages.Add(new(BuildSeverity.Error, $"tsc failed (exit code {run.ExitCode}): {FirstLines((run.Error + run.Out).Trim(), 12)}"));
        return messages;
    }

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning) (?<code>TS\d+): (?<text>.*)$")]
    private static partial Regex TscLine();

    [GeneratedRegex(@"^(?<sev>error|warning) (?<code>TS\d+): (?<text>.*)$")]
    private static partial Regex TscGlobal();

    /// <summary>Puts esbuild's IIFE inside <c>define(deps, factory)</c>; returns the module and the number of lines added
    /// before the bundle (the map's shift).</summary>
    internal static (string Script, int Shift) Wrap(string bundle, IReadOnlyList<string> dependencies, string entry)
    {
        bundle = bundle.Replace("\r\n", "\n");
        // esbuild starts the file with "use strict" when tsconfig asks for it (strict): it must open the factory to count,
        // so it moves there and its line is left empty (the map's lines stay where they are).
        bool strict = false;
        if (bundle.StartsWith("\"use strict\";\n", StringComparison.Ordinal))
        {
            strict = true;
            bundle = "\n" + bundle["\"use strict\";\n".Length..];
        }
        var head = new StringBuilder();
        head.Append("// Built by kommo-widget build from ").Append(entry).Append(": edit the sources and build again, not this file.\n");
        head.Append("define([").Append(string.Join(", ", new[] { "require" }.Concat(dependencies).Select(d => JsonSerializer.Serialize(d, BuildJsonContext.Default.String))))
            .Append("], function (__kommo_require");
        for (int i = 0; i < dependencies.Count; i++) head.Append(", __kommo_dep").Append(i.ToString(CultureInfo.InvariantCulture));
        head.Append(") {\n");
        if (strict) head.Append("  \"use strict\";\n");
        head.Append("  // The modules Kommo provides, for the bundle's require(\"…\"); anything else goes on to RequireJS.\n");
        head.Append("  var __kommo_modules = {");
        for (int i = 0; i < dependencies.Count; i++)
            head.Append(i == 0 ? " " : ", ").Append(JsonSerializer.Serialize(dependencies[i], BuildJsonContext.Default.String)).Append(": __kommo_dep").Append(i.ToString(CultureInfo.InvariantCulture));
        head.Append(dependencies.Count > 0 ? " };\n" : "};\n");
        head.Append("  var require = function (id) {\n");
        head.Append("    return typeof id === \"string\" && Object.prototype.hasOwnProperty.call(__kommo_modules, id) ? __kommo_modules[id] : __kommo_require.apply(this, arguments);\n");
        head.Append("  };\n");
        head.Append("  // Bundled UMD libraries must not see Kommo's RequireJS: they would register themselves as anonymous modules.\n");
        head.Append("  var define = undefined, module = undefined, exports = undefined;\n");
        int shift = 0;
        foreach (char c in head.ToString()) if (c == '\n') shift++;
        var s = new StringBuilder(head.Length + bundle.Length + 200);
        s.Append(head);
        s.Append(bundle);
        if (!bundle.EndsWith('\n')) s.Append('\n');
        s.Append("  return ").Append(GlobalName).Append(" && ").Append(GlobalName).Append(".__esModule && \"default\" in ").Append(GlobalName)
            .Append(" ? ").Append(GlobalName).Append(".default : ").Append(GlobalName).Append(";\n");
        s.Append("});\n");
        s.Append("//# sourceMappingURL=script.js.map\n");
        return (s.ToString(), shift);
    }

    /// <summary>Shifts a source map by <paramref name="lines"/> generated lines and names its file.</summary>
    internal static byte[] ShiftMap(byte[] map, int lines)
    {
        using var doc = JsonDocument.Parse(map);
        using var buffer = new MemoryStream(map.Length + lines + 32);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("file", "script.js");
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.NameEquals("file")) continue;
                if (p.NameEquals("mappings")) w.WriteString("mappings", new string(';', lines) + p.Value.GetString());
                else p.WriteTo(w);
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static BuildMessage Setup(WidgetProject project, string text) => new(BuildSeverity.Error, text + $" (in {project.Root})");

    private static List<BuildMessage> Ordered(List<BuildMessage> messages) =>
        [.. messages.Where(m => m.Severity == BuildSeverity.Error), .. messages.Where(m => m.Severity != BuildSeverity.Error)];

    private static BuildMessage ReadMessage(JsonElement m)
    {
        string Text(string name) => m.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        int Number(string name) => m.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;
        string? file = Text("file") is { Length: > 0 } f ? f.Replace('\\', '/') : null;
        var notes = m.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.Array
            ? n.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        return new BuildMessage(Text("severity") == "warning" ? BuildSeverity.Warning : BuildSeverity.Error, Text("text"), file, Number("line"), Number("column"),
            m.TryGetProperty("lineText", out var lt) && lt.ValueKind == JsonValueKind.String ? lt.GetString() : null)
        { Notes = notes };
    }

    private static string ConfigJson(Dictionary<string, object> config)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (key, value) in config)
            {
                if (value is string[] list)
                {
                    w.WriteStartArray(key);
                    foreach (var item in list) w.WriteStringValue(item);
                    w.WriteEndArray();
                }
                else
                {
                    w.WriteString(key, (string)value);
                }
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? SourceLine(string file, int line)
    {
        try
        {
            if (!File.Exists(file)) return null;
            int n = 0;
            foreach (var text in File.ReadLines(file))
                if (++n == line) return text;
        }
        catch (IOException)
        {
        }
        return null;
    }

    private static string FirstLines(string text, int count)
    {
        var lines = text.Split('\n');
        return lines.Length <= count ? text : string.Join('\n', lines.Take(count)) + "\n…";
    }

    // The output may be dist/ (ours) or a folder given with -o: refuse the project's own folders and anything that holds
    // files but is not a widget (no manifest.json), so that removing stale files can never delete someone's work.
    private static string? OutputProblem(WidgetProject project)
    {
        string output = project.OutputDirectory;
        bool Same(string a, string b) => string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        bool Inside(string inner, string outer)
        {
            string rel = Path.GetRelativePath(outer, inner);
            return rel == "." || (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel));
        }
        if (Same(output, project.Root) || Inside(project.Root, output))
            return $"the output folder '{output}' is the project folder or holds it; choose another (default: dist)";
        foreach (var own in new[] { project.SourceDirectory, project.StaticDirectory, Path.Combine(project.Root, "types"), Path.Combine(project.Root, "node_modules") })
            if (Inside(output, own) || Inside(own, output))
                return $"the output folder '{output}' overlaps the project's {Path.GetFileName(own)}/ folder; choose another (default: dist)";
        if (Directory.Exists(output) && !File.Exists(Path.Combine(output, "manifest.json"))
            && Directory.EnumerateFileSystemEntries(output).Any(e => Path.GetFileName(e) != ".kommo"))
            return $"the output folder '{output}' holds files but no manifest.json, so it is not an earlier build; choose an empty or missing folder";
        return null;
    }

    private static IEnumerable<(string Path, byte[] Content)> StaticFiles(WidgetProject project)
    {
        var root = project.StaticDirectory;
        var list = new List<(string, byte[])>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (JunkRules.Classify(rel) is not null) continue;
            list.Add((rel, File.ReadAllBytes(file)));
        }
        return list;
    }

    private static (List<string> Written, List<string> Removed) WriteOutput(string output, string temp, SortedDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(output);
        var written = new List<string>();
        // The map before the script, the script last: a watcher that reacts to script.js finds its map already there.
        var order = files.Keys.Where(k => k != "script.js").Append("script.js").Where(files.ContainsKey);
        foreach (var path in order)
        {
            string target = Path.Combine(output, path.Replace('/', Path.DirectorySeparatorChar));
            var content = files[path];
            if (File.Exists(target) && SameContent(target, content)) continue;
            Directory.CreateDirectory(temp);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            string staged = Path.Combine(temp, Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllBytes(staged, content);
            File.Move(staged, target, overwrite: true);
            written.Add(path);
        }
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(output, file).Replace('\\', '/');
            if (rel.StartsWith(".kommo/", StringComparison.Ordinal) || files.ContainsKey(rel)) continue;
            File.Delete(file);
            removed.Add(rel);
        }
        foreach (var dir in Directory.EnumerateDirectories(output, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            string rel = Path.GetRelativePath(output, dir).Replace('\\', '/');
            if (rel == ".kommo" || rel.StartsWith(".kommo/", StringComparison.Ordinal)) continue;
            if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }
        if (Directory.Exists(temp) && !Directory.EnumerateFileSystemEntries(temp).Any()) Directory.Delete(temp);
        removed.Sort(StringComparer.Ordinal);
        return (written, removed);
    }

    private static bool SameContent(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length) return false;
        return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class BuildJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
