using System.Net;
using System.Net.Sockets;

namespace BepBot.Tests.Harness;

/// <summary>
/// A TCP forwarder on loopback in front of Azurite, so a test or the soak can make the store unreachable for a while
/// (every open connection dropped, new ones refused) without touching Azurite itself.
/// </summary>
public sealed class StoreOutageProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private Task _accepting = Task.CompletedTask;
    private volatile bool _down;
    private long _longestConnectTicks;
    private int _slowConnects;

    private StoreOutageProxy(int targetPort) => _targetPort = targetPort;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool IsDown => _down;

    /// <summary>The longest this proxy took to open its own connection to the service for one it accepted.</summary>
    public TimeSpan LongestConnect => TimeSpan.FromTicks(Interlocked.Read(ref _longestConnectTicks));

    /// <summary>How many of those took longer than a second.</summary>
    public int SlowConnects => Volatile.Read(ref _slowConnects);

    public static StoreOutageProxy Start(int targetPort)
    {
        var proxy = new StoreOutageProxy(targetPort);
        proxy._listener.Start();
        proxy._accepting = proxy.AcceptAsync();
        return proxy;
    }

    /// <summary>Drops every connection and refuses new ones for <paramref name="duration"/>.</summary>
    public async Task CutAsync(TimeSpan duration)
    {
        _down = true;
        lock (_gate)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }

        await Task.Delay(duration);
        _down = false;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_down)
            {
                incoming.Dispose();
                continue;
            }

            _ = ForwardAsync(incoming);
        }
    }

    private async Task ForwardAsync(TcpClient incoming)
    {
        using var outgoing = new TcpClient();
        try
        {
            var connecting = System.Diagnostics.Stopwatch.StartNew();
            await outgoing.ConnectAsync(IPAddress.Loopback, _targetPort, _stopping.Token);
            NoteConnect(connecting.Elapsed);
            lock (_gate)
            {
                if (_down)
                {
                    // Accepted just before a cut that has already dropped the others: it goes too.
                    return;
                }

                _open.Add(incoming);
                _open.Add(outgoing);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var up = incoming.GetStream().CopyToAsync(outgoing.GetStream(), linked.Token);
            var down = outgoing.GetStream().CopyToAsync(incoming.GetStream(), linked.Token);
            await Task.WhenAny(up, down);
            await linked.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut or a closed peer: the client sees a dropped connection, which is the point.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(incoming);
                _open.Remove(outgoing);
            }

            incoming.Dispose();
        }
    }

    private void NoteConnect(TimeSpan took)
    {
        if (took > TimeSpan.FromSeconds(1))
        {
            Interlocked.Increment(ref _slowConnects);
        }

        var longest = Interlocked.Read(ref _longestConnectTicks);
        while (took.Ticks > longest && Interlocked.CompareExchange(ref _longestConnectTicks, took.Ticks, longest) != longest)
        {
            longest = Interlocked.Read(ref _longestConnectTicks);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_gate)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }
        }

        _stopping.Dispose();
    }
}
