using System.Text.RegularExpressions;
using Monitoring.Dashboard.Page;

namespace Monitoring.Dashboard.Tests.Page;

/// <summary>
/// The page's words, one file per locale (js/locales/zh.js, js/locales/en.js) as the page is served them: both hold
/// the same keys, and none twice (in an object literal the later of two silently wins, so a duplicate is a lost text).
/// </summary>
public sealed partial class LocaleFilesTests
{
    private static readonly string[] Locales = ["zh", "en"];
    private static readonly string[] Sections = ["texts", "figures"];

    [Fact]
    public void Each_locale_defines_no_key_twice()
    {
        var twice = Locales.SelectMany(locale => Sections.SelectMany(section => KeysOf(locale, section)
            .GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{locale}.js {section}: '{g.Key}' ×{g.Count()}")));
        Assert.Empty(twice);
    }

    [Fact]
    public void Both_locales_hold_the_same_keys()
    {
        foreach (var section in Sections)
        {
            var zh = KeysOf("zh", section).ToHashSet(StringComparer.Ordinal);
            var en = KeysOf("en", section).ToHashSet(StringComparer.Ordinal);
            Assert.True(zh.Count > 50 || section == "figures", $"zh.js {section} has only {zh.Count} keys: the reader found nothing");
            Assert.Empty(zh.Except(en).Select(k => $"{section}: '{k}' only in zh.js"));
            Assert.Empty(en.Except(zh).Select(k => $"{section}: '{k}' only in en.js"));
        }
    }

    [Fact]
    public void The_reader_finds_a_key_defined_twice()
    {
        const string source = "export const texts = {\n  'a.b': 'x',\n  'a.b': 'y',\n};\nexport const figures = {\n  fundPaid: 'z',\n};\n";
        Assert.Equal(["a.b", "a.b"], Keys(source, "texts"));
        Assert.Equal(["fundPaid"], Keys(source, "figures"));
    }

    private static List<string> KeysOf(string locale, string section) => Keys(Source(locale), section);

    /// <summary>The keys of one exported object: one entry a line, quoted ('cases.kpi.active') or bare (fundPaid).</summary>
    private static List<string> Keys(string source, string section)
    {
        var start = source.IndexOf($"export const {section} = {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no 'export const {section}' in the locale file");
        var end = source.IndexOf("\n};", start, StringComparison.Ordinal);
        return [.. source[start..end].Split('\n').Skip(1).Select(line => Entry().Match(line)).Where(m => m.Success)
            .Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value)];
    }

    private static string Source(string locale)
    {
        var assembly = typeof(DashboardPage).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.Replace('\\', '/') == $"dashboard/js/locales/{locale}.js");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^\s*(?:'(?<quoted>[^']+)'|(?<bare>[A-Za-z_$][\w$]*))\s*:")]
    private static partial Regex Entry();
}
