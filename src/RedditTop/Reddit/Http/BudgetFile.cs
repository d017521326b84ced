using System.Text.Json;
using RedditTop.Storage;

namespace RedditTop.Reddit.Http;

/// <summary>
/// Reddit's rate budget kept between runs (<c>watch -n 5 reddittop …</c>, cron, shell loops each start a new process):
/// one small file per access (anonymous, or the app's client id) and server in <c>$XDG_STATE_HOME/reddittop/</c>, or
/// <c>~/.local/state/reddittop/</c>, named <c>budget-HASH.json</c> by a hash of the key so neither the app nor the
/// server appears in it. 0600, written whole (a temporary file, then a rename) by every run that learned something,
/// after merging what the file holds then (<see cref="SavedBudget.MergeWith"/>): runs at the same time share the budget
/// approximately, and never leave a damaged file. A file that is damaged or absurd counts as no budget known, with one
/// warning; one that cannot be written is one warning; neither stops the run.
/// </summary>
internal sealed class BudgetFile(string directory, string key, TimeProvider timeProvider)
{
    /// <summary>A budget file is about 150 bytes; anything much larger is not one.</summary>
    private const int MaxBytes = 4096;

    private const string FilePrefix = "budget-";

    /// <summary>More requests in a window than Reddit has ever allowed (about 1,000 in ten minutes): a count above it is not one.</summary>
    private const double MostRemaining = 100_000;

    /// <summary>
    /// Added to the reset a run learned before it is saved: Reddit says the reset in whole seconds, and a reset that
    /// came early would send the next run's first request into the old window, for a 429.
    /// </summary>
    public static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);

    /// <summary>How far ahead of this process's clock another's may be, for a time the file says it was learned.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(5);

    private readonly PrivateFolder _folder = new(directory, "state folder");

    /// <summary>The file of this access and server: the name is a hash of both.</summary>
    public string FilePath { get; } = Path.Combine(directory, FilePrefix + PrivateFile.NameFor(key) + ".json");

    /// <summary>The state directory, or null when neither <c>XDG_STATE_HOME</c> nor <c>HOME</c> says where it is.</summary>
    public static string? DirectoryFrom(Func<string, string?> getVariable) => XdgDirectories.State(getVariable);

    /// <summary>The key of a budget: Reddit counts anonymous requests and each app's apart, and each server has its own.</summary>
    public static string Key(string? clientId, Uri api) => (clientId is null ? "anonymous" : "app " + clientId) + "\n" + api.AbsoluteUri;

    /// <summary>
    /// What the last run learned, also when its window has reset since (the caller tells), or null when there is no
    /// file, it is another key's, or the state folder is another user's (the seen-post state says so). A file that
    /// cannot be read or holds no sensible budget is null too, and <paramref name="warning"/> one line naming it.
    /// </summary>
    public SavedBudget? Load(out string? warning)
    {
        warning = null;
        string problem;
        try
        {
            if (!_folder.TryClaim(out _))
            {
                return null;
            }

            if (PrivateFile.ReadIfPresent(FilePath, MaxBytes) is not { } content)
            {
                return null;
            }

            var saved = JsonSerializer.Deserialize(content, BudgetJsonContext.Default.SavedBudget);
            if (saved?.Key is { } savedKey && savedKey != key)
            {
                return null; // two keys of one hash: not this one's
            }

            if (saved?.Key is not null && IsSensible(saved))
            {
                return saved;
            }

            problem = "not a reddittop rate budget file";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (FileProblems.Is(e))
        {
            problem = FileProblems.Words(e);
        }

        warning = $"reddittop: warning: ignoring unreadable rate budget file {FilePath}: {problem}";
        return null;
    }

    /// <summary>
    /// Keeps what this run <paramref name="learned"/> (its reset as Reddit said it: <see cref="ResetMargin"/> is added
    /// here), merged with what the file holds now. Never throws for a file system problem: returns null when saved, or
    /// one line for stderr saying the budget could not be saved.
    /// </summary>
    public string? Save(SavedBudget learned)
    {
        var budget = learned with { Key = key, ResetAt = learned.ResetAt + ResetMargin };
        try
        {
            if (!_folder.TryClaim(out _))
            {
                return null;
            }

            if (Load(out _) is { } current && current.ResetAt > timeProvider.GetUtcNow())
            {
                budget = budget.MergeWith(current);
            }

            AtomicFile.Write(FilePath, AtomicFileOptions.Private, stream => JsonSerializer.Serialize(stream, budget, BudgetJsonContext.Default.SavedBudget));
            DeleteLeftovers();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"reddittop: warning: cannot save rate budget file {FilePath}: {FileProblems.Words(e)}";
        }

        return null;
    }

    /// <summary>Deletes the temporary files of budget files that runs killed while saving left, once they are an hour old.</summary>
    private void DeleteLeftovers() =>
        StaleFiles.Delete(directory, FilePrefix + "*.tmp", timeProvider.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1), static _ => true);

    /// <summary>A count Reddit could have sent, learned no later than now, and a reset at most an hour after both.</summary>
    private bool IsSensible(SavedBudget saved)
    {
        var now = timeProvider.GetUtcNow();
        var longest = RateBudget.LongestReset + ResetMargin;
        return double.IsFinite(saved.Remaining) && saved.Remaining is >= 0 and <= MostRemaining
            && saved.LearnedAt <= now + ClockSlack
            && saved.ResetAt >= saved.LearnedAt
            && saved.ResetAt - saved.LearnedAt <= longest
            && saved.ResetAt - now <= longest;
    }
}
