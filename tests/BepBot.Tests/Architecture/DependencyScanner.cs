using System.Reflection;
using System.Reflection.Emit;

namespace BepBot.Tests.Architecture;

/// <summary>
/// Every type of an assembly that another type of the same assembly uses: in its base types, members' signatures,
/// attributes and method bodies (IL tokens), so a dependency hidden in a lambda or an async state machine counts too.
/// Nested and compiler-generated types count as their outermost declaring type.
/// </summary>
internal static class DependencyScanner
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static IReadOnlyList<(Type From, Type To)> Scan(Assembly assembly)
    {
        var edges = new HashSet<(Type, Type)>();
        foreach (var type in assembly.GetTypes())
        {
            var from = Outermost(type);
            foreach (var used in UsedBy(type).SelectMany(Flatten).Where(used => used.Assembly == assembly))
            {
                var to = Outermost(used);
                if (to != from)
                {
                    edges.Add((from, to));
                }
            }
        }

        return [.. edges];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var element in Flatten(type.GetElementType()!))
            {
                yield return element;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }

    private static IEnumerable<Type> UsedBy(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return contract;
        }

        foreach (var attribute in type.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in UsedInBody(method))
            {
                yield return used;
            }
        }
    }

    /// <summary>
    /// What each type's method bodies use, as IL operands: members and types of any assembly (a call, a field, a
    /// constructor) and string literals. Nested and compiler-generated types count as their outermost declaring type.
    /// </summary>
    public static IReadOnlyList<(Type From, object Operand)> Operands(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(type => type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything))
                .SelectMany(method => OperandsOf(method).Select(operand => (Outermost(type), operand))))];

    private static List<Type> UsedInBody(MethodBase method)
    {
        var used = new List<Type>();
        foreach (var operand in OperandsOf(method))
        {
            switch (operand)
            {
                case Type type:
                    used.Add(type);
                    break;
                case MemberInfo member:
                    used.Add(member.DeclaringType!);
                    if (member is MethodInfo { IsGenericMethod: true } generic)
                    {
                        used.AddRange(generic.GetGenericArguments());
                    }

                    break;
            }
        }

        return used;
    }

    private static List<object> OperandsOf(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var operands = new List<object>();
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                operands.Add(method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments)!);
            }
            else if (code.OperandType is OperandType.InlineString)
            {
                operands.Add(method.Module.ResolveString(BitConverter.ToInt32(il, position)));
            }

            position += OperandSize(code, il, position);
        }

        return operands;
    }

    private static int OperandSize(OpCode code, byte[] il, int position) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
