using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FaqBot.BotFramework.Connector;

/// <summary>The retry and timeout rules for calls to a channel: 429 and 5xx are retried a bounded number of times, honouring Retry-After.</summary>
public static class ConnectorResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(BotFrameworkOptions options, TimeProvider? timeProvider = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };

        builder.AddTimeout(options.OutboundTimeout);
        // Polly refuses a retry strategy with zero attempts, and MaxRetryAttempts = 0 is a valid setting: no retry at all.
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryDelay, clock)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock)),
            });
        }
        return builder.AddTimeout(options.OutboundAttemptTimeout).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider clock)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var retriable = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;

        // A channel that asks us to wait longer than we are prepared to is given up on rather than retried early.
        return retriable && !(RetryAfter(response, clock) > maxDelay);
    }

    // A Retry-After date is read against the same clock Polly waits on, so a test's fake clock agrees with both.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
