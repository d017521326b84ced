namespace RedditTop.Cli;

/// <summary>
/// A value of the choice <typeparamref name="T"/> as an option holds it: help shows an option's default with
/// <see cref="ToString"/>, which for an enum would be its PascalCase name, and here is the name as typed (<c>top</c>).
/// </summary>
internal readonly record struct Choice<T>(T Value)
    where T : struct, Enum
{
    public override string ToString() => Value.ToName();
}
