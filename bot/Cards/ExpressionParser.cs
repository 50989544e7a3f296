using System.Globalization;
using System.Text;

namespace BepBot.Cards;

// Parses template strings the way adaptivecards-templating does (it hands "`" + value + "`" to the
// adaptive-expressions string-interpolation grammar), but accepts only the small language BepBot
// supports and refuses everything else with a message.
internal static class ExpressionParser
{
    private static readonly Dictionary<string, (int Min, int Max)> Functions = new(StringComparer.Ordinal)
    {
        ["if"] = (3, 3),
        ["count"] = (1, 1),
        ["empty"] = (1, 1),
        ["exists"] = (1, 1),
        ["not"] = (1, 1),
        ["and"] = (1, int.MaxValue),
        ["or"] = (1, int.MaxValue),
        ["equals"] = (2, 2),
        ["concat"] = (1, int.MaxValue),
        ["string"] = (1, 1),
        ["length"] = (1, 1),
        ["toUpper"] = (1, 1),
        ["toLower"] = (1, 1),
        ["join"] = (2, 3),
        ["formatNumber"] = (2, 3),
    };

    // Splits a template string into literal text (string) and expressions (ExpressionPiece).
    public static List<object> ParseTemplateString(string value)
    {
        var pieces = new List<object>();
        var text = new StringBuilder();
        var literalRun = new StringBuilder(); // literal output between two expressions, to catch a "${" it would show

        void FlushText()
        {
            if (text.Length > 0)
            {
                pieces.Add(text.ToString());
                text.Clear();
            }
        }

        void EndLiteralRun()
        {
            if (literalRun.ToString().Contains("${", StringComparison.Ordinal))
            {
                throw new ExpressionSyntaxError(
                    "the text \"" + literalRun + "\" would show a literal \"${\" (unterminated or escaped expression)");
            }

            literalRun.Clear();
        }

        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] is '`' or '$')
            {
                // The official grammar's only escapes in interpolated strings: \` and \$ (each its own constant).
                FlushText();
                pieces.Add(value[i + 1].ToString());
                literalRun.Append(value[i + 1]);
                i += 2;
            }
            else if (c == '\\' && i + 1 == value.Length)
            {
                throw new ExpressionSyntaxError(
                    "a string that contains ${...} cannot end with a backslash (the official engine reads it as an escaped backtick and fails)");
            }
            else if (c == '`')
            {
                throw new ExpressionSyntaxError(
                    "a backtick (`) in a string that contains ${...} ends the official engine's interpolation; escape it as \\`");
            }
            else if (c == '$' && i + 1 < value.Length && value[i + 1] == '{' && TryScanTemplate(value, i, out var end))
            {
                FlushText();
                EndLiteralRun();
                var source = value[i..end];
                pieces.Add(new ExpressionPiece(ParseExpression(JsFormatting.Trim(source[2..^1])), source));
                i = end;
            }
            else
            {
                text.Append(c);
                literalRun.Append(c);
                i++;
            }
        }

        FlushText();
        EndLiteralRun();
        return pieces;
    }

    // The grammar's TEMPLATE token: '${' (STRING | OBJECT_DEFINITION | ~[\r\n{}'"`])+ '}'.
    private static bool TryScanTemplate(string value, int start, out int end)
    {
        end = -1;
        var j = start + 2;
        var bodyLength = 0;
        while (j < value.Length)
        {
            var c = value[j];
            switch (c)
            {
                case '}' when bodyLength > 0:
                    end = j + 1;
                    return true;
                case '}' or '\r' or '\n' or '`':
                    return false;
                case '{':
                    throw new ExpressionSyntaxError("object literals ({...}) are not supported in expressions");
                case '\'' or '"':
                    var close = ScanStringEnd(value, j);
                    if (close < 0)
                    {
                        return false;
                    }

                    j = close + 1;
                    break;
                default:
                    j++;
                    break;
            }

            bodyLength++;
        }

        return false;
    }

    // Index of the closing quote of the string starting at start, or -1. \' (or \") and \\ are pairs.
    private static int ScanStringEnd(string value, int start)
    {
        var quote = value[start];
        var k = start + 1;
        while (k < value.Length)
        {
            if (value[k] == '\\' && k + 1 < value.Length && (value[k + 1] == quote || value[k + 1] == '\\'))
            {
                k += 2;
            }
            else if (value[k] == quote)
            {
                return k;
            }
            else
            {
                k++;
            }
        }

        return -1;
    }

    public static Expr ParseExpression(string source)
    {
        if (source.Length == 0)
        {
            throw new ExpressionSyntaxError("empty expression");
        }

        var parser = new Parser(source, Tokenize(source));
        var expression = parser.ParseTernary();
        parser.ExpectEnd();
        return expression;
    }

    private enum TokenKind { Number, String, Identifier, Operator, End }

    private readonly record struct Token(TokenKind Kind, string Text, int Start, int End);

    private static readonly string[] Operators =
    [
        "&&", "||", "==", "!=", "<>", "<=", ">=", "=>", "??",
        "+", "-", "!", "^", "*", "/", "%", "&", "<", ">", "(", ")", ".", "[", "]", "{", "}", ",", ":", "?",
    ];

    // The default-mode tokens of adaptive-expressions' ExpressionAntlrLexer.g4.
    private static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c is ' ' or '\t' or '\uFEFF' or '\u00A0' or '\n')
            {
                i++;
                continue;
            }

            if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
            {
                i += 2;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }

                if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
                {
                    i++;
                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new Token(TokenKind.Number, source[start..i], start, i));
            }
            else if (c is '\'' or '"')
            {
                var close = ScanStringEnd(source, i);
                if (close < 0)
                {
                    throw new ExpressionSyntaxError($"unterminated string literal in '{source}'");
                }

                i = close + 1;
                tokens.Add(new Token(TokenKind.String, source[start..i], start, i));
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '$' or '#' or '@' || (c == '%' && i + 1 < source.Length && IsIdentifierPart(source[i + 1])))
            {
                i++;
                if (c == '@' && i < source.Length && source[i] == '@')
                {
                    i++;
                }

                while (i < source.Length && IsIdentifierPart(source[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, source[start..i], start, i));
            }
            else if (c == '`')
            {
                throw new ExpressionSyntaxError("string interpolation (`...`) inside an expression is not supported");
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0)
                    ?? throw new ExpressionSyntaxError($"unexpected character '{c}' at position {i} in '{source}'");
                i += op.Length;
                tokens.Add(new Token(TokenKind.Operator, op, start, i));
            }
        }

        tokens.Add(new Token(TokenKind.End, "", source.Length, source.Length));
        return tokens;
    }

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // Precedence (loosest first) as in ExpressionAntlrParser.g4: ?: , ??, ||, &&, < <= > >=, &, == !=,
    // + -, * / %, ^, unary. Note that relational operators bind looser than equality there.
    private sealed class Parser(string source, List<Token> tokens)
    {
        private int _position;

        private Token Current => tokens[_position];

        private bool IsOperator(string op) => Current.Kind == TokenKind.Operator && Current.Text == op;

        private string Slice(int start) => source[start..tokens[_position - 1].End];

        public void ExpectEnd()
        {
            if (Current.Kind != TokenKind.End)
            {
                throw Unexpected();
            }
        }

        private ExpressionSyntaxError Unexpected() => Current.Kind == TokenKind.End
            ? new ExpressionSyntaxError($"unexpected end of expression '{source}'")
            : new ExpressionSyntaxError($"unexpected '{Current.Text}' at position {Current.Start} in '{source}'");

        private void Expect(string op)
        {
            if (!IsOperator(op))
            {
                throw Unexpected();
            }

            _position++;
        }

        public Expr ParseTernary()
        {
            var expression = ParseCoalesce();
            if (IsOperator("?"))
            {
                throw Unsupported("the conditional operator ?: (use if(condition, a, b))");
            }

            return expression;
        }

        private Expr ParseCoalesce()
        {
            var expression = ParseBinary(0);
            if (IsOperator("??"))
            {
                throw Unsupported("the operator ?? (use if(exists(x), x, default))");
            }

            return expression;
        }

        private static readonly string[][] BinaryLevels =
        [
            ["||"],
            ["&&"],
            ["<", "<=", ">", ">="],
            ["&"],
            ["==", "!=", "<>"],
            ["+", "-"],
            ["*", "/", "%"],
            ["^"],
        ];

        private Expr ParseBinary(int level)
        {
            if (level == BinaryLevels.Length)
            {
                return ParseUnary();
            }

            var start = Current.Start;
            var left = ParseBinary(level + 1);
            while (Current.Kind == TokenKind.Operator && BinaryLevels[level].Contains(Current.Text))
            {
                var op = Current.Text;
                switch (op)
                {
                    case "&":
                        throw Unsupported("the operator & (use concat(a, b) or a + b)");
                    case "<>":
                        throw Unsupported("the operator <> (use !=)");
                    case "%" or "^":
                        throw Unsupported($"the operator {op}");
                }

                _position++;
                var right = ParseBinary(level + 1);
                left = new CallExpr(op, [left, right], Slice(start));
            }

            return left;
        }

        private Expr ParseUnary()
        {
            var start = Current.Start;
            if (IsOperator("!") || IsOperator("-"))
            {
                var op = Current.Text;
                _position++;
                var operand = ParseUnary();
                return op == "!"
                    ? new CallExpr("!", [operand], Slice(start))
                    : new CallExpr("-", [new LiteralExpr(CardValue.From(0), "0"), operand], Slice(start)); // as AEL: 0 - x
            }

            if (IsOperator("+"))
            {
                throw Unsupported("the unary operator +");
            }

            return ParsePostfix();
        }

        private Expr ParsePostfix()
        {
            var start = Current.Start;
            var token = Current;
            var expression = ParsePrimary();
            var isBareIdentifier = token.Kind == TokenKind.Identifier && expression is PathExpr;
            while (true)
            {
                if (IsOperator("("))
                {
                    if (!isBareIdentifier)
                    {
                        throw Unsupported($"calling '{Slice(start)}'");
                    }

                    expression = ParseCall(token.Text, start);
                    isBareIdentifier = false;
                }
                else if (IsOperator("!") && tokens[_position + 1] is { Kind: TokenKind.Operator, Text: "(" })
                {
                    throw Unsupported($"the function '{Slice(start)}!'");
                }
                else if (IsOperator("."))
                {
                    _position++;
                    if (Current.Kind != TokenKind.Identifier)
                    {
                        throw Unexpected();
                    }

                    var name = Current.Text;
                    _position++;
                    if (!IsPlainName(name))
                    {
                        throw Unsupported($"the property name '{name}'");
                    }

                    expression = Extend(expression, name, start);
                    isBareIdentifier = false;
                }
                else if (IsOperator("["))
                {
                    _position++;
                    var indexStart = Current.Start;
                    var index = ParseTernary();
                    Expect("]");
                    expression = Extend(expression, LiteralIndex(index, source[indexStart..tokens[_position - 2].End]), start);
                    isBareIdentifier = false;
                }
                else
                {
                    return expression;
                }
            }
        }

        private PathExpr Extend(Expr expression, object segment, int start)
        {
            if (expression is not PathExpr path || path.Root == PathRoot.Index)
            {
                throw Unsupported($"property or index access on '{expression.Text}' (only on data paths such as a.b[0])");
            }

            return new PathExpr(path.Root, [.. path.Segments, segment], Slice(start));
        }

        // Indexes are literals only: a[0] or a['key'].
        private static object LiteralIndex(Expr index, string text)
        {
            if (index is LiteralExpr { Value.Kind: CardValueKind.Number } number
                && number.Value.Number == Math.Floor(number.Value.Number) && number.Value.Number <= int.MaxValue)
            {
                return (int)number.Value.Number;
            }

            if (index is LiteralExpr { Value.Kind: CardValueKind.String } key)
            {
                var name = key.Value.Text!;
                // The official engine splits paths on . [ ] and treats a key that starts like a number as an index.
                if (name.Length == 0 || name.IndexOfAny(['.', '[', ']']) >= 0
                    || int.TryParse(name.AsSpan(0, 1), out _) || char.IsWhiteSpace(name[0]) || name[0] is '-' or '+')
                {
                    throw new ExpressionSyntaxError($"the index [{text}] is not supported (a key must not be empty, contain . [ ] or start like a number)");
                }

                return name;
            }

            throw new ExpressionSyntaxError($"the index [{text}] is not supported (only a number or a quoted string)");
        }

        private CallExpr ParseCall(string name, int start)
        {
            if (!Functions.TryGetValue(name, out var arity))
            {
                throw new ExpressionSyntaxError($"unknown function '{name}' (supported: {string.Join(", ", Functions.Keys)})");
            }

            Expect("(");
            var arguments = new List<Expr>();
            if (!IsOperator(")"))
            {
                while (true)
                {
                    if (Current.Kind == TokenKind.Identifier && tokens[_position + 1] is { Kind: TokenKind.Operator, Text: "=>" })
                    {
                        throw Unsupported("lambda arguments (x => ...)");
                    }

                    arguments.Add(ParseTernary());
                    if (!IsOperator(","))
                    {
                        break;
                    }

                    _position++;
                }
            }

            Expect(")");
            var text = Slice(start);
            if (arguments.Count < arity.Min || arguments.Count > arity.Max)
            {
                var expected = arity.Min == arity.Max ? arity.Min.ToString(CultureInfo.InvariantCulture)
                    : arity.Max == int.MaxValue ? $"at least {arity.Min}" : $"{arity.Min} to {arity.Max}";
                throw new ExpressionSyntaxError($"{name} takes {expected} argument(s) but '{text}' has {arguments.Count}");
            }

            if (name == "formatNumber" && arguments.Count == 3
                && (arguments[2] is not LiteralExpr { Value.Kind: CardValueKind.String } locale || NumberLocale.Find(locale.Value.Text!) is null))
            {
                throw new ExpressionSyntaxError(
                    $"the third argument of '{text}' must be the literal 'en-US' or 'fr-FR' (the official engine formats any other locale, fr-BE included, as en-US)");
            }

            return new CallExpr(name, arguments, text);
        }

        private Expr ParsePrimary()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Number:
                    _position++;
                    return new LiteralExpr(CardValue.From(double.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)), token.Text);
                case TokenKind.String:
                    _position++;
                    var literal = UnquoteString(token.Text);
                    if (literal.Contains("${", StringComparison.Ordinal))
                    {
                        throw new ExpressionSyntaxError($"the string literal {token.Text} contains \"${{\"");
                    }

                    return new LiteralExpr(CardValue.From(literal), token.Text);
                case TokenKind.Identifier:
                    _position++;
                    return Identifier(token.Text);
                case TokenKind.Operator when token.Text == "(":
                    _position++;
                    var inner = ParseTernary();
                    Expect(")");
                    return inner;
                case TokenKind.Operator when token.Text == "[":
                    throw Unsupported("array literals ([...])");
                case TokenKind.Operator when token.Text == "{":
                    throw Unsupported("object literals ({...})");
                default:
                    throw Unexpected();
            }
        }

        private static Expr Identifier(string name) => name switch
        {
            "true" => new LiteralExpr(CardValue.From(true), name),
            "false" => new LiteralExpr(CardValue.From(false), name),
            "null" => new LiteralExpr(CardValue.Null, name),
            "undefined" => throw new ExpressionSyntaxError("'undefined' is not supported (use null)"),
            "$root" => new PathExpr(PathRoot.Root, [], name),
            "$data" => new PathExpr(PathRoot.Data, [], name),
            "$index" => new PathExpr(PathRoot.Index, [], name),
            _ when !IsPlainName(name) => throw new ExpressionSyntaxError(
                $"'{name}' is not supported (the only $ names are $root, $data and $index)"),
            _ => new PathExpr(PathRoot.Data, [name], name),
        };

        private static bool IsPlainName(string name) => char.IsAsciiLetter(name[0]) || name[0] == '_';

        // As AEL's visitStringAtom: strip quotes, unescape the quote, then \r \n \t \\ (other \x stay).
        private static string UnquoteString(string token)
        {
            var quote = token[0];
            var body = token[1..^1].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
            var result = new StringBuilder(body.Length);
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] is not ('\r' or '\n'))
                {
                    var mapped = body[i + 1] switch { 'r' => "\r", 'n' => "\n", 't' => "\t", '\\' => "\\", _ => null };
                    result.Append(mapped ?? body.Substring(i, 2));
                    i++;
                }
                else
                {
                    result.Append(body[i]);
                }
            }

            return result.ToString();
        }

        private static ExpressionSyntaxError Unsupported(string what) => new($"{what} is not supported");
    }
}
