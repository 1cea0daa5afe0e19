using System.Text.Json;
using System.Text.Json.Serialization;

namespace KommoWidgetKit.LanguageServer.Protocol;

// The parts of the Language Server Protocol 3.17 this server sends, as the specification names them. What it receives is
// read from JsonElement directly (Requests.cs), so an unexpected shape is a clear error, not a serializer exception.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record CodeDescription(string Href);

public sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public CodeDescription? CodeDescription { get; init; }
    public int[]? Tags { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<LspDiagnostic> Diagnostics)
{
    public int? Version { get; init; }
}

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents)
{
    public Range? Range { get; init; }
}

public sealed record TextEdit(Range Range, string NewText);

public sealed record CompletionItem(string Label)
{
    public int? Kind { get; init; }
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? SortText { get; init; }
    public string? FilterText { get; init; }
    public TextEdit? TextEdit { get; init; }
    public int? InsertTextFormat { get; init; }
    public bool? Deprecated { get; init; }
}

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

/// <summary>One entry of <c>WorkspaceEdit.documentChanges</c>: a text edit of a document or the creation of a file.</summary>
[JsonDerivedType(typeof(TextDocumentEdit))]
[JsonDerivedType(typeof(CreateFile))]
public abstract record DocumentChange;

public sealed record TextDocumentEdit(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextEdit> Edits) : DocumentChange;

public sealed record CreateFileOptions(bool IgnoreIfExists, bool Overwrite);

public sealed record CreateFile(string Uri) : DocumentChange
{
    public string Kind => "create";
    public CreateFileOptions? Options { get; init; }
}

public sealed record WorkspaceEdit(IReadOnlyList<DocumentChange> DocumentChanges);

public sealed record CodeAction(string Title, string Kind)
{
    public IReadOnlyList<LspDiagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
}

public sealed record ServerInfo(string Name, string Version);

public sealed record SaveOptions(bool IncludeText);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters, bool ResolveProvider);

public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

public sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    CompletionOptions CompletionProvider,
    bool HoverProvider,
    bool DefinitionProvider,
    CodeActionOptions CodeActionProvider,
    WorkspaceServerCapabilities Workspace);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ResponseError(int Code, string Message);

/// <summary>LSP numbers the protocol fixes.</summary>
public static class Lsp
{
    public const int ParseError = -32700, InvalidRequest = -32600, MethodNotFound = -32601, InvalidParams = -32602,
        InternalError = -32603, ServerNotInitialized = -32002, RequestFailed = -32803;

    public const int SeverityError = 1, SeverityWarning = 2, SeverityInformation = 3, SeverityHint = 4;

    public const int SyncIncremental = 2;

    public const int CompletionText = 1, CompletionProperty = 10, CompletionValue = 12, CompletionEnum = 13, CompletionKeyword = 14, CompletionConstant = 21;

    public const int TagDeprecated = 2;
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(IReadOnlyList<Location>))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(ResponseError))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class LspJson : JsonSerializerContext;
