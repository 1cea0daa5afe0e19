using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KommoWidgetKit.Sandbox;

namespace KommoWidgetKit.DevHost;

/// <summary>One webhook the digital pipeline owes the widget: a lead entered (type 14) or moved inside (type 15) its action.</summary>
internal sealed record DpTrigger(LeadStatusChange Move, int Type, string SettingsJson);

/// <summary>
/// Kommo's digital pipeline for the widget under development: when the sandbox reports that a lead entered a stage that
/// holds the widget's action (saved per pipeline and stage in <c>host_dp</c>), POSTs the documented payload to the
/// manifest's <c>dp.webhook_url</c> and prints the answer in the terminal. With <c>dp.action_multiple</c> the action spans
/// its stage and the following ones up to the next stage with its own action (never the closed stages 142/143): entering
/// that span sends type 14, moving between its stages type 15.
/// </summary>
internal sealed class DigitalPipelineHook
{
    private const int ExcerptLength = 300;

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    private readonly DevHostContext _context;
    private readonly SandboxStore _store;
    private readonly object _gate = new();
    private readonly HashSet<Task> _pending = [];

    public DigitalPipelineHook(DevHostContext context, SandboxStore store)
    {
        _context = context;
        _store = store;
        store.LeadsMoved += OnLeadsMoved;
    }

    public void Detach() => _store.LeadsMoved -= OnLeadsMoved;

    /// <summary>Waits (bounded) for webhooks still in flight, so a stopping host does not cut them off.</summary>
    public Task DrainAsync()
    {
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _pending];
        }
        return Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void OnLeadsMoved(IReadOnlyList<LeadStatusChange> moves)
    {
        var widget = _context.Widget;
        if (!widget.Locations.Contains("digital_pipeline"))
        {
            return;
        }
        var url = widget.ReadableManifest?.DpWebhookUrl;
        var multiple = widget.ReadableManifest?.DpActionMultiple == true;
        var saved = _context.Store.ListDp(_context.Code);
        if (saved.Count == 0)
        {
            return;
        }
        var stages = StageOrder();
        foreach (var move in moves)
        {
            foreach (var trigger in Triggers(move, saved, stages, multiple))
            {
                var where = $"lead {move.LeadId} → pipeline {move.PipelineId}, stage {move.StatusId}";
                if (_context.Store.Get(_context.Code).Active != "Y")
                {
                    _context.Log($"[dp] {where}: the widget's action is there but the widget is not installed (Settings → Integrations), so nothing is sent");
                    continue;
                }
                if (url is null)
                {
                    _context.Log($"[dp] {where}: the widget's action is there but the manifest has no dp.webhook_url, so nothing is sent");
                    continue;
                }
                Start(SendAsync(url, trigger, where));
            }
        }
    }

    /// <summary>The webhooks <paramref name="move"/> sets off, given the saved actions and each pipeline's stage order.</summary>
    internal static IEnumerable<DpTrigger> Triggers(LeadStatusChange move, IReadOnlyList<(long PipelineId, long StatusId, string SettingsJson)> saved,
        IReadOnlyDictionary<long, IReadOnlyList<long>> stages, bool multiple)
    {
        foreach (var action in saved.Where(a => a.PipelineId == move.PipelineId))
        {
            var span = Span(action.StatusId, action.PipelineId, saved, stages, multiple);
            if (!span.Contains(move.StatusId))
            {
                continue;
            }
            var wasInside = move.OldPipelineId == move.PipelineId && move.OldStatusId is { } old && span.Contains(old);
            if (!wasInside)
            {
                yield return new DpTrigger(move, 14, action.SettingsJson);
            }
            else if (multiple && move.OldStatusId != move.StatusId)
            {
                yield return new DpTrigger(move, 15, action.SettingsJson);
            }
        }
    }

    private static HashSet<long> Span(long statusId, long pipelineId, IReadOnlyList<(long PipelineId, long StatusId, string SettingsJson)> saved,
        IReadOnlyDictionary<long, IReadOnlyList<long>> stages, bool multiple)
    {
        var span = new HashSet<long> { statusId };
        if (!multiple || !stages.TryGetValue(pipelineId, out var order) || statusId is 142 or 143)
        {
            return span;
        }
        var others = saved.Where(a => a.PipelineId == pipelineId && a.StatusId != statusId).Select(a => a.StatusId).ToHashSet();
        foreach (var next in order.SkipWhile(s => s != statusId).Skip(1))
        {
            if (next is 142 or 143 || others.Contains(next))
            {
                break;
            }
            span.Add(next);
        }
        return span;
    }

    private Dictionary<long, IReadOnlyList<long>> StageOrder() =>
        _store.GetPipelines().Select(p => p!.AsObject()).ToDictionary(
            p => (long)p["id"]!,
            p => (IReadOnlyList<long>)(p["_embedded"]?["statuses"]?.AsArray() ?? []).Select(s => (long)s!["id"]!).ToList());

    /// <summary>The body Kommo POSTs (developers.kommo.com/docs/widgets-dp).</summary>
    internal static byte[] Payload(DpTrigger trigger, string subdomain, long accountId)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("event");
            w.WriteNumber("type", trigger.Type);
            w.WriteString("type_code", "lead_appeared_in_status");
            w.WriteStartObject("data");
            w.WriteNumber("id", trigger.Move.LeadId);
            w.WriteNumber("element_type", 2);
            w.WriteNumber("status_id", trigger.Move.StatusId);
            w.WriteNumber("pipeline_id", trigger.Move.PipelineId);
            w.WriteString("direction_of_movement", "went_to_trigger");
            w.WriteEndObject();
            w.WriteNumber("time", trigger.Move.Time);
            w.WriteEndObject();
            w.WriteStartObject("action");
            w.WriteStartObject("settings");
            w.WriteStartObject("widget");
            w.WritePropertyName("settings");
            using (var settings = JsonDocument.Parse(trigger.SettingsJson))
            {
                settings.RootElement.WriteTo(w);
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("subdomain", subdomain);
            w.WriteNumber("account_id", accountId);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void Start(Task task)
    {
        lock (_gate)
        {
            _pending.Add(task);
        }
        task.ContinueWith(t =>
        {
            lock (_gate)
            {
                _pending.Remove(t);
            }
        }, TaskScheduler.Default);
    }

    private async Task SendAsync(string url, DpTrigger trigger, string where)
    {
        await Task.Yield();
        var subdomain = _store.Options.Subdomain;
        var body = Payload(trigger, subdomain, _store.AccountId);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await Http.PostAsync(url, content).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            _context.Log($"[dp] {where}: type {trigger.Type.ToString(CultureInfo.InvariantCulture)} POST {url} → {(int)response.StatusCode} {response.ReasonPhrase}{Excerpt(text)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            _context.Log($"[dp] {where}: type {trigger.Type.ToString(CultureInfo.InvariantCulture)} POST {url} failed: {ex.Message}");
        }
    }

    private static string Excerpt(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var oneLine = new StringBuilder(Math.Min(text.Length, ExcerptLength));
        foreach (var ch in text)
        {
            if (oneLine.Length == ExcerptLength)
            {
                return ": " + oneLine.ToString().Trim() + " …";
            }
            oneLine.Append(char.IsControl(ch) ? ' ' : ch);
        }
        return ": " + oneLine.ToString().Trim();
    }
}
