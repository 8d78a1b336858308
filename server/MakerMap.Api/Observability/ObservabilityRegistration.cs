using MakerMap.GraphQL.Execution;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MakerMap.Api.Observability;

/// <summary>
/// OpenTelemetry for operators. Metrics (ASP.NET Core, the GraphQL operation histogram, Npgsql's pool, .NET runtime,
/// booking outcomes, job runs) are served in Prometheus text at <c>/metrics</c>. Traces (ASP.NET Core, the engine's
/// operation and root-resolver spans, Npgsql commands) are exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set; without it no tracer is registered, so spans cost nothing unless an in-process listener subscribes.
/// </summary>
public static class ObservabilityRegistration
{
    /// <summary>The service name on every exported span and metric (<c>OTEL_SERVICE_NAME</c> overrides it).</summary>
    public const string ServiceName = "makermap";

    /// <summary>The standard variable naming the OTLP collector.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Registers metrics and, with an OTLP endpoint, traces.</summary>
    public static WebApplicationBuilder AddMakerMapObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(MetricsOptions.Section);
        var options = section.Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddOptions<MetricsOptions>().Bind(section);
        builder.Services.AddSingleton(new MetricsAccess(options.AllowedNetworks));
        var tracing = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (!options.Enabled && !tracing)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        if (options.Enabled)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(GraphQLTelemetry.SourceName, MakerMapMetrics.MeterName)
                // Operation names are chosen by clients: cap their series so a flood of names cannot exhaust memory.
                .AddView(GraphQLTelemetry.OperationDurationName, new MetricStreamConfiguration { CardinalityLimit = 500 })
                // Scrapes come from a few operators' Prometheus servers; an exact figure matters more than a cached one.
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        if (tracing)
        {
            telemetry.WithTracing(traces => traces
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/metrics"))
                .AddSource(GraphQLTelemetry.SourceName)
                .AddNpgsql()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> (Prometheus text) behind <see cref="MetricsAccess"/>, when metrics are enabled.</summary>
    public static WebApplication MapMakerMapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() is { Enabled: false })
        {
            return app;
        }

        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(access.InvokeAsync), optionsName: null);
        return app;
    }
}
