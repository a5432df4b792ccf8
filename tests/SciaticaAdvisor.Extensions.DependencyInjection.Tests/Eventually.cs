namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests;

/// <summary>Waits for something a file watcher will make true, failing after a bounded time.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }
}
