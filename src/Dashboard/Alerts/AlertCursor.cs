using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Monitoring.Dashboard.Alerts;

/// <summary>
/// The opaque cursor of <c>GET /api/alerts</c> paging: the store sequence of the last alert of a page, so the next
/// page continues strictly below it. Newer alerts get higher sequences, so they never shift a page boundary: paging
/// while alerts arrive skips none and repeats none. Opaque (base64url) so that clients pass it back rather than build it.
/// </summary>
public static class AlertCursor
{
    private const string Prefix = "a1:";

    public static string Of(long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryRead(string cursor, out long sequence)
    {
        sequence = 0;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }
}
