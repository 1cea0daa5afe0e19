using System.Threading.Channels;

namespace KommoWidgetKit.DevHost;

/// <summary>Fans live-reload events out to every open page (server-sent events).</summary>
internal sealed class LiveReloadHub
{
    private readonly object _gate = new();
    private readonly List<Channel<string>> _subscribers = [];

    public Channel<string> Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        return channel;
    }

    public void Unsubscribe(Channel<string> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }

    /// <summary>Sends one SSE frame (already formatted) to every subscriber.</summary>
    public void Publish(string frame)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(frame);
            }
        }
    }

    public void CompleteAll()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }
            _subscribers.Clear();
        }
    }
}
