using MailKit.Net.Smtp;
using MailKit.Security;
using MakerMap.Data.Outbox;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MakerMap.Api.Jobs;

/// <summary>Where outbox e-mails go; bound from <c>MakerMap:Smtp</c>. Off by default: the logging sender stays.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MakerMap:Smtp";

    /// <summary>Send outbox messages by SMTP instead of writing them to the log.</summary>
    public bool Enabled { get; set; }

    /// <summary>The SMTP server.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Its port (25, 587 with STARTTLS, 465 with TLS).</summary>
    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>User name, when the server wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>MakerMap &lt;no-reply@makermap.example&gt;</c>.</summary>
    public string From { get; set; } = "MakerMap <no-reply@makermap.invalid>";
}

/// <summary>
/// Delivers outbox messages as plain-text e-mails through an SMTP server (MailKit). A message
/// without a recipient has nobody to go to and is only logged; a failure throws, so the outbox keeps
/// the message for another attempt.
/// </summary>
internal sealed partial class SmtpMessageSender(IOptions<SmtpOptions> options, ILogger<SmtpMessageSender> logger) : IMessageSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Recipient))
        {
            LogNoRecipient(logger, message.Key);
            return;
        }
        var settings = options.Value;
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject;
        // the outbox key identifies the message, so a retry after a lost reply is recognisable downstream
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        mail.Headers.Add("X-MakerMap-Message", message.Key);
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
        }
        await client.SendAsync(mail, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Key} has no recipient; nothing was sent")]
    private static partial void LogNoRecipient(ILogger logger, string key);
}
