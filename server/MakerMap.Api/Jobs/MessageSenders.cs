using MakerMap.Data.Outbox;

namespace MakerMap.Api.Jobs;

/// <summary>Delivers an outbox message (e-mail, push, ...). Throwing leaves the message pending for a retry.</summary>
public interface IMessageSender
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>The default sender: writes each message to the log instead of delivering it.</summary>
internal sealed partial class LoggingMessageSender(ILogger<LoggingMessageSender> logger) : IMessageSender
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        LogMessage(logger, message.Kind, message.Recipient ?? "(no recipient)", message.Subject, message.Key);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Kind} to {Recipient}: {Subject} ({Key})")]
    private static partial void LogMessage(ILogger logger, string kind, string recipient, string subject, string key);
}
