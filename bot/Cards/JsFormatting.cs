using System.Globalization;
using System.Numerics;
using System.Text;

namespace BepBot.Cards;

// The official engine runs on JavaScript: numbers are doubles printed by Number.prototype.toString,
// formatNumber/string go through d3-format, toUpper/toLower use full Unicode case mapping.
// These helpers reproduce exactly that, so that our output equals adaptivecards-templating 2.3.1's.
internal static class JsFormatting
{
    private const string MinusSign = "\u2212"; // d3-format's default minus sign

    // ECMAScript Number::toString(x) for finite x.
    public static string NumberToString(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var sign = value < 0 ? "-" : "";
        var (digits, n) = ShortestDigits(Math.Abs(value));
        var k = digits.Length;
        string body;
        if (k <= n && n <= 21)
        {
            body = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            body = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            body = "0." + new string('0', -n) + digits;
        }
        else
        {
            var e = n - 1;
            var exponent = (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
            body = k == 1 ? digits + "e" + exponent : digits[..1] + "." + digits[1..] + "e" + exponent;
        }

        return sign + body;
    }

    // Shortest round-trip digits (as .NET's "R" and JavaScript both produce) and the decimal point
    // position n, so that value = 0.digits × 10^n.
    private static (string Digits, int PointPosition) ShortestDigits(double positive)
    {
        var text = positive.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : "";
        var all = integerPart + fraction;
        var point = integerPart.Length + exponent;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        return (all.TrimStart('0').TrimEnd('0'), point - leadingZeros);
    }

    // Number.prototype.toFixed(p) for 0 <= |x| < 1e21: exact decimal value, ties rounded up (away from zero).
    public static string ToFixed(double value, int precision)
    {
        if (Math.Abs(value) >= 1e21)
        {
            throw new ExpressionFailure($"the number {NumberToString(value)} is too large to format");
        }

        var negative = value < 0;
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponentBits != 0)
        {
            mantissa |= 1L << 52;
        }

        var binaryExponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, precision);
        BigInteger scaled;
        if (binaryExponent >= 0)
        {
            scaled = numerator << binaryExponent;
        }
        else
        {
            var denominator = BigInteger.One << -binaryExponent;
            scaled = ((2 * numerator) + denominator) / (2 * denominator);
        }

        var digits = scaled.ToString(CultureInfo.InvariantCulture);
        if (precision > 0)
        {
            digits = digits.PadLeft(precision + 1, '0');
            digits = digits[..^precision] + "." + digits[^precision..];
        }

        return (negative && scaled != 0 ? "-" : "") + digits;
    }

    // d3-format's ",.{precision}f" with the decimal and thousands separators of a locale.
    public static string FormatFixedGrouped(double value, int precision, NumberLocale locale)
    {
        precision = Math.Clamp(precision, 0, 20);
        var negative = value < 0 || double.IsNegative(value);
        var text = ToFixed(Math.Abs(value), precision);
        if (negative && text.All(c => c is '0' or '.'))
        {
            negative = false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? locale.Decimal + text[(dot + 1)..] : "";
        var grouped = new StringBuilder();
        for (var i = 0; i < integerPart.Length; i++)
        {
            if (i > 0 && (integerPart.Length - i) % 3 == 0)
            {
                grouped.Append(locale.Thousands);
            }

            grouped.Append(integerPart[i]);
        }

        return (negative ? MinusSign : "") + grouped + fraction;
    }

    // JavaScript's Math.round: nearest integer, ties toward +infinity.
    public static double Round(double value)
    {
        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    public static string ToUpper(string text) => ChangeCase(text, upper: true);

    public static string ToLower(string text) => ChangeCase(text, upper: false);

    private static string ChangeCase(string text, bool upper)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var special = upper ? SpecialUpper(rune.Value) : SpecialLower(rune.Value);
            if (special is not null)
            {
                result.Append(special);
                continue;
            }

            if (IsUnmatchedCasing(rune.Value, upper))
            {
                throw new ExpressionFailure(
                    $"{(upper ? "toUpper" : "toLower")} does not support the character U+{rune.Value:X4} " +
                    "(its JavaScript case mapping differs from .NET's)");
            }

            result.Append((upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune)).ToString());
        }

        return result.ToString();
    }

    // Unconditional full case mappings (Unicode SpecialCasing) that .NET's simple mapping lacks.
    private static string? SpecialUpper(int codePoint) => codePoint switch
    {
        0x00DF => "SS",        // ß
        0x0131 => "I",         // dotless i
        0x0149 => "\u02BCN",   // ŉ
        0xFB00 => "FF",
        0xFB01 => "FI",
        0xFB02 => "FL",
        0xFB03 => "FFI",
        0xFB04 => "FFL",
        0xFB05 => "ST",
        0xFB06 => "ST",
        _ => null,
    };

    private static string? SpecialLower(int codePoint) => codePoint == 0x0130 ? "i\u0307" : null; // İ

    // Characters whose JavaScript (ICU, Unicode 17) mapping differs from .NET's and that are not handled
    // above: Greek with iota subscripts, contextual final sigma, Armenian ligatures, recent Unicode letters.
    // Refused rather than silently producing a different string than the official engine.
    private static bool IsUnmatchedCasing(int c, bool upper) => upper
        ? c is 0x019B or 0x01F0 or 0x0264 or 0x0390 or 0x03B0 or 0x0587 or 0x1C8A
            or (>= 0x1E96 and <= 0x1E9A) or (>= 0x1F50 and <= 0x1F56) or (>= 0x1F80 and <= 0x1FFC)
            or (>= 0xA7C0 and <= 0xA7DF) or (>= 0xFB13 and <= 0xFB17)
            or (>= 0x10D50 and <= 0x10D8F) or (>= 0x16EA0 and <= 0x16EDF)
        : c is 0x03A3 or 0x1C89 or (>= 0xA7C0 and <= 0xA7DF)
            or (>= 0x10D50 and <= 0x10D8F) or (>= 0x16EA0 and <= 0x16EDF);

    // JavaScript's String.prototype.trim white space set.
    public static string Trim(string text) => text.Trim(JsWhiteSpace);

    private static readonly char[] JsWhiteSpace =
    [
        '\u0009', '\u000A', '\u000B', '\u000C', '\u000D', '\u0020', '\u00A0', '\u1680',
        '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
        '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF',
    ];
}
