using System.Text;

namespace BepBot.Infrastructure.Text;

public static class TextFileDecoding
{
    /// <summary>UTF-8 (with or without BOM) as most tools write it; else Windows-1252/Latin-1, as older Excel saves CSV.</summary>
    public static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }
}
