using System.Text.Json;
using System.Text.Json.Serialization;
using KommoWidgetKit.DevHost.State;
using KommoWidgetKit.DevHost.Widget;
using KommoWidgetKit.Model;
using KommoWidgetKit.Parsing.Json;

namespace KommoWidgetKit.DevHost;

/// <summary>A JSON tree of the core model (<see cref="JNode"/>), written as JSON as it is (no second parse of the file).</summary>
[JsonConverter(typeof(JsonTreeConverter))]
internal sealed class JsonTree(JNode node)
{
    public JNode Node { get; } = node;
}

internal sealed class JsonTreeConverter : JsonConverter<JsonTree>
{
    public override JsonTree Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the host only writes model trees");

    public override void Write(Utf8JsonWriter writer, JsonTree value, JsonSerializerOptions options) => value.Node.WriteTo(writer);
}

/// <summary>One field of the manifest's <c>settings</c> or <c>dp.settings</c>, as the core model reads it.</summary>
internal sealed record SettingDto(string Code, string? Type, string? Name, bool Required)
{
    public static SettingDto From(SettingField field) => new(field.Code, field.Type, field.NameKey, field.Required == true);
}

internal sealed record WidgetDto(
    string Code,
    string Path,
    string Version,
    long Generation,
    JsonTree? Manifest,
    IReadOnlyDictionary<string, JsonTree> I18n,
    IReadOnlyList<SettingDto> Settings,
    IReadOnlyList<SettingDto> DpSettings,
    bool InitOnce,
    bool DpActionMultiple,
    Dictionary<string, string> Templates,
    IReadOnlyList<string> Locales,
    IReadOnlyList<string> Locations,
    string ClientUuid,
    IReadOnlyList<string> Files);

internal sealed record InstallDto(string Active, string Status, JsonElement Settings);

internal sealed record HostDataDto(
    HostUser User,
    HostAccount Account,
    IReadOnlyList<HostUser> Managers,
    IReadOnlyDictionary<string, string> Groups,
    IReadOnlyList<HostPipeline> Pipelines,
    Dictionary<string, IReadOnlyList<HostEntity>> Entities);

internal sealed record StateDto(
    WidgetDto Widget,
    InstallDto Install,
    HostDataDto Host,
    IReadOnlyList<HostDiagnostic> Diagnostics,
    Dictionary<string, string> SystemTemplates,
    string? ApiToken);

internal sealed record SaveSettingsRequest(string? Active, JsonElement? Fields);

internal sealed record StatusRequest(string? Status);

internal sealed record TokenRequest(string? Audience);

internal sealed record TokenResponse(string Token);

internal sealed record ProxyRequest(string? Url, string? Body, string? Method);

internal sealed record ProxyResponse(int Status, string? ContentType, string Body);

internal sealed record BrowserLogRequest(string? Level, string? Message, string? File, int? Line, int? Column, string? Area);

/// <summary>Where a place in a built script comes from: the answer of <c>/__kommo/api/log</c> when the script has a map.</summary>
internal sealed record MappedLocation(string File, int Line, int Column, string? Name);

internal sealed record LiveEvent(string Kind, IReadOnlyList<string> Files, long Generation, IReadOnlyList<HostDiagnostic> Diagnostics);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StateDto))]
[JsonSerializable(typeof(InstallDto))]
[JsonSerializable(typeof(SaveSettingsRequest))]
[JsonSerializable(typeof(StatusRequest))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ProxyRequest))]
[JsonSerializable(typeof(ProxyResponse))]
[JsonSerializable(typeof(BrowserLogRequest))]
[JsonSerializable(typeof(LiveEvent))]
[JsonSerializable(typeof(MappedLocation))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
