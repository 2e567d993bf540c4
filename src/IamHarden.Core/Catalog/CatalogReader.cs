using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace IamHarden.Core.Catalog;

/// <summary>
/// Reads catalog.bin, the compact form <c>tools/catalog/generate.mjs</c> writes: Brotli-compressed
/// UTF-8 text, one record a line, fields separated by tabs, lists by commas (the format is set out
/// in docs/CATALOG.md). Records come in a fixed order, so one pass builds the whole object graph:
/// the condition key table (K) first, then per service (S) its resource types (T) and its actions
/// (A), each action followed by its resource type links (r), and last an end record (E) whose
/// counts must agree with what was read, so a cut-off file is refused rather than half-loaded.
/// </summary>
internal static class CatalogReader
{
    private static ReadOnlySpan<byte> FormatName => "IAMHARDEN-CATALOG"u8;
    private const int FormatVersion = 1;

    public static ActionCatalog Read(Stream compressed)
    {
        // The text is about seven times the compressed size; sizing the buffer near that up front
        // saves the copies a growing MemoryStream would make of a megabyte-sized array.
        int expectedLength = compressed.CanSeek ? (int)Math.Min(compressed.Length * 8, 256 << 20) : 0;
        using var buffer = new MemoryStream(expectedLength);
        try
        {
            using var brotli = new BrotliStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            brotli.CopyTo(buffer);
        }
        catch (InvalidOperationException e)
        {
            // BrotliStream reports malformed input this way; callers get the one exception Load documents.
            throw new InvalidDataException("catalog.bin is not valid Brotli data.", e);
        }
        return new Parser((int)buffer.Length).Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private sealed class Parser(int textLength)
    {
        // Full names take about half of the catalog text.
        private readonly ActionNameIndex.Builder actionNames = new(textLength / 2);
        private readonly List<ConditionKeyDefinition> conditionKeys = [];
        private readonly List<ServiceDefinition> services = [];
        private readonly List<ActionDefinition> allActions = [];
        private string dataSource = "", dataVersion = "";
        private DateOnly dataDate;
        private int lineNumber;
        private bool sawEnd;
        private int resourceTypeCount;

        private ServiceDefinition? service;
        private readonly List<ResourceTypeDefinition> serviceResourceTypes = [];
        private readonly List<ActionDefinition> serviceActions = [];

        private (string Name, AccessLevel Level, ImmutableArray<ConditionKeyDefinition> Keys, ImmutableArray<string> Dependent)? pendingAction;
        private readonly List<ActionResourceType> pendingLinks = [];

        // The loader runs once per process over ~50,000 lines: compiling it optimised straight
        // away beats starting in unoptimised tier-0 code that is replaced only after the load.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ActionCatalog Parse(ReadOnlySpan<byte> text)
        {
            bool sawHeader = false;
            while (!text.IsEmpty)
            {
                int newline = text.IndexOf((byte)'\n');
                var line = newline < 0 ? text : text[..newline];
                text = newline < 0 ? [] : text[(newline + 1)..];
                lineNumber++;
                if (line.IsEmpty) continue;
                if (!sawHeader)
                {
                    ReadHeader(line);
                    sawHeader = true;
                    continue;
                }
                if (sawEnd) throw Corrupt("records after the end record");
                var fields = new FieldReader(line);
                var kind = fields.Next();
                switch (kind.Length == 1 ? (char)kind[0] : '\0')
                {
                    case 'K': ReadConditionKey(ref fields); break;
                    case 'V': ReadVersion(ref fields); break;
                    case 'S': ReadService(ref fields); break;
                    case 'T': ReadResourceType(ref fields); break;
                    case 'A': ReadAction(ref fields); break;
                    case 'r': ReadActionResourceType(ref fields); break;
                    case 'E': ReadEnd(ref fields); break;
                    default: throw Corrupt($"unknown record '{Text(line[..Math.Min(line.Length, 20)])}'");
                }
            }
            if (!sawHeader) throw Corrupt("empty catalog");
            if (!sawEnd) throw Corrupt("the catalog ends early (no end record)");
            var globalKeys = conditionKeys.Where(k => k.IsGlobal).ToImmutableArray();
            return new ActionCatalog(dataSource, dataVersion, dataDate, [.. services], [.. allActions], globalKeys, actionNames.Build());
        }

        private void ReadEnd(ref FieldReader fields)
        {
            FinishService();
            if (fields.NextInt() != services.Count || fields.NextInt() != allActions.Count
                || fields.NextInt() != resourceTypeCount || fields.NextInt() != conditionKeys.Count)
                throw Corrupt("the counts in the end record disagree with the records read");
            sawEnd = true;
        }

        private void ReadHeader(ReadOnlySpan<byte> line)
        {
            var fields = new FieldReader(line);
            if (!fields.Next().SequenceEqual(FormatName)) throw Corrupt("not an IamHarden catalog");
            if (fields.NextInt() != FormatVersion) throw Corrupt($"unsupported catalog format version (this build reads {FormatVersion})");
        }

        private void ReadVersion(ref FieldReader fields)
        {
            dataSource = Text(fields.Next());
            dataVersion = Text(fields.Next());
            string timestamp = Text(fields.Next());
            if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated))
                throw Corrupt($"bad data date '{timestamp}'");
            dataDate = DateOnly.FromDateTime(updated.UtcDateTime);
        }

