using System.Runtime.Versioning;

// The tests run where reddittop's users do: they send signals, read /proc and check Unix file modes.
[assembly: SupportedOSPlatform("linux")]
