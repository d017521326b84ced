using RedditTop.Output;
using RedditTop.Reddit;

namespace RedditTop.Tests.Reddit;

public sealed class SanitizerTests
{
    [Theory]
    [InlineData("plain title", "plain title")]
    [InlineData("Café ☕ naïve 🐍 & <tags>", "Café ☕ naïve 🐍 & <tags>")]
    [InlineData("red \u001b[31mALERT\u001b[0m", "red  [31mALERT [0m")] // CSI: the escape goes, the rest is plain text
    [InlineData("\u001b]0;pwned\u0007title", " ]0;pwned title")] // OSC window title, ended by BEL
    [InlineData("\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\", " ]8;;https://evil.example \\link ]8;; \\")] // OSC 8 hyperlink
    [InlineData("fake\r$ sudo rm -rf /", "fake $ sudo rm -rf /")] // carriage return cannot overwrite the line
    [InlineData("line one\nline two\ttab", "line one line two tab")]
    [InlineData("bell\u0007 backspace\b delete\u007f", "bell  backspace  delete ")]
    [InlineData("c1 \u009b31m csi", "c1  31m csi")] // the one-character CSI of C1
    [InlineData("abc\u202Eevil\u202Cdef", "abcevildef")] // right-to-left override
    [InlineData("\u2066isolate\u2069 \u200Emark\u200F", "isolate mark")]
    public void Clean_HostileText_IsHarmless(string text, string expected)
    {
        var clean = Sanitizer.Clean(text);

        Assert.Equal(expected, clean);
        Assert.DoesNotContain(clean, char.IsControl);
    }

    [Fact]
    public void NeedsCare_EveryCharacter_IsAControlOrABidiControl()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.Equal(char.IsControl(c) || Sanitizer.IsBidiControl(c), Sanitizer.NeedsCare(c));
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("\u001b", " ")]
    [InlineData("plain to the end\u0085", "plain to the end ")]
    [InlineData("\u202Estarts dirty", "starts dirty")]
    public void Clean_FirstDirtyCharacterAnywhere_EverythingBeforeItKept(string text, string expected) =>
        Assert.Equal(expected, Sanitizer.Clean(text));
}