        private void ReadConditionKey(ref FieldReader fields)
        {
            string name = Text(fields.Next());
            string typeText = Text(fields.Next());
            var type = ParseConditionKeyType(typeText) ?? throw Corrupt($"unknown condition key type '{typeText}'");
            bool isGlobal = fields.Next().SequenceEqual("g"u8);
            conditionKeys.Add(new ConditionKeyDefinition(name, type, isGlobal));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadService(ref FieldReader fields)
        {
            FinishService();
            string prefix = Text(fields.Next());
            string name = Text(fields.Next());
            bool isRcpSupported = fields.Next().SequenceEqual("1"u8);
            service = new ServiceDefinition(prefix, name, isRcpSupported, ReadKeyList(fields.Next()));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadResourceType(ref FieldReader fields)
        {
            var owner = service ?? throw Corrupt("resource type before any service");
            string name = Text(fields.Next());
            string arnFormat = Text(fields.Next());
            serviceResourceTypes.Add(new ResourceTypeDefinition(owner.Prefix, name, arnFormat, ReadKeyList(fields.Next())));
            resourceTypeCount++;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadAction(ref FieldReader fields)
        {
            FinishAction();
            if (service is null) throw Corrupt("action before any service");
            string name = Text(fields.Next());
            var levelCode = fields.Next();
            var level = (levelCode.Length == 1 ? (char)levelCode[0] : '\0') switch
            {
                'L' => AccessLevel.List,
                'R' => AccessLevel.Read,
                'W' => AccessLevel.Write,
                'P' => AccessLevel.PermissionsManagement,
                'T' => AccessLevel.Tagging,
                _ => throw Corrupt($"unknown access level '{Text(levelCode)}'"),
            };
            pendingAction = (name, level, ReadKeyList(fields.Next()), ReadNameList(fields.Next()));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadActionResourceType(ref FieldReader fields)
        {
            if (pendingAction is null) throw Corrupt("resource type link before any action");
            int index = fields.NextInt();
            if ((uint)index >= (uint)serviceResourceTypes.Count) throw Corrupt($"resource type index {index} out of range");
            bool isRequired = fields.Next().SequenceEqual("1"u8);
            pendingLinks.Add(new ActionResourceType(serviceResourceTypes[index], isRequired,
                ReadKeyList(fields.Next()), ReadNameList(fields.Next())));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void FinishAction()
        {
            if (pendingAction is not { } action) return;
            var definition = new ActionDefinition(service!, action.Name, action.Level, [.. pendingLinks],
                action.Keys, action.Dependent, allActions.Count);
            serviceActions.Add(definition);
            allActions.Add(definition);
            actionNames.Add(service!.Prefix, action.Name);
            pendingLinks.Clear();
            pendingAction = null;
        }

        private void FinishService()
        {
            FinishAction();
            if (service is null) return;
            service.Complete([.. serviceResourceTypes], [.. serviceActions]);
            services.Add(service);
            serviceResourceTypes.Clear();
            serviceActions.Clear();
            service = null;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private ImmutableArray<ConditionKeyDefinition> ReadKeyList(ReadOnlySpan<byte> list)
        {
            if (list.IsEmpty) return [];
            var keys = new ConditionKeyDefinition[list.Count((byte)',') + 1];
            int k = 0;
            foreach (var range in list.Split((byte)','))
            {
                if (!int.TryParse(list[range], NumberStyles.None, CultureInfo.InvariantCulture, out int id) || id >= conditionKeys.Count)
                    throw Corrupt($"bad condition key reference '{Text(list[range])}'");
                keys[k++] = conditionKeys[id];
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(keys);
        }

        private static ImmutableArray<string> ReadNameList(ReadOnlySpan<byte> list)
        {
            if (list.IsEmpty) return [];
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var range in list.Split((byte)',')) names.Add(Text(list[range]));
            return names.ToImmutable();
        }

        // The Service Authorization Reference's spelling of each type. A switch rather than
        // Enum.TryParse, whose first call costs milliseconds of reflection at start-up.
        private static ConditionKeyType? ParseConditionKeyType(string text) => text switch
        {
            "String" => ConditionKeyType.String,
            "ArrayOfString" => ConditionKeyType.ArrayOfString,
            "Numeric" => ConditionKeyType.Numeric,
            "ArrayOfNumeric" => ConditionKeyType.ArrayOfNumeric,
            "Date" => ConditionKeyType.Date,
            "ArrayOfDate" => ConditionKeyType.ArrayOfDate,
            "Bool" => ConditionKeyType.Bool,
            "ArrayOfBool" => ConditionKeyType.ArrayOfBool,
            "IPAddress" => ConditionKeyType.IPAddress,
            "ArrayOfIPAddress" => ConditionKeyType.ArrayOfIPAddress,
            "ARN" => ConditionKeyType.Arn,
            "ArrayOfARN" => ConditionKeyType.ArrayOfArn,
            "Binary" => ConditionKeyType.Binary,
            "ArrayOfBinary" => ConditionKeyType.ArrayOfBinary,
            _ => null,
        };

        private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

        private InvalidDataException Corrupt(string message) =>
            new($"catalog.bin line {lineNumber}: {message}");
    }

    /// <summary>Walks the tab-separated fields of one line; a missing field reads as empty.</summary>
    private ref struct FieldReader(ReadOnlySpan<byte> line)
    {
        private ReadOnlySpan<byte> rest = line;
        private bool done;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<byte> Next()
        {
            if (done) return [];
            int tab = rest.IndexOf((byte)'\t');
            if (tab < 0)
            {
                done = true;
                return rest;
            }
            var field = rest[..tab];
            rest = rest[(tab + 1)..];
            return field;
        }

        public int NextInt()
        {
            var field = Next();
            return int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw new InvalidDataException($"catalog.bin: '{Encoding.UTF8.GetString(field)}' is not a number");
        }
    }
}
