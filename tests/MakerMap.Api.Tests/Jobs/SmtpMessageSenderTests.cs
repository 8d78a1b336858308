using MailKit.Security;
using MakerMap.Api.Jobs;
using MakerMap.Data.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MakerMap.Api.Tests.Jobs;

/// <summary>The SMTP sender of the outbox (issue 16) against <see cref="SmtpSink"/>, a server the test starts on loopback.</summary>
[Trait("Issue", "16")]
public sealed class SmtpMessageSenderTests
{
    private static SmtpMessageSender Sender(int port) => new(Microsoft.Extensions.Options.Options.Create(new SmtpOptions
    {
        Enabled = true,
        Host = "127.0.0.1",
        Port = port,
        Security = SecureSocketOptions.None,
        From = "MakerMap <no-reply@makermap.test>",
    }), NullLogger<SmtpMessageSender>.Instance);

    private static OutboxMessage Message(string? recipient) => new(Guid.NewGuid(), "notification:" + Guid.NewGuid(), "notification", recipient,
        "Goedgekeurd: Mobiele weggeefkast Bloemekenswijk",
        "Uw reservatie van Mobiele weggeefkast Bloemekenswijk vanaf 2026-12-05 10:00 is goedgekeurd. De sleutel ligt aan het onthaal. (uur van Brussel)",
        Guid.NewGuid(), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Outbox_message_arrives_at_the_smtp_server_as_a_plain_text_mail_to_its_recipient()
    {
        await using var sink = SmtpSink.Start();
        var message = Message("member@makermap.test");

        await Sender(sink.Port).SendAsync(message, CancellationToken.None);

        var mail = await sink.NextAsync();
        Assert.Equal("<no-reply@makermap.test>", mail.MailFrom);
        Assert.Equal(["<member@makermap.test>"], mail.RcptTo);
        using var parsed = await MimeMessage.LoadAsync(new MemoryStream(mail.Data));
        Assert.Equal(message.Subject, parsed.Subject);
        Assert.Equal(message.Body, parsed.TextBody?.TrimEnd());
        Assert.Equal(message.Key, parsed.Headers["X-MakerMap-Message"]);
    }

    [Fact]
    public async Task Message_without_recipient_is_not_sent()
    {
        await using var sink = SmtpSink.Start();

        await Sender(sink.Port).SendAsync(Message(null), CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.NextAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Unreachable_server_throws_so_the_outbox_keeps_the_message()
    {
        int port;
        await using (var closed = SmtpSink.Start())
        {
            port = closed.Port;
        }

        await Assert.ThrowsAnyAsync<Exception>(() => Sender(port).SendAsync(Message("member@makermap.test"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null, typeof(LoggingMessageSender))]
    [InlineData("false", typeof(LoggingMessageSender))]
    [InlineData("true", typeof(SmtpMessageSender))]
    public void Settings_choose_the_sender_and_logging_is_the_default(string? enabled, Type expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["MakerMap:Jobs:Enabled"] = "false";
        if (enabled is not null)
        {
            builder.Configuration["MakerMap:Smtp:Enabled"] = enabled;
        }

        builder.AddMakerMapJobs();
        using var services = builder.Services.BuildServiceProvider();

        Assert.IsType(expected, services.GetRequiredService<IMessageSender>());
    }
}
