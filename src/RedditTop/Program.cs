using RedditTop.Hosting;

return await ProcessHost.RunAsync(args);
