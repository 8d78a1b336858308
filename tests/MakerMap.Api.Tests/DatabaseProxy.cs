using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MakerMap.Api.Tests;

/// <summary>
/// A TCP relay between the server and the test PostgreSQL that can be cut: while it is down every open connection
/// is closed and new ones are refused at once, as when the database host goes away; brought back up, it relays again.
/// </summary>
public sealed class DatabaseProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly EndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _down;

    public DatabaseProxy(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _target = new DnsEndPoint(target.Host!, target.Port);
        _listener.Start();
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
        }.ConnectionString;
        _accepting = AcceptAsync();
    }

    /// <summary>The connection string that goes through the relay.</summary>
    public string ConnectionString { get; }

    /// <summary>Cuts every relayed connection and refuses new ones.</summary>
    public void GoDown()
    {
        _down = true;
        foreach (var socket in _open.Keys)
        {
            Close(socket);
        }
    }

    /// <summary>Relays again.</summary>
    public void ComeBack() => _down = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_down)
            {
                client.Close(0);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Close(client);
            server.Dispose();
            return;
        }
        _open.TryAdd(client, 0);
        _open.TryAdd(server, 0);
        await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        Close(client);
        Close(server);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // cut by GoDown or by either side
        }
    }

    private void Close(Socket socket)
    {
        if (_open.TryRemove(socket, out _))
        {
            socket.Close(0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        GoDown();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>Collects the server's log entries, for tests of what is logged.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._entries.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}
