using System.Text.Json;
using FakeReddit;

// FakeReddit: a Reddit-compatible listing server on 127.0.0.1 for offline demos and tests.
//
//   dotnet run --project samples/FakeReddit -- [options]
//     --port N                 listen on N (default 0: the OS picks a free port)
//     --url-file PATH          write the server's base URL to PATH once it listens
//     --scenario FILE          read behaviour from a JSON scenario file (see README.md)
//     --latency NAME=MS[-MAX]  answer NAME after MS milliseconds (or a random time up to MAX)
//     --status NAME=CODE[:REASON]  answer NAME with CODE (e.g. 404:banned, 403:private, 429, 503)
//     --statuses NAME=C1,C2,...  answer NAME's n-th request with the n-th code (200: a listing), later ones with the last
//     --fault NAME=KIND        bad-json | html | not-listing | null-data | array | deep-nesting | bad-gzip
//                              | oversize | empty | cut-json | wrong-content-type | extra-fields | null-fields
//                              | missing-fields | no-title | truncate | reset | hang
//     --retry-after NAME=S     send Retry-After: S with NAME's error status
//     --retry-after-date NAME=S  the same as an HTTP date, S seconds from now (rounded up to a whole second)
//     --fail-first NAME=N      apply NAME's status or fault to its first N requests only
//     --posts NAME=N           NAME's listing ends after N posts (paging with 'after' stops there)
//     --budget N/S             at most N listing requests per fixed S-second window, later ones get 429;
//                              every listing response carries X-Ratelimit-Used/-Remaining/-Reset
//     --oauth CLIENT_ID[:SECRET]  serve POST /api/v1/access_token for this app (client_credentials grant); without
//                              :SECRET an installed app (empty secret, installed_client grant with a device_id)
//     --token-expires S        tokens expire after S seconds (default 3600)
//     --revoke-after N         a token works on N listing requests, then gets 401
//     --require-token          answer listing requests without a bearer token with 401
//     --token-error CODE       answer token requests 200 {"error": CODE}, e.g. invalid_grant
//     --token-statuses C1,C2,...  answer the n-th token request with the n-th code (200: normal), later ones with the last
//     --token-expires-in NUMBER  send expires_in as NUMBER, as written (1e30, 0, -5); tokens still last --token-expires
//     --token-value TOKEN      issue TOKEN every time (a line break, a control character, over 4 KiB: anything)
//     --token-fault KIND       drip (the answer one byte every 250 ms) | gzip-bomb (1 MB of gzip that expands to 1 GiB)
//     --block-anonymous        answer listing requests without a bearer token with 403 and Reddit's block page
//     --any-name               every well-formed name exists (generated posts)
//     --ignore-raw-json        escape '&', '<', '>' even when the client asks for raw_json=1
//     --log                    log each request to stdout
// NAME may be '*' for every subreddit not named otherwise. A listing request with a bearer token that was not
// issued, has expired or was revoked always gets 401.
try
{
    var options = FakeRedditArguments.Parse(args);
    await using var server = await FakeRedditServer.StartAsync(options.Scenario, options.Port, options.Log);
    if (options.UrlFile is { } urlFile)
    {
        // Write then rename, so a reader never sees a half-written URL.
        await File.WriteAllTextAsync(urlFile + ".tmp", server.BaseUrl);
        File.Move(urlFile + ".tmp", urlFile, overwrite: true);
    }

    Console.WriteLine($"FakeReddit listening on {server.BaseUrl}");
    await server.WaitForShutdownAsync(); // Ctrl+C or SIGTERM
    return 0;
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IOException or JsonException)
{
    Console.Error.WriteLine($"FakeReddit: {e.Message}");
    return 2;
}
