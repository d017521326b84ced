using RedditTop.Reddit;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Http;

namespace RedditTop.Run;

/// <summary>
/// Reddit's rate budget across runs: the run's budget starts from what the previous run with the same access and server
/// learned (<see cref="BudgetFile"/>), before the first request, and what this run learned is saved after every round
/// (and when a run is interrupted), for the next run. A file that cannot be read or saved is one warning; the run goes on.
/// </summary>
internal sealed class PersistedBudget
{
    private readonly BudgetFile? _file;
    private readonly RateBudget _budget;
    private readonly Diagnostics _diagnostics;
    private bool _saveWarned;
    private DateTimeOffset? _saved; // when what was last saved was learned

    private PersistedBudget(BudgetFile? file, RateBudget budget, Diagnostics diagnostics)
    {
        _file = file;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads the previous run's budget into <paramref name="client"/>'s, and says with <c>--verbose</c> (<paramref name="log"/>) what it is.</summary>
    public static PersistedBudget Start(RunOptions options, RedditEndpoints endpoints, RunEnvironment environment, RedditClient client, Diagnostics diagnostics, Action<string>? log)
    {
        var directory = BudgetFile.DirectoryFrom(environment.GetEnvironmentVariable);
        var file = directory is null ? null : new BudgetFile(directory, BudgetFile.Key(options.App?.ClientId, endpoints.Api), environment.Time);
        string? warning = null;
        var saved = file?.Load(out warning);
        if (warning is not null)
        {
            diagnostics.WriteLine(warning);
        }

        if (saved is not null)
        {
            client.Budget.Seed(saved);
        }

        var now = environment.Time.GetUtcNow();
        log?.Invoke(Notices.Budget(saved, now, now + options.Request.Deadline));
        return new PersistedBudget(file, client.Budget, diagnostics);
    }

    /// <summary>
    /// Saves what this run has learned of the budget since the last save, if anything; a file that cannot be saved is
    /// said once: the next rounds would fail the same way. On the way out (<paramref name="quietly"/>), after the run's
    /// last line, it is not said.
    /// </summary>
    public void Save(bool quietly = false)
    {
        if (_file is null || _budget.Learned is not { } learned || learned.LearnedAt == _saved)
        {
            return;
        }

        _saved = learned.LearnedAt;
        if (_file.Save(learned) is { } notSaved && !_saveWarned && !quietly)
        {
            _diagnostics.WriteLine(notSaved);
            _saveWarned = true;
        }
    }
}
