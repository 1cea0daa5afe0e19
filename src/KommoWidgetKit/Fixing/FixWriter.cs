namespace KommoWidgetKit.Fixing;

/// <summary>Puts fixed files on disk: checked first, each written atomically, put back when a later write fails.</summary>
internal static class FixWriter
{
    public static void Write(FixResult result)
    {
        if (result.Changes.Count == 0) return;
        var widget = result.Original;
        if (widget.SourceKind != Model.WidgetSourceKind.Folder)
            throw new FixException("fix edits a widget folder; it cannot change a .zip (unpack it and fix the folder, then pack it again)");
        string root = Path.GetFullPath(widget.WrapperFolder is { } wrapper ? Path.Combine(widget.Source, wrapper) : widget.Source);

        // Check everything before writing anything.
        var targets = new List<(FileDelta Delta, string FullPath, UnixFileMode? Mode)>();
        foreach (var delta in result.Changes)
        {
            string full = Target(root, delta.Path);
            UnixFileMode? mode = null;
            if (delta.Created)
            {
                if (File.Exists(full) || Directory.Exists(full) || IsLink(full))
                    throw new FixException($"{delta.Path}: a file the fix would create is already there but was not loaded; nothing was changed");
            }
            else
            {
                if (!File.Exists(full))
                    throw new FixException($"{delta.Path}: the file is gone from disk; nothing was changed");
                byte[] onDisk;
                try
                {
                    onDisk = File.ReadAllBytes(full);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new FixException($"{delta.Path}: cannot read it ({ex.Message}); nothing was changed");
                }
                if (!onDisk.AsSpan().SequenceEqual(delta.Before))
                    throw new FixException($"{delta.Path}: the file changed on disk while fixing; run fix again. Nothing was changed");
                if (!OperatingSystem.IsWindows())
                {
                    mode = File.GetUnixFileMode(full);
                    if ((mode & UnixFileMode.UserWrite) == 0)
                        throw new FixException($"{delta.Path}: the file is read-only; make it writable (chmod u+w) or leave its rule out with --rule. Nothing was changed");
                }
                else if ((File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
                    throw new FixException($"{delta.Path}: the file is read-only; make it writable or leave its rule out with --rule. Nothing was changed");
            }
            targets.Add((delta, full, mode));
        }

        var written = new List<(FileDelta Delta, string FullPath, UnixFileMode? Mode)>();
        try
        {
            foreach (var target in targets)
            {
                if (target.Delta.Created) Directory.CreateDirectory(Path.GetDirectoryName(target.FullPath)!);
                WriteAtomically(target.FullPath, target.Delta.After, target.Mode);
                written.Add(target);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Put back what was written, so the widget is as it was.
            foreach (var (delta, full, mode) in written)
            {
                try
                {
                    if (delta.Created) File.Delete(full);
                    else WriteAtomically(full, delta.Before!, mode);
                }
                catch (Exception inner) when (inner is IOException or UnauthorizedAccessException)
                {
                    // Best effort: the message below says what happened.
                }
            }
            throw new FixException($"writing the fixed files failed ({ex.Message}); the files already written were put back");
        }
    }

    /// <summary>The full path of a widget file, refused when it would leave the root or pass through a link.</summary>
    private static string Target(string root, string path)
    {
        string full = Path.GetFullPath(Path.Combine(root, path));
        string rootWithSlash = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSlash, StringComparison.Ordinal))
            throw new FixException($"{path}: the path leaves the widget folder; nothing was changed");
        // Every folder on the way and the file itself must be real, not a link (which could lead out of the widget).
        string current = root;
        foreach (var part in path.Split('/'))
        {
            current = Path.Combine(current, part);
            if (IsLink(current))
                throw new FixException($"{path}: '{Path.GetRelativePath(root, current).Replace('\\', '/')}' is a symbolic link; fix does not write through links. Nothing was changed");
        }
        return full;
    }

    // A link, dangling or not, to a file or a folder.
    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void WriteAtomically(string path, byte[] content, UnixFileMode? mode)
    {
        string dir = Path.GetDirectoryName(path)!;
        string temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".kw-fix.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, m);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
